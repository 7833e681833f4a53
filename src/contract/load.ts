import path from "node:path";
import { MockpactError } from "../errors.js";
import { bundleExternalRefs } from "./bundle.js";
import { detectDialect } from "./dialect.js";
import type { Contract, ContractWarning } from "./model.js";
import { operationsOf } from "./operations.js";
import { isObject } from "./pointer.js";
import { readDocument } from "./read.js";
import { securitySchemesOf } from "./security.js";
import { basePathsOf } from "./servers.js";
import { scanRefs } from "./walk.js";
import { unwritableResponses } from "./writable.js";


export interface LoadOptions {
  /** Folder file `$ref`s may read from; default: the folder of each contract. */
  refRoot?: string;
  allowRemoteRefs?: boolean;
  /** The contract's id in its loaded set (see loadContracts); default: the file name. */
  id?: string;
}

/** Loads one contract file into the model: parse, bundle external refs (policy-checked), normalise. */
export async function loadContract(file: string, options: LoadOptions = {}): Promise<Contract> {
  const absolute = path.resolve(file);
  const parsed = await readDocument(absolute);
  const { dialect } = detectDialect(parsed, absolute);
  let doc = parsed as Record<string, unknown>;
  const warnings: ContractWarning[] = [];
  const draft04 = dialect !== "openapi-3.1";
  const scanOptions = { stripRefSiblings: draft04, rewriteTypelessNullable: draft04, readXNullable: dialect === "swagger-2.0" };
  let scan = scanRefs(doc, scanOptions);
  if (scan.externalRefs.length > 0) {
    doc = await bundleExternalRefs(absolute, doc, { refRoot: options.refRoot ?? path.dirname(absolute), allowRemoteRefs: options.allowRemoteRefs ?? false });
    scan = scanRefs(doc, scanOptions);
  }
  const missing = scan.missingRefs[0];
  if (missing) {
    throw new MockpactError("REF_NOT_FOUND", `Failed to resolve a $ref: "${missing.ref}" does not exist in the document (${scan.missingRefs.length} such refs)`, {
      hint: "Fix the JSON pointer of the $ref, or add the component it names.",
      place: { file: absolute, pointer: missing.pointer },
    });
  }
  if (scan.refsWithSiblings.length > 0) {
    warnings.push({
      code: "REF_SIBLINGS_IGNORED",
      message: `${scan.refsWithSiblings.length} $ref(s) have sibling keywords, which ${dialect} ignores; mockpact ignores them too`,
      file: absolute,
      pointer: scan.refsWithSiblings[0],
    });
  }
  if (scan.typelessNullable.length > 0) {
    warnings.push({
      code: "NULLABLE_WITHOUT_TYPE",
      message: `${scan.typelessNullable.length} schema(s) have nullable: true without a type; mockpact reads them as "or null"`,
      file: absolute,
      pointer: scan.typelessNullable[0],
    });
  }
  if (scan.emptyEnums.length > 0) {
    warnings.push({
      code: "EMPTY_ENUM_IGNORED",
      message: `${scan.emptyEnums.length} schema(s) have enum: [], which no value satisfies; mockpact ignores the empty enum`,
      file: absolute,
      pointer: scan.emptyEnums[0],
    });
  }
  if (scan.refCycles.length > 0) {
    warnings.push({
      code: "REF_CYCLE",
      message: `${scan.refCycles.length} $ref(s) lead to a cycle of $refs that never reaches a schema; requests that need them are answered 500`,
      file: absolute,
      pointer: scan.refCycles[0],
    });
  }
  const info = isObject(doc.info) ? doc.info : {};
  const operations = operationsOf(doc, dialect, absolute, warnings);
  warnings.push(...unwritableResponses(operations, absolute));
  return {
    id: options.id ?? path.basename(absolute),
    file: absolute,
    title: typeof info.title === "string" ? info.title : path.basename(absolute),
    version: typeof info.version === "string" ? info.version : String(info.version ?? ""),
    dialect,
    basePaths: basePathsOf(doc),
    operations,
    securitySchemes: securitySchemesOf(doc),
    document: doc,
    warnings,
  };
}

/**
 * The document as written (external refs bundled under the same policy, nothing normalised): what
 * a structural check against the OpenAPI/Swagger schema must see, since loading rewrites quirks.
 */
export async function loadSourceDocument(file: string, options: LoadOptions = {}): Promise<Record<string, unknown>> {
  const absolute = path.resolve(file);
  const doc = (await readDocument(absolute)) as Record<string, unknown>;
  const scan = scanRefs(doc, { stripRefSiblings: false, rewriteTypelessNullable: false, readXNullable: false });
  if (scan.externalRefs.length === 0) return doc;
  return bundleExternalRefs(absolute, doc, { refRoot: options.refRoot ?? path.dirname(absolute), allowRemoteRefs: options.allowRemoteRefs ?? false });
}

