/**
 * Where the mock may send callbacks and webhooks. A mock runs on a developer's machine or in CI, and
 * a contract or a request can name any URL: the mock calls loopback (the test's own receiver) and
 * the hosts the user listed with `--allow-callbacks-to`, and nothing else. Names are compared as
 * written, never resolved: `127.0.0.1.nip.io` is not loopback, whatever DNS says.
 */
export function refusalOf(url: string, allowedHosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url === "" ? "the URL is empty" : `"${url}" is not an absolute URL`}`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return `${parsed.protocol} URLs are not called (http and https only)`;
  if (parsed.username || parsed.password) return "a URL with credentials in it is not called";
  const host = parsed.hostname.toLowerCase();
  if (isLoopback(host)) return undefined;
  const withPort = `${host}:${parsed.port || (parsed.protocol === "https:" ? "443" : "80")}`;
  if (allowedHosts.some((allowed) => allowed === host || allowed === withPort)) return undefined;
  return `${parsed.host} is not loopback and not in --allow-callbacks-to`;
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `::1`, as URL parses them. */
function isLoopback(host: string): boolean {
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
