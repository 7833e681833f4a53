import type { Contract, ContractWarning, MediaType } from "../contract/model.js";
import { joinPointer } from "../contract/pointer.js";
import type { SchemaRegistry } from "./registry.js";

/**
 * DESIGN rule 6: a contract example that breaks its own schema is reported (a warning naming the file
 * and place), never served by default. Yields between operations so a server can run it after it
 * starts listening without holding up requests.
 */
export async function checkExamples(contract: Contract, registry: SchemaRegistry): Promise<ContractWarning[]> {
  const warnings: ContractWarning[] = [];
  for (const operation of contract.operations) {
    for (const response of operation.responses) {
      for (const [mediaKey, media] of Object.entries(response.content)) {
        const where = joinPointer(operation.source.pointer, "responses", response.status, "content", mediaKey);
        warnings.push(
          ...checkMedia(contract, registry, media, where, `${operation.operationId} ${response.status} ${mediaKey}`),
        );
      }
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return warnings;
}

function checkMedia(
  contract: Contract,
  registry: SchemaRegistry,
  media: MediaType,
  pointer: string,
  label: string,
): ContractWarning[] {
  if (!media.schema || !media.hasExample) return [];
  const named = Object.entries(media.examples).map(([name, value]) => [`example "${name}"`, value] as const);
  const all = media.example !== undefined ? [...named, ["example", media.example] as const] : named;
  const warnings: ContractWarning[] = [];
  for (const [name, value] of all) {
    let violations;
    try {
      violations = registry.validate(media.schema, value, { direction: "response", in: "response.body" });
    } catch (error) {
      warnings.push({
        code: "SCHEMA_COMPILE",
        message: `${label}: ${(error as Error).message}`,
        file: contract.file,
        pointer,
      });
      return warnings;
    }
    if (violations.length === 0) continue;
    const first = violations[0]!;
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
    warnings.push({
      code: "EXAMPLE_INVALID",
      message: `${label}: ${name} does not match its schema: ${first.message}${more}; the mock serves another example or a fake`,
      file: contract.file,
      pointer,
    });
  }
  return warnings;
}
