/**
 * Bodies are bytes: a Uint8Array, of which Node's Buffer is a subclass, so the Node adapters hand
 * their Buffers over as they are while the browser build of the core runs on the web platform alone
 * (TextDecoder, TextEncoder and btoa are globals in Node 20 and in every browser), with no Buffer
 * polyfill for its users' bundlers to provide.
 */

/** UTF-8 with a byte order mark kept as U+FEFF, as Buffer#toString keeps it; bad bytes become U+FFFD. */
const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export function utf8Text(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

export function utf8Bytes(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** The length of a body in bytes, as Content-Length counts it. */
export function byteLength(body: Uint8Array | string): number {
  if (typeof body !== "string") return body.length;
  // Pure ASCII is the common case: one byte per character, no encoding needed.
  return /^[\x00-\x7f]*$/.test(body) ? body.length : utf8Encoder.encode(body).length;
}

/** Standard base64 with padding, as Buffer#toString("base64") writes it. */
export function base64Of(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
