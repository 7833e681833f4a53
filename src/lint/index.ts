import { contractIdsOf, findContractFiles, loadContract, type Contract, type LoadOptions } from "../contract/index.js";
import { MockpactError, type ErrorCode, type WarningCode } from "../errors.js";
import { checkExamples } from "../schema/check-examples.js";
import { checkSchemaExamples } from "../schema/check-schema-examples.js";
import { SchemaRegistry } from "../schema/registry.js";
import { structuralFindings } from "./structure.js";

export interface LintFinding {
  severity: "error" | "warning";
  code: ErrorCode | WarningCode;
  message: string;
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
  hint?: string;
}

export interface LintResult {
  files: string[];
  findings: LintFinding[];
}

/**
 * `mockpact lint`: each contract loads (parse, $refs, dialect), follows the OpenAPI/Swagger schema of
 * its version (structure.ts: nothing is fetched), and has examples that match their schemas.
 */
export async function lintContracts(inputs: string[], options: LoadOptions = {}): Promise<LintResult> {
  const files = [...new Set(await findContractFiles(inputs))];
  const ids = contractIdsOf(files);
  const findings: LintFinding[] = [];
  for (const file of files) {
    let contract: Contract;
    try {
      contract = await loadContract(file, { ...options, id: ids.get(file) });
    } catch (error) {
      findings.push(errorFinding(error, file));
      continue;
    }
    findings.push(...contract.warnings.map((w) => ({ severity: "warning" as const, ...w })));
    findings.push(...(await structuralFindings(contract, options)));
    let registry: SchemaRegistry;
    try {
      registry = new SchemaRegistry(contract);
    } catch (error) {
      findings.push(errorFinding(error, file));
      continue;
    }
    const examples = [...(await checkExamples(contract, registry)), ...(await checkSchemaExamples(contract, registry))];
    findings.push(
      ...examples.map((w) => ({
        severity: w.code === "SCHEMA_COMPILE" ? ("error" as const) : ("warning" as const),
        ...w,
      })),
    );
  }
  return { files, findings };
}

function errorFinding(error: unknown, file: string): LintFinding {
  if (error instanceof MockpactError) {
    return {
      severity: "error",
      code: error.code,
      message: error.message,
      file: error.place.file ?? file,
      pointer: error.place.pointer,
      line: error.place.line,
      column: error.place.column,
      hint: error.hint,
    };
  }
  return { severity: "error", code: "CONTRACT_INVALID", message: (error as Error).message, file };
}
