/**
 * A seeded, deterministic source of hostile input for the fuzz run: the same seed gives the same
 * cases in any process. Random bytes, random JSON values drawn from the words contracts and pacts
 * use (so they reach past the first check), and mutations of real documents.
 */

export class Fuzz {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough to spread cases. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(max: number): Buffer {
    return Buffer.from(Array.from({ length: this.int(max) }, () => this.int(256)));
  }

  /** A string from a mix of plain words, the keywords parsers branch on, and bytes no one expects. */
  text(): string {
    return this.pick([
      () => this.pick(WORDS),
      () => this.pick(ODD_STRINGS),
      () => this.bytes(24).toString("latin1"),
      () => String.fromCodePoint(...Array.from({ length: this.int(8) }, () => this.int(0x10ffff + 1))),
      () => `${this.pick(WORDS)}${this.pick(ODD_STRINGS)}`,
    ])();
  }

  /** A JSON value up to `depth` levels, keys drawn from the vocabularies of OpenAPI and Pact. */
  json(depth: number): unknown {
    const kind = depth <= 0 ? this.int(5) : this.int(7);
    if (kind === 0) return this.text();
    if (kind === 1) return this.pick(NUMBERS);
    if (kind === 2) return this.next() < 0.5;
    if (kind === 3) return null;
    if (kind === 4) return this.pick(WORDS);
    if (kind === 5) return Array.from({ length: this.int(4) }, () => this.json(depth - 1));
    const out: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--) out[this.pick([...KEYS, ...ODD_STRINGS])] = this.json(depth - 1);
    return out;
  }

  /** `doc` with a few of its values replaced, removed or given odd siblings: mostly valid, wrong in one place. */
  mutate<T>(doc: T, changes: number): T {
    const copy = structuredClone(doc) as unknown;
    for (let i = 0; i < changes; i++) {
      const containers = containersOf(copy);
      const target = this.pick(containers);
      const keys: Array<string | number> = Array.isArray(target)
        ? target.map((_, index) => index)
        : Object.keys(target);
      const action = keys.length === 0 ? 2 : this.int(3);
      const key: string | number = keys.length > 0 ? this.pick(keys) : this.pick(KEYS);
      if (action === 0) (target as Record<string | number, unknown>)[key] = this.json(2);
      else if (action === 1 && !Array.isArray(target)) delete (target as Record<string, unknown>)[key as string];
      else
        (target as Record<string | number, unknown>)[
          Array.isArray(target) ? target.length : this.pick([...KEYS, ...ODD_STRINGS])
        ] = this.json(2);
    }
    return copy as T;
  }
}

/** Every object and array in `value`, the root first. */
function containersOf(value: unknown): Array<Record<string, unknown> | unknown[]> {
  const found: Array<Record<string, unknown> | unknown[]> = [];
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    found.push(node as Record<string, unknown>);
    stack.push(...Object.values(node));
  }
  return found;
}

const KEYS = [
  "openapi",
  "swagger",
  "info",
  "title",
  "version",
  "paths",
  "servers",
  "url",
  "components",
  "schemas",
  "$ref",
  "type",
  "properties",
  "items",
  "required",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "enum",
  "const",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "nullable",
  "discriminator",
  "responses",
  "content",
  "schema",
  "example",
  "examples",
  "parameters",
  "in",
  "name",
  "style",
  "explode",
  "requestBody",
  "headers",
  "security",
  "securitySchemes",
  "get",
  "post",
  "put",
  "delete",
  "default",
  "200",
  "404",
  "application/json",
  "consumer",
  "provider",
  "interactions",
  "request",
  "response",
  "method",
  "path",
  "query",
  "status",
  "body",
  "matchingRules",
  "providerStates",
  "description",
  "metadata",
  "pactSpecification",
  "match",
  "regex",
  "min",
  "max",
  "__proto__",
  "constructor",
  "prototype",
];

const WORDS = [
  "object",
  "array",
  "string",
  "integer",
  "number",
  "boolean",
  "null",
  "GET",
  "POST",
  "application/json",
  "text/plain",
  "#/components/schemas/Product",
  "#/nowhere",
  "/products/{id}",
  "query",
  "header",
  "path",
  "cookie",
  "deepObject",
  "date-time",
  "uuid",
  "3.0.3",
  "3.1.0",
  "2.0",
  "4.0",
];

const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\r\n",
  "\u001b[2K",
  "\uFEFF",
  "\uD800",
  "%",
  "%zz",
  "../../../etc/passwd",
  "file:///etc/passwd",
  "http://127.0.0.1:1/x",
  "${x}",
  "{{request.body}}",
  "^(a+)+$",
  "(?=(a+)+$)",
  "[",
  "*a",
  "&a",
  "!!binary",
  "日本語",
  "x".repeat(300),
  "\\",
  '"',
  "'",
];

const NUMBERS = [0, -1, 1, 0.5, 1e308, -1e308, 2 ** 53, 999999999, 100, 599, 600, 99];
