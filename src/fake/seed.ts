/**
 * Seeds. json-schema-faker's PRNG (mulberry32) takes a 32-bit integer, so every seed mockpact
 * hands it is one: derived from a base seed and the strings that name one fake (operation,
 * status, media type), with FNV-1a, which is the same on every platform and Node version.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A stable 32-bit seed from a base seed and strings, e.g. seedFrom(42, "getPet", "200", "application/json"). */
export function seedFrom(base: number, ...parts: string[]): number {
  // The base goes in as decimal text: any integer (negative, above 2^32) hashes the same everywhere.
  let hash = mixText(FNV_OFFSET, String(Math.trunc(base)));
  for (const part of parts) {
    // A separator, so that ("ab", "c") and ("a", "bc") give different seeds.
    hash = mixByte(hash, 0x1f);
    hash = mixText(hash, part);
  }
  return hash >>> 0;
}

/** The seed json-schema-faker gets for `seed`: any number becomes a 32-bit unsigned integer. */
export function toGeneratorSeed(seed: number): number {
  return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : seedFrom(0, String(seed));
}

function mixText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h = mixByte(h, unit & 0xff);
    h = mixByte(h, unit >>> 8);
  }
  return h;
}

function mixByte(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV_PRIME);
}
