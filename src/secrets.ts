/**
 * Which header and query names carry credentials. Shared by every place that shows or writes a
 * request (the journal, reports, recordings): their values never appear there.
 */
const SECRET_NAME = /authorization|token|secret|password|api[-_]?key|cookie|session/i;

export const REDACTED = "[redacted]";

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of `headers` with each credential's value replaced by `[redacted]`. */
export function redactHeaderValues<V>(headers: Record<string, V>): Record<string, V | string> {
  const out: Record<string, V | string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSecretName(name) && value !== undefined ? REDACTED : value;
  return out;
}
