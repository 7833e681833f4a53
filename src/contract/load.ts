import path from "node:path";
import { MockpactError } from "../errors.js";
import { bundleExternalRefs } from "./bundle.js";
import { detectDialect } from "./dialect.js";
import { resolveSchemaResources } from "./dynamic-refs.js";
import { readExternalExamples } from "./external-examples.js";
import { contractFromDocument, type PreparedDocument } from "./from-document.js";
import { speaksJsonSchema2020, type Contract, type ContractWarning } from "./model.js";
import { isPostmanCollection, openApiFromPostman } from "./postman.js";
import { readDocumentSource } from "./read.js";
import { setAsideExtensionRefs, warningsOfScan } from "./scan-warnings.js";
import { scanRefs } from "./walk.js";
import { textShowsNoSchemaIdentifiers } from "./schema-identifiers.js";

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
  return contractFromDocument(await prepareDocument(absolute, options), {
    id: options.id ?? path.basename(absolute),
    file: absolute,
  });
}

/**
 * The document of one contract file as the model is built from it: parsed, external refs bundled
 * under the policy, quirks rewritten in place, with the warnings that says. What `mockpact bundle`
 * writes out, so that the browser builds the same model from it without reading a file.
 */
export async function prepareDocument(absolute: string, options: LoadOptions = {}): Promise<PreparedDocument> {
  const { parsed, text } = await readContractDocument(absolute);
  const { dialect } = detectDialect(parsed, absolute);
  let doc = parsed as Record<string, unknown>;
  const jsonSchema2020 = speaksJsonSchema2020(dialect);
  const scanOptions = {
    stripRefSiblings: !jsonSchema2020,
    rewrite: true,
    readXNullable: dialect === "swagger-2.0",
    jsonSchema2020,
  };
  const policy = {
    refRoot: options.refRoot ?? path.dirname(absolute),
    allowRemoteRefs: options.allowRemoteRefs ?? false,
  };
  if (jsonSchema2020) resolveSchemaResources(doc);
  let scan = scanRefs(doc, scanOptions);
  const warnings: ContractWarning[] = setAsideExtensionRefs(scan, absolute, policy);
  let bundled = false;
  if (scan.externalRefs.length > 0 || scan.extensionRefs.some((r) => r.node.$ref !== undefined)) {
    bundled = true;
    doc = await bundleExternalRefs(absolute, doc, policy);
    scan = scanRefs(doc, scanOptions);
    warnings.push(...setAsideExtensionRefs(scan, absolute, policy));
  }
  const missing = scan.missingRefs[0];
  if (missing) {
    throw new MockpactError(
      "REF_NOT_FOUND",
      `Failed to resolve a $ref: "${missing.ref}" does not exist in the document (${scan.missingRefs.length} such refs)`,
      {
        hint: "Fix the JSON pointer of the $ref, or add the component it names.",
        place: { file: absolute, pointer: missing.pointer },
      },
    );
  }
  warnings.push(...warningsOfScan(scan, dialect, absolute));
  // Only a document whose text names `externalValue` (or one that took in other files) can hold one:
  // the walk of the whole document looking for them is spared otherwise.
  const mayNameFiles = bundled || text === undefined || text.includes("externalValue");
  if (dialect !== "swagger-2.0" && mayNameFiles)
    warnings.push(...(await readExternalExamples(doc, absolute, policy.refRoot)));
  const textIsWhole = !bundled && text !== undefined;
  return {
    document: doc,
    dialect,
    warnings,
    ...(textIsWhole && textShowsNoSchemaIdentifiers(text) ? { noSchemaIdentifiers: true as const } : {}),
  };
}

/**
 * The document as written (external refs bundled under the same policy, nothing normalised): what
 * a structural check against the OpenAPI/Swagger schema must see, since loading rewrites quirks.
 */
export async function loadSourceDocument(file: string, options: LoadOptions = {}): Promise<Record<string, unknown>> {
  const absolute = path.resolve(file);
  const doc = (await readContractDocument(absolute)).parsed as Record<string, unknown>;
  const scan = scanRefs(doc, { stripRefSiblings: false, rewrite: false, readXNullable: false, jsonSchema2020: false });
  if (scan.externalRefs.length === 0) return doc;
  return bundleExternalRefs(absolute, doc, {
    refRoot: options.refRoot ?? path.dirname(absolute),
    allowRemoteRefs: options.allowRemoteRefs ?? false,
  });
}

/**
 * The parsed file, and its text when that is the document's own; a Postman collection is converted to
 * the OpenAPI document it stands for (no text of its own).
 */
async function readContractDocument(file: string): Promise<{ parsed: unknown; text?: string }> {
  const { parsed, text } = await readDocumentSource(file);
  return isPostmanCollection(parsed) ? { parsed: await openApiFromPostman(parsed, file) } : { parsed, text };
}
