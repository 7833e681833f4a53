import { parseMediaType } from "../../http/media-type.js";
import type { MatchingRule } from "./rules.js";

/** Magic numbers of common binary formats: what Pact's core reads a body's type from. */
const SIGNATURES: Array<[string, number[]]> = [
  ["image/png", [0x89, 0x50, 0x4e, 0x47]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/gif", [0x47, 0x49, 0x46, 0x38]],
  ["application/pdf", [0x25, 0x50, 0x44, 0x46]],
  ["application/zip", [0x50, 0x4b, 0x03, 0x04]],
  ["application/gzip", [0x1f, 0x8b]],
];

/** The type of a body by its first bytes, else by its text; undefined when it cannot be told. */
export function detectContentType(bytes: Buffer): string | undefined {
  for (const [type, signature] of SIGNATURES) if (signature.every((b, i) => bytes[i] === b)) return type;
  const text = bytes.subarray(0, 512).toString("utf8");
  if (text.includes("\uFFFD") || /[\u0000-\u0008\u000e-\u001f]/.test(text)) return undefined;
  if (/^\s*[{[]/.test(text)) return "application/json";
  if (/^\s*</.test(text)) return "application/xml";
  return "text/plain";
}

/** V3/V4 `contentType` matcher on a whole body: the bytes are of that type (or, when they cannot tell, declared so). */
export function checkContentType(rule: MatchingRule, bytes: Buffer, declared: string | undefined): string | undefined {
  const wanted = parseMediaType(String(rule.value ?? ""))?.essence;
  const detected = detectContentType(bytes) ?? parseMediaType(declared)?.essence;
  if (wanted === undefined || detected === wanted) return undefined;
  if (detected === "text/plain" && wanted.startsWith("text/")) return undefined;
  return `expected a body of type ${wanted} but it looks like ${detected ?? "unknown bytes"}`;
}
