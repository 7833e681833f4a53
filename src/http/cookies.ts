/**
 * The request `Cookie` header (RFC 6265 §4.2) as a record. Browsers send the most specific cookie
 * first, so the first of a repeated name wins. Values are unquoted and, where they hold valid
 * percent-encoding, decoded (what form-style cookie parameters and most servers expect); a value
 * with a malformed `%` is kept as sent.
 */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (header === undefined) return cookies;
  let start = 0;
  // One forward pass: `nextEquals` is only searched again once passed, so `a;b;c;...` stays linear.
  let nextEquals = header.indexOf("=");
  while (start < header.length) {
    let end = header.indexOf(";", start);
    if (end === -1) end = header.length;
    if (nextEquals !== -1 && nextEquals < start) nextEquals = header.indexOf("=", start);
    if (nextEquals !== -1 && nextEquals < end) {
      const name = header.slice(start, nextEquals).trim();
      if (name !== "" && !Object.hasOwn(cookies, name)) {
        setCookie(cookies, name, decodeCookieValue(header.slice(nextEquals + 1, end).trim()));
      }
    }
    start = end + 1;
  }
  return cookies;
}

function decodeCookieValue(value: string): string {
  const unquoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  if (!unquoted.includes("%")) return unquoted;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

/** A cookie named `__proto__` must become a property, not the record's prototype. */
function setCookie(cookies: Record<string, string>, name: string, value: string): void {
  if (name === "__proto__")
    Object.defineProperty(cookies, name, { value, enumerable: true, writable: true, configurable: true });
  else cookies[name] = value;
}
