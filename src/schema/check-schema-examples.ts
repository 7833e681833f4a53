import type { Contract, ContractWarning } from "../contract/model.js";
import { getAtPointer, isObject, joinPointer } from "../contract/pointer.js";
import type { SchemaRegistry } from "./registry.js";

/** Subschema keywords walked to find examples (refs are not followed: each schema is checked where it is written). */
const SINGLE = ["items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames"];
const LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"];
const MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
/** Most schema examples checked per contract: the first ones found name the pattern of a mistake. */
const MAX_CHECKED = 5000;

/**
 * `mockpact lint`: every `example` and every entry of 3.1's `examples` array written on a named schema
 * or inside one (a property, an item, a branch) is checked against the schema it is written on.
 * The mock never serves them as a whole body, so it does not check them at start-up; a wrong one still
 * misleads every reader of the contract, and the faker uses a property's own example where it fits.
 */
export async function checkSchemaExamples(contract: Contract, registry: SchemaRegistry): Promise<ContractWarning[]> {
  const warnings: ContractWarning[] = [];
  let checked = 0;
  for (const { pointer, values } of schemaExamples(contract.document)) {
    for (const [label, value] of values) {
      if (++checked > MAX_CHECKED) return warnings;
      let violations;
      try {
        violations = registry.validate({ pointer }, value, { direction: "response", in: "response.body" });
      } catch {
        break; // a schema that does not compile is reported where it is used
      }
      if (violations.length === 0) continue;
      const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
      warnings.push({
        code: "EXAMPLE_INVALID",
        message: `${label} of the schema does not match it: ${violations[0]!.message}${more}`,
        file: contract.file,
        pointer,
      });
    }
    if (checked % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return warnings;
}

function* schemaExamples(
  doc: Record<string, unknown>,
): Generator<{ pointer: string; values: Array<[string, unknown]> }> {
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const definitions = isObject(doc.definitions) ? doc.definitions : {};
  const roots = [
    ...Object.keys(components).map((n) => joinPointer("#/components/schemas", n)),
    ...Object.keys(definitions).map((n) => joinPointer("#/definitions", n)),
  ];
  const stack = roots.map((pointer) => ({ pointer, node: getAtPointer(doc, pointer) }));
  while (stack.length > 0) {
    const { pointer, node } = stack.pop()!;
    if (!isObject(node) || typeof node.$ref === "string") continue;
    const values: Array<[string, unknown]> = [];
    if ("example" in node) values.push(["example", node.example]);
    if (Array.isArray(node.examples)) node.examples.forEach((value, i) => values.push([`examples[${i}]`, value]));
    if (values.length > 0) yield { pointer, values };
    for (const key of SINGLE)
      if (isObject(node[key])) stack.push({ pointer: joinPointer(pointer, key), node: node[key] });
    for (const key of LISTS)
      if (Array.isArray(node[key]))
        node[key].forEach((sub, i) => stack.push({ pointer: joinPointer(pointer, key, i), node: sub }));
    for (const key of MAPS)
      if (isObject(node[key]))
        for (const [name, sub] of Object.entries(node[key]))
          stack.push({ pointer: joinPointer(pointer, key, name), node: sub });
  }
}
