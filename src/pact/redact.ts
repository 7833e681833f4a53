import { isSecretName } from "../secrets.js";

export { isSecretName };

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

/** Every string inside `value` with each secret replaced by `[redacted]`. */
export function redactDeep<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join("[redacted]"), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Headers as they may be shown: names kept, secret values replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSecretName(k) ? "[redacted]" : v]));
}
