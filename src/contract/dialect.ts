import { MockpactError } from "../errors.js";
import type { Dialect } from "./model.js";
import { isObject } from "./pointer.js";

export interface DialectInfo {
  dialect: Dialect;
  /** The version string as written (`2.0`, `3.0.3`, `3.2.0`). */
  specVersion: string;
}

/** Which of the four dialects a document is written in, from its `swagger` or `openapi` field. */
export function detectDialect(doc: unknown, file: string): DialectInfo {
  if (!isObject(doc)) throw notAContract(file, "the document is not an object");
  const swagger = doc.swagger;
  const openapi = doc.openapi;
  if (typeof swagger === "string" || typeof swagger === "number") {
    if (String(swagger) === "2.0") return { dialect: "swagger-2.0", specVersion: "2.0" };
    throw notAContract(file, `swagger version ${String(swagger)} is not supported (only 2.0)`);
  }
  if (typeof openapi === "string") {
    if (/^3\.0(\.\d+)?/.test(openapi)) return { dialect: "openapi-3.0", specVersion: openapi };
    if (/^3\.1(\.\d+)?/.test(openapi)) return { dialect: "openapi-3.1", specVersion: openapi };
    if (/^3\.2(\.\d+)?/.test(openapi)) return { dialect: "openapi-3.2", specVersion: openapi };
    throw notAContract(file, `openapi version ${openapi} is not supported (2.0, 3.0, 3.1 and 3.2 are)`);
  }
  throw notAContract(
    file,
    "it has neither an `openapi` nor a `swagger` field, and is no Postman collection (v2.0 or v2.1)",
  );
}

function notAContract(file: string, why: string): MockpactError {
  return new MockpactError("CONTRACT_INVALID", `Failed to load the contract: ${why}`, {
    hint: "Give an OpenAPI 3.x or Swagger 2.0 document (YAML or JSON), or a Postman collection exported as v2.1.",
    place: { file, pointer: "#" },
  });
}
