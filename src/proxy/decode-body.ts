import zlib from "node:zlib";

/**
 * The body as the contract describes it: a gzip/deflate/br `Content-Encoding` undone, within
 * `maxBytes` (a small compressed body may expand a lot). The client still gets the bytes as sent.
 * Undefined when the encoding is unknown or the bytes do not decode: the body is then not checked.
 */
export function decodeBody(
  body: Buffer,
  encoding: string | string[] | undefined,
  maxBytes: number,
): Buffer | undefined {
  const codings = String(encoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  let bytes = body;
  try {
    for (const coding of codings.reverse()) {
      const options = { maxOutputLength: maxBytes };
      if (coding === "gzip" || coding === "x-gzip") bytes = zlib.gunzipSync(bytes, options);
      else if (coding === "deflate") bytes = zlib.inflateSync(bytes, options);
      else if (coding === "br") bytes = zlib.brotliDecompressSync(bytes, options);
      else return undefined;
    }
  } catch {
    return undefined;
  }
  return bytes;
}
