/**
 * The one place that decides what is secret. Every place that shows or writes a request (the mock's
 * and the proxy's journal, recordings, reports, terminal lines) asks here, so a credential never
 * reaches a log, a file or the admin API. Names are judged by a pattern (Authorization, tokens,
 * passwords, API keys, cookies, sessions) and by the names a contract gives its own apiKey schemes
 * (`X-Inventory-Key`), which no pattern can guess.
 */
const SECRET_NAME = /authorization|token|secret|passw(or)?d|api[-_]?key|cookie|session|credential|private[-_]?key/i;

export const REDACTED = "[redacted]";

/** Names that carry credentials beyond the pattern: the apiKey names of the loaded contracts, lower-cased. */
export type SecretNames = ReadonlySet<string>;

const NO_NAMES: SecretNames = new Set();

export function isSecretName(name: string, extra: SecretNames = NO_NAMES): boolean {
  return SECRET_NAME.test(name) || (extra.size > 0 && extra.has(name.toLowerCase()));
}

/** A copy of `headers` with each credential's value replaced by `[redacted]`. */
export function redactHeaders<V>(
  headers: Record<string, V>,
  extra: SecretNames = NO_NAMES,
): Record<string, V | string> {
  const out: Record<string, V | string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = isSecretName(name, extra) && value !== undefined ? REDACTED : value;
  return out;
}

/** `/me?api_key=abc&x=1` -> `/me?api_key=[redacted]&x=1`: query values of credential names. */
export function redactQuery(url: string, extra: SecretNames = NO_NAMES): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  return `${url.slice(0, q)}?${redactPairs(url.slice(q + 1), extra)}`;
}

/** `user=ada&password=x` -> `user=ada&password=[redacted]`. */
function redactPairs(text: string, extra: SecretNames): string {
  return text
    .split("&")
    .map((pair) => {
      const raw = pair.split("=")[0] ?? "";
      return isSecretName(decodedName(raw), extra) ? `${raw}=${REDACTED}` : pair;
    })
    .join("&");
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw; // a malformed escape: judge the name as sent
  }
}

/** A JSON member `"name": value` whose value is a string, number, boolean or null. */
const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"?|-?\d[\d.eE+-]*|true|false|null)/g;

/**
 * A body as text with credential-like fields replaced: JSON members (`"token": "..."`, also in a body
 * cut short) and form fields (`password=...`). Other text is returned as it is.
 */
export function redactBodyText(text: string, extra: SecretNames = NO_NAMES): string {
  const start = text.trimStart()[0];
  if (start === "{" || start === "[")
    return text.replace(JSON_MEMBER, (whole, name: string, colon: string) =>
      isSecretName(name, extra) ? `"${name}"${colon}"${REDACTED}"` : whole,
    );
  if (/^[^\s=&]+=[^\s]*$/.test(text.slice(0, 2048))) return redactPairs(text, extra);
  return text;
}

/**
 * A parsed JSON value with credential-like members replaced, for files written from bodies
 * (recordings): a secret name's value, and every value inside it (`"session": { "id": ... }`).
 */
export function redactValue<T>(value: T, extra: SecretNames = NO_NAMES): T {
  const walk = (v: unknown, secret: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, secret));
    if (v === null || typeof v !== "object") return secret ? REDACTED : v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: walk(x, secret || isSecretName(k, extra)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return walk(value, false) as T;
}

/** The credential strings of a run: the broker token, and secret header values (and their token part). */
export function secretsOf(brokerToken: string | undefined, headers: Record<string, string>): string[] {
  const secrets = new Set<string>();
  if (brokerToken) secrets.add(brokerToken);
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretName(name)) continue;
    secrets.add(value.trim());
    const credential = value.trim().split(/\s+/).slice(1).join(" ");
    if (credential) secrets.add(credential);
  }
  // Longest first, so "Bearer abc" is replaced whole before "abc" alone; tiny strings would mangle text.
  return [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/** Every string inside `value` with each of `secrets` replaced by `[redacted]`. */
export function redactDeep<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * Control characters that let text move a terminal's cursor, erase or recolour a line, ring a bell
 * or reorder a line (C0 and C1 controls, DEL, line and paragraph separators, bidi overrides and
 * isolates). Names, descriptions and titles from a pact or a contract (a broker's pact is anyone's
 * text) must not rewrite a CI log: the one escape that everything printed, JUnit and HTML uses.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control character written as `\uXXXX`; newlines too, unless `lines` (a block of text, not a field). */
export function printable(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(
    options.lines ? CONTROL_BUT_LINES : CONTROL,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** `redis://user:pw@host:6379/0` -> `redis://user:[redacted]@host:6379/0`: a store URL as it may be printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = REDACTED;
    return parsed.toString().replace(encodeURIComponent(REDACTED), REDACTED);
  } catch {
    return url.replace(/\/\/[^@/]*@/, `//${REDACTED}@`);
  }
}
