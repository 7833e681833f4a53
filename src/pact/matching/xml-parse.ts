/** An XML element as Pact compares it: name, attributes, child elements, and its text (trimmed). */
export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const MAX_DEPTH = 256;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * A small, strict parser for the XML bodies of pacts and requests: elements, attributes, text,
 * CDATA, comments, a prolog and a simple DOCTYPE. No entity definitions are read (so no entity
 * expansion attacks), and nesting is bounded. Throws with the offset where the document breaks.
 */
export function parseXml(text: string): XmlElement {
  const reader = { text, at: 0 };
  skipMisc(reader);
  const root = readElement(reader, 0);
  skipMisc(reader);
  if (reader.at < text.length) fail(reader, "content after the root element");
  return root;
}

interface Reader {
  text: string;
  at: number;
}

function skipMisc(r: Reader): void {
  for (;;) {
    while (/\s/.test(r.text[r.at] ?? "")) r.at++;
    if (r.text.startsWith("<?", r.at)) r.at = endOf(r, "?>");
    else if (r.text.startsWith("<!--", r.at)) r.at = endOf(r, "-->");
    else if (r.text.startsWith("<!DOCTYPE", r.at)) r.at = endOf(r, ">");
    else return;
  }
}

function readElement(r: Reader, depth: number): XmlElement {
  if (depth > MAX_DEPTH) fail(r, `nesting deeper than ${MAX_DEPTH}`);
  if (r.text[r.at] !== "<") fail(r, "expected an element");
  r.at++;
  const element: XmlElement = { name: readName(r), attributes: new Map(), children: [], text: "" };
  for (;;) {
    while (/\s/.test(r.text[r.at] ?? "")) r.at++;
    if (r.text.startsWith("/>", r.at)) {
      r.at += 2;
      return element;
    }
    if (r.text[r.at] === ">") break;
    const name = readName(r);
    while (/\s/.test(r.text[r.at] ?? "")) r.at++;
    if (r.text[r.at] !== "=") fail(r, `expected = after attribute ${name}`);
    r.at++;
    while (/\s/.test(r.text[r.at] ?? "")) r.at++;
    element.attributes.set(name, readQuoted(r));
  }
  r.at++;
  readContent(r, element, depth);
  return element;
}

function readContent(r: Reader, element: XmlElement, depth: number): void {
  let text = "";
  for (;;) {
    if (r.at >= r.text.length) fail(r, `element <${element.name}> is not closed`);
    if (r.text.startsWith("</", r.at)) {
      r.at += 2;
      if (readName(r) !== element.name) fail(r, `closing tag does not match <${element.name}>`);
      r.at = endOf(r, ">");
      element.text = text.trim();
      return;
    }
    if (r.text.startsWith("<!--", r.at)) r.at = endOf(r, "-->");
    else if (r.text.startsWith("<![CDATA[", r.at)) {
      const end = endOf(r, "]]>");
      text += r.text.slice(r.at + 9, end - 3);
      r.at = end;
    } else if (r.text[r.at] === "<") element.children.push(readElement(r, depth + 1));
    else {
      const next = r.text.indexOf("<", r.at);
      const end = next < 0 ? r.text.length : next;
      text += decodeEntities(r.text.slice(r.at, end));
      r.at = end;
    }
  }
}

function readName(r: Reader): string {
  const match = /^[A-Za-z_:][\w:.-]*/.exec(r.text.slice(r.at, r.at + 256));
  if (!match) fail(r, "expected a name");
  r.at += match[0].length;
  return match[0];
}

function readQuoted(r: Reader): string {
  const quote = r.text[r.at];
  if (quote !== '"' && quote !== "'") fail(r, "expected a quoted attribute value");
  const end = r.text.indexOf(quote, r.at + 1);
  if (end < 0) fail(r, "attribute value is not closed");
  const value = decodeEntities(r.text.slice(r.at + 1, end));
  r.at = end + 1;
  return value;
}

function endOf(r: Reader, marker: string): number {
  const end = r.text.indexOf(marker, r.at);
  if (end < 0) fail(r, `expected ${marker}`);
  return end + marker.length;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function fail(r: Reader, why: string): never {
  throw new Error(`XML is not well-formed at offset ${r.at}: ${why}`);
}
