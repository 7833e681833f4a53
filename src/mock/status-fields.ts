/** Fields of an error body that, by their name, hold the answer's HTTP status. */
const STATUS_FIELDS = ["status", "statusCode", "status_code", "httpStatus", "http_status", "code"];

/**
 * A faked error body whose `status` or `code` says 972 on a 404 reads as a broken server. Each such
 * field (at the top, or in a top-level `error` object) is given the answer's status, as a number or
 * as text like the faked value it replaces; the result is kept only when it still fits the schema
 * (`code: NOT_FOUND` enums stay as they are).
 */
export function withEchoedStatus(value: unknown, status: number, fits: (candidate: unknown) => boolean): unknown {
  if (status < 400 || typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const top = echoInto(value as Record<string, unknown>, status);
  const error = top.error;
  const candidate =
    typeof error === "object" && error !== null && !Array.isArray(error)
      ? { ...top, error: echoInto(error as Record<string, unknown>, status) }
      : top;
  return candidate !== value && fits(candidate) ? candidate : value;
}

function echoInto(object: Record<string, unknown>, status: number): Record<string, unknown> {
  let copy = object;
  for (const name of STATUS_FIELDS) {
    const faked = object[name];
    const echoed = typeof faked === "number" ? status : typeof faked === "string" ? String(status) : undefined;
    if (echoed === undefined || echoed === faked) continue;
    if (copy === object) copy = { ...object };
    copy[name] = echoed;
  }
  return copy;
}
