/** A tiny element builder: the console builds its DOM from data with text nodes, never innerHTML. */
export type Child = Node | string | number | null | undefined | false;

export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) setAttribute(element, name, value);
  append(element, ...children);
  return element;
}

function setAttribute(element: HTMLElement, name: string, value: Attributes[string]): void {
  if (value === undefined || value === false) return;
  if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
  else if (value === true) element.setAttribute(name, "");
  else element.setAttribute(name, String(value));
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the console page has no #${id}`);
  return element as T;
}

/** `2xx` .. `5xx`: the class that colours a status. */
export function statusClass(status: number | undefined): string {
  return status === undefined ? "status s0xx" : `status s${Math.floor(status / 100)}xx`;
}

export function methodBadge(method: string): HTMLElement {
  return h("span", { class: `method m-${method.toLowerCase()}` }, method.toUpperCase());
}
