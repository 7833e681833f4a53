import { isSecretName } from "../pact/redact.js";

/** `/me?api_key=abc&x=1` -> `/me?api_key=[redacted]&x=1`: query values of credential-like names, for logs. */
export function redactQuery(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const parts = url.slice(q + 1).split("&").map((pair) => {
    const raw = pair.split("=")[0] ?? "";
    let name = raw;
    try {
      name = decodeURIComponent(raw);
    } catch {
      // a malformed escape: judge the name as sent
    }
    return isSecretName(name) ? `${raw}=[redacted]` : pair;
  });
  return `${url.slice(0, q)}?${parts.join("&")}`;
}
