import { createRequire } from "node:module";
import { MockpactError } from "../errors.js";
import { isObject } from "./pointer.js";
import { typedFromExamples } from "./postman-types.js";

/** A Postman Collection v2.0 or v2.1 (the JSON Postman exports): `info.schema` names the format. */
export function isPostmanCollection(doc: unknown): doc is Record<string, unknown> {
  if (!isObject(doc) || !isObject(doc.info) || !Array.isArray(doc.item)) return false;
  return (
    typeof doc.info.schema === "string" && /schema\.getpostman\.com\/json\/collection\/v2\.[01]/.test(doc.info.schema)
  );
}

type Converter = (input: string, output: null, options: Record<string, unknown>) => Promise<string>;

/**
 * A Postman collection as an OpenAPI 3.0 document, loaded then as any contract: the same routing,
 * examples and validation. The conversion is @readme/postman-to-openapi's (ReadMe's maintained fork of
 * postman-to-openapi): collection variables replaced, requests grouped by method and path (`:id`
 * segments become `{id}`), saved responses become examples. What a collection cannot say (a schema)
 * is inferred from those examples by postman-types.ts, so the mock validates as far as the examples go.
 */
export async function openApiFromPostman(
  collection: Record<string, unknown>,
  file: string,
): Promise<Record<string, unknown>> {
  const convert = createRequire(import.meta.url)("@readme/postman-to-openapi") as Converter;
  let text: string;
  try {
    text = await convert(JSON.stringify(collection), null, {
      outputFormat: "json",
      replaceVars: true,
      operationId: "auto",
    });
  } catch (cause) {
    throw new MockpactError(
      "CONTRACT_INVALID",
      `Failed to convert the Postman collection: ${(cause as Error).message}`,
      {
        hint: "Check each request's URL in Postman (a {{variable}} the collection does not define is the usual cause), then export the collection again (v2.1).",
        place: { file, pointer: "#/item" },
        cause,
      },
    );
  }
  return withBasePath(typedFromExamples(JSON.parse(text) as Record<string, unknown>), collection);
}

/**
 * A collection's requests start with a variable such as `{{baseUrl}}` = `https://api.example/v1`:
 * the converter folds `/v1` into every path. It goes back into `servers`, so that the mock serves
 * `/notes` as well as `/v1/notes`, as it serves any contract's base path.
 */
function withBasePath(doc: Record<string, unknown>, collection: Record<string, unknown>): Record<string, unknown> {
  const variables = Array.isArray(collection.variable) ? collection.variable.filter(isObject) : [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const variable of variables) {
    const base =
      typeof variable.value === "string" && /^https?:\/\//i.test(variable.value)
        ? new URL(variable.value).pathname.replace(/\/+$/, "")
        : "";
    const keys = Object.keys(paths);
    if (base === "" || keys.length === 0 || !keys.every((key) => key === base || key.startsWith(`${base}/`))) continue;
    doc.paths = Object.fromEntries(keys.map((key) => [key.slice(base.length) || "/", paths[key]]));
    doc.servers = [{ url: base }];
    break;
  }
  return doc;
}
