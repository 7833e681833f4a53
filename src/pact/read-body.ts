import { isObject } from "../contract/pointer.js";
import { jsonNestingExceeds, MAX_JSON_DEPTH } from "../http/body.js";
import { isJsonMediaType, parseMediaType } from "../http/media-type.js";
import type { PactBody, PactHeaders } from "./http-interaction.js";

/**
 * A request's or response's body as the pact writes it. V4 wraps it (`{ content, contentType,
 * encoded }`); V1 to V3 give the value itself. A string under a JSON media type is the body's text
 * and is parsed; a base64-encoded body keeps its bytes. V1 to V3 have no `encoded` flag: Pact writes
 * a binary body (an `image/jpeg`, an `application/octet-stream`) as base64 text, and its core
 * decodes a string under a binary media type when it is valid base64, so mockpact does too.
 */
export function readBody(
  part: Record<string, unknown>,
  pointer: string,
  headers: PactHeaders,
  major: number,
): PactBody {
  if (!Object.hasOwn(part, "body") || part.body === undefined) return { kind: "missing" };
  const raw = part.body;
  if (major >= 4 && isObject(raw) && (Object.hasOwn(raw, "content") || Object.hasOwn(raw, "contentType")))
    return readV4Body(raw, `${pointer}/content`, headers);
  if (raw === null || raw === "") return { kind: "empty" };
  const contentType = headers.get("content-type")?.value;
  const bytes = typeof raw === "string" && isBinaryMediaType(contentType) ? decodeBase64(raw) : undefined;
  if (bytes) return { kind: "present", value: raw, bytes, contentType: contentType!, pointer };
  return { kind: "present", value: parseIfJsonText(raw, contentType), pointer };
}

/** Pact's core reads every media type but text, JSON, XML, forms and scripts as bytes. */
function isBinaryMediaType(value: string | undefined): boolean {
  const media = parseMediaType(value);
  if (!media || media.type === "text" || media.type === "multipart") return false;
  if (["json", "xml"].includes(media.subtype) || media.suffix === "json" || media.suffix === "xml") return false;
  return !/^(x-www-form-urlencoded|(x-)?javascript|ecmascript|(x-)?yaml|graphql)$/.test(media.subtype);
}

/** The bytes of strict base64 text (RFC 4648, padded or not); undefined for any other text. */
function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, "");
  if (compact.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, "base64");
}

function readV4Body(raw: Record<string, unknown>, pointer: string, headers: PactHeaders): PactBody {
  if (!Object.hasOwn(raw, "content")) return { kind: "missing" };
  const content = raw.content;
  if (content === null || content === "" || content === undefined) return { kind: "empty" };
  const contentType = typeof raw.contentType === "string" ? raw.contentType : headers.get("content-type")?.value;
  const encoded = raw.encoded;
  if (typeof content === "string" && encoded !== false && encoded !== undefined && encoded !== "json") {
    const bytes = Buffer.from(content, "base64");
    return {
      kind: "present",
      value: parseIfJsonText(bytes.toString("utf8"), contentType),
      bytes,
      contentType,
      pointer,
    };
  }
  return {
    kind: "present",
    value: parseIfJsonText(content, contentType),
    ...(contentType ? { contentType } : {}),
    pointer,
  };
}

function parseIfJsonText(value: unknown, contentType: string | undefined): unknown {
  if (typeof value !== "string" || !isJsonMediaType(contentType) || jsonNestingExceeds(value, MAX_JSON_DEPTH))
    return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
