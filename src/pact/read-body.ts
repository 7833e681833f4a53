import { isObject } from "../contract/pointer.js";
import { jsonNestingExceeds, MAX_JSON_DEPTH } from "../http/body.js";
import { isJsonMediaType, parseMediaType } from "../http/media-type.js";
import type { PactBody, PactHeaders } from "./http-interaction.js";

/**
 * A request's or response's body as the pact writes it. V4 wraps it (`{ content, contentType,
 * encoded }`); V1 to V3 give the value itself. A string under a JSON media type is the body's text
 * and is parsed; a base64-encoded body keeps its bytes.
 */
export function readBody(part: Record<string, unknown>, pointer: string, headers: PactHeaders, major: number): PactBody {
  if (!Object.hasOwn(part, "body") || part.body === undefined) return { kind: "missing" };
  const raw = part.body;
  if (major >= 4 && isObject(raw) && (Object.hasOwn(raw, "content") || Object.hasOwn(raw, "contentType"))) return readV4Body(raw, `${pointer}/content`, headers);
  if (raw === null || raw === "") return { kind: "empty" };
  return { kind: "present", value: parseIfJsonText(raw, headers.get("content-type")?.value), pointer };
}

function readV4Body(raw: Record<string, unknown>, pointer: string, headers: PactHeaders): PactBody {
  if (!Object.hasOwn(raw, "content")) return { kind: "missing" };
  const content = raw.content;
  if (content === null || content === "" || content === undefined) return { kind: "empty" };
  const contentType = typeof raw.contentType === "string" ? raw.contentType : headers.get("content-type")?.value;
  const encoded = raw.encoded;
  if (typeof content === "string" && encoded !== false && encoded !== undefined && encoded !== "json") {
    const bytes = Buffer.from(content, "base64");
    return { kind: "present", value: parseIfJsonText(bytes.toString("utf8"), contentType), bytes, contentType, pointer };
  }
  return { kind: "present", value: parseIfJsonText(content, contentType), ...(contentType ? { contentType } : {}), pointer };
}

function parseIfJsonText(value: unknown, contentType: string | undefined): unknown {
  if (typeof value !== "string" || !isJsonMediaType(contentType) || jsonNestingExceeds(value, MAX_JSON_DEPTH)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

