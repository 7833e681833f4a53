import type { ResponseSpec } from "../contract/model.js";
import { schemaExample } from "../fake/examples.js";
import { fakeValue, seedFrom } from "../fake/index.js";
import type { BuildContext } from "./build.js";

/**
 * Headers that frame the message or belong to one connection: the server writes them from the body
 * it sends, and a faked one (`transfer-encoding: sierra alpha` beside `content-length`) makes clients
 * reject the answer. A contract documenting them is describing its server, not the API.
 */
const FRAMING_HEADERS = new Set([
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "proxy-connection",
  "proxy-authenticate",
]);

/**
 * Header values from the header's own example, else its schema's example, else a fake seeded per
 * header name; none for a framing header.
 */
export function buildHeaderValue(ctx: BuildContext, spec: ResponseSpec, name: string): string | undefined {
  const header = spec.headers.find((h) => h.name === name);
  if (!header?.schema || FRAMING_HEADERS.has(name.toLowerCase())) return undefined;
  const ref = header.schema;
  const schema = "pointer" in ref ? { $ref: ref.pointer } : ref.inline;
  const example = header.example ?? schemaExample(ctx.contract.document, ref)?.value;
  const value =
    example ??
    fakeValue(ctx.contract.document, schema, {
      seed: seedFrom(ctx.seed, ctx.operation.operationId, spec.status, name),
      direction: "response",
      dialect: ctx.contract.dialect,
    });
  return headerString(value);
}

/** A value as a header field: arrays joined by commas (style simple), no control or non-ASCII bytes. */
function headerString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = Array.isArray(value)
    ? value.join(",")
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
  return text.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c));
}
