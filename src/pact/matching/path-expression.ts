/**
 * Pact's matching-rule paths: `$.animals[*].name`, `$['2'].str`, `$.items[0]`, `$.*`. A rule
 * applies to a value when its tokens match a prefix of the value's path; that prefix rule is how a
 * `like({...})` at `$` cascades to every value below it. Among the rules that apply, the one with
 * the highest weight (then the longest) wins: an exact name or index weighs 2, a wildcard 1.
 */
export type PathToken =
  | { kind: "root" }
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "star-index" }
  | { kind: "star" };

/** Splits an expression into tokens; undefined when it is not a path Pact would read. */
export function parsePathExpression(expression: string): PathToken[] | undefined {
  const text = expression.trim();
  if (!text.startsWith("$")) return undefined;
  const tokens: PathToken[] = [{ kind: "root" }];
  let i = 1;
  while (i < text.length) {
    const next = text[i] === "." ? readDotted(text, i + 1) : text[i] === "[" ? readBracketed(text, i + 1) : undefined;
    if (!next) return undefined;
    tokens.push(next.token);
    i = next.end;
  }
  return tokens;
}

function readDotted(text: string, start: number): { token: PathToken; end: number } | undefined {
  let end = start;
  while (end < text.length && text[end] !== "." && text[end] !== "[") end++;
  const name = text.slice(start, end);
  if (name === "") return undefined;
  return { token: name === "*" ? { kind: "star" } : { kind: "field", name }, end };
}

function readBracketed(text: string, start: number): { token: PathToken; end: number } | undefined {
  const quote = text[start];
  if (quote === "'" || quote === '"') {
    const close = text.indexOf(`${quote}]`, start + 1);
    if (close < 0) return undefined;
    return { token: { kind: "field", name: text.slice(start + 1, close) }, end: close + 2 };
  }
  const close = text.indexOf("]", start);
  if (close < 0) return undefined;
  const inner = text.slice(start, close).trim();
  if (inner === "*") return { token: { kind: "star-index" }, end: close + 1 };
  if (!/^\d+$/.test(inner)) return undefined;
  return { token: { kind: "index", index: Number(inner) }, end: close + 1 };
}

/** Weight of `tokens` against a value's path (`["$", "animals", "0", "name"]`): 0 when it does not apply. */
export function pathWeight(tokens: PathToken[], path: readonly string[]): number {
  if (tokens.length > path.length) return 0;
  let weight = 1;
  for (let i = 0; i < tokens.length && weight > 0; i++) weight *= tokenWeight(tokens[i]!, path[i]!);
  return weight;
}

function tokenWeight(token: PathToken, fragment: string): number {
  switch (token.kind) {
    case "root":
      return fragment === "$" ? 2 : 0;
    case "field":
      return fragment === token.name ? 2 : 0;
    case "index":
      return /^\d+$/.test(fragment) && Number(fragment) === token.index ? 2 : 0;
    case "star-index":
      return /^\d+$/.test(fragment) ? 1 : 0;
    case "star":
      return 1;
  }
}

/** `["$", "animals", "0", "name"]` -> `$.animals[0].name`, for messages. */
export function formatPath(path: readonly string[]): string {
  return path
    .map((p, i) => (i === 0 ? p : /^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_][\w-]*$/.test(p) ? `.${p}` : `['${p}']`))
    .join("");
}
