import { existsSync } from "node:fs";
import path from "node:path";
import type { ContractWarning, Dialect } from "./model.js";
import type { RefScan } from "./walk.js";

/** The load warnings of one scan: each kind once, with how many places and the first of them. */
export function warningsOfScan(scan: RefScan, dialect: Dialect, file: string): ContractWarning[] {
  const warnings: ContractWarning[] = [];
  const add = (code: ContractWarning["code"], places: string[], message: string) => {
    if (places.length > 0) warnings.push({ code, message: `${places.length} ${message}`, file, pointer: places[0] });
  };
  add(
    "REF_SIBLINGS_IGNORED",
    scan.refsWithSiblings,
    `$ref(s) have sibling keywords, which ${dialect} ignores; mockpact ignores them too`,
  );
  add(
    "NULLABLE_WITHOUT_TYPE",
    scan.typelessNullable,
    `schema(s) have nullable: true without a type; mockpact reads them as "or null"`,
  );
  add(
    "EXCLUSIVE_BOUND_BOOLEAN",
    scan.booleanBounds,
    `schema(s) have a boolean exclusiveMinimum/exclusiveMaximum, which JSON Schema 2020-12 (${dialect}) writes as the bound itself; mockpact reads them as OpenAPI 3.0 did`,
  );
  add(
    "PROPERTIES_REF",
    scan.propertiesRefs,
    `schema(s) have a $ref in place of the whole properties map, which OpenAPI does not allow; mockpact reads the map it names, as Prism does`,
  );
  const formats = [...scan.unknownFormats.keys()];
  if (formats.length > 0) {
    const names = `${formats.slice(0, 8).join(", ")}${formats.length > 8 ? ", ..." : ""}`;
    const message = `${formats.length} string format(s) mockpact does not know (${names}); any string is accepted there, and fakes are made from the type`;
    warnings.push({ code: "FORMAT_UNKNOWN", message, file, pointer: scan.unknownFormats.get(formats[0]!) });
  }
  add(
    "EMPTY_ENUM_IGNORED",
    scan.emptyEnums,
    `schema(s) have enum: [], which no value satisfies; mockpact ignores the empty enum`,
  );
  add(
    "REF_CYCLE",
    scan.refCycles,
    `$ref(s) lead to a cycle of $refs that never reaches a schema; requests that need them are answered 500`,
  );
  return warnings;
}

/**
 * `$ref`s inside `x-` extensions that cannot be followed (a missing file or pointer, a file outside
 * the ref root, a URL while remote refs are off) are dropped with a warning naming each place: an
 * extension is no part of the API, so it never stops a contract from loading. The others are left
 * for the bundler. Returns the warnings.
 */
export function setAsideExtensionRefs(
  scan: RefScan,
  file: string,
  policy: { refRoot: string; allowRemoteRefs: boolean },
): ContractWarning[] {
  const warnings: ContractWarning[] = [];
  for (const { ref, pointer, node } of scan.extensionRefs) {
    const why = unfollowable(ref, file, policy);
    if (why === undefined) continue;
    delete node.$ref;
    warnings.push({
      code: "EXTENSION_REF_IGNORED",
      message: `$ref "${ref}" inside an x- extension ${why}; the extension is no part of the API, so mockpact ignores the $ref`,
      file,
      pointer,
    });
  }
  return warnings;
}

function unfollowable(
  ref: string,
  file: string,
  policy: { refRoot: string; allowRemoteRefs: boolean },
): string | undefined {
  if (ref.startsWith("#")) return "points at nothing in the document";
  if (/^[a-z][a-z0-9+.-]+:/i.test(ref) && !/^file:/i.test(ref))
    return policy.allowRemoteRefs ? undefined : "is remote and remote refs are off";
  const target = path.resolve(path.dirname(file), decodeURIComponent(ref.replace(/^file:\/\//i, "").split("#")[0]!));
  const root = path.resolve(policy.refRoot);
  if (target !== root && !target.startsWith(root + path.sep)) return "reads a file outside the contract's root folder";
  return existsSync(target) ? undefined : `reads ${target}, which does not exist`;
}
