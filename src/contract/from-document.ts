import { attachCallbacks, webhooksOf } from "./callbacks.js";
import type { Contract, ContractWarning, Dialect } from "./model.js";
import { operationsOf } from "./operations.js";
import { isObject } from "./pointer.js";
import { securitySchemesOf } from "./security.js";
import { basePathsOf } from "./servers.js";
import { unwritableResponses } from "./writable.js";

/** A contract's document once read and prepared (load.ts prepareDocument), before the model is built. */
export interface PreparedDocument {
  /** Bundled (every `$ref` internal) and rewritten where the dialect says so. */
  document: Record<string, unknown>;
  dialect: Dialect;
  /** What preparing found (ignored `$ref` siblings, typeless nullables, empty enums, `$ref` cycles). */
  warnings: ContractWarning[];
  /** Set when the file's text shows that no key of the document identifies a schema (see Contract). */
  noSchemaIdentifiers?: true;
}

/**
 * The model of a prepared document: no file is read here, so the browser build of the mock builds
 * the same model from a bundle as `mockpact mock` builds from the files.
 */
export function contractFromDocument(prepared: PreparedDocument, source: { id: string; file: string }): Contract {
  const { document: doc, dialect } = prepared;
  const warnings = [...prepared.warnings];
  const info = isObject(doc.info) ? doc.info : {};
  const operations = operationsOf(doc, dialect, source.file, warnings);
  attachCallbacks(doc, dialect, source.file, operations);
  const webhooks = webhooksOf(doc, dialect, source.file);
  warnings.push(...unwritableResponses(operations, source.file));
  return {
    id: source.id,
    file: source.file,
    title: typeof info.title === "string" ? info.title : fileName(source.file),
    version: typeof info.version === "string" ? info.version : String(info.version ?? ""),
    dialect,
    basePaths: basePathsOf(doc),
    operations,
    securitySchemes: securitySchemesOf(doc),
    ...(webhooks.length > 0 ? { webhooks } : {}),
    document: doc,
    warnings,
    ...(prepared.noSchemaIdentifiers ? { noSchemaIdentifiers: true as const } : {}),
  };
}

function fileName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
}
