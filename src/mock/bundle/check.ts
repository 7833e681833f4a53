import { MockpactError } from "../../errors.js";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type MockBundle } from "./format.js";

const DIALECTS = new Set(["swagger-2.0", "openapi-3.0", "openapi-3.1", "openapi-3.2"]);

/**
 * `value` as a bundle, or BUNDLE_INVALID naming the first field that is not what `mockpact bundle`
 * writes. Checks the frame only: the contracts and mocks files inside are checked as they load.
 */
export function checkBundle(value: unknown): MockBundle {
  const bundle = value as Partial<MockBundle> | null;
  if (bundle === null || typeof bundle !== "object" || bundle.format !== BUNDLE_FORMAT)
    throw invalid("it is not a mockpact bundle (no `format: mockpact-bundle`)", "#/format");
  if (bundle.version !== BUNDLE_VERSION)
    throw invalid(
      `it is bundle version ${String(bundle.version)}; this mockpact reads version ${BUNDLE_VERSION}`,
      "#/version",
    );
  if (!Array.isArray(bundle.contracts)) throw invalid("`contracts` is not a list", "#/contracts");
  bundle.contracts.forEach((c, i) => {
    const at = `#/contracts/${i}`;
    if (c === null || typeof c !== "object") throw invalid("a contract is not an object", at);
    if (typeof c.id !== "string" || typeof c.file !== "string") throw invalid("a contract has no `id` or `file`", at);
    if (!DIALECTS.has(c.dialect)) throw invalid(`contract ${c.id} has no dialect mockpact knows`, `${at}/dialect`);
    if (c.document === null || typeof c.document !== "object")
      throw invalid(`contract ${c.id} has no document`, `${at}/document`);
    if (!Array.isArray(c.warnings) || (c.specialValues !== undefined && !Array.isArray(c.specialValues)))
      throw invalid(`contract ${c.id} has malformed warnings or special values`, at);
  });
  if (
    !Array.isArray(bundle.mocks) ||
    bundle.mocks.some((m) => typeof m?.file !== "string" || typeof m.text !== "string")
  )
    throw invalid("`mocks` is not a list of { file, text }", "#/mocks");
  if (bundle.fixtures !== undefined && !Array.isArray(bundle.fixtures))
    throw invalid("`fixtures` is not a list", "#/fixtures");
  return bundle as MockBundle;
}

function invalid(why: string, pointer: string): MockpactError {
  return new MockpactError("BUNDLE_INVALID", `Failed to load the bundle: ${why}`, {
    hint: "Write it with `mockpact bundle <contracts...> --out FILE` of this mockpact version, and load that file as it is.",
    place: { pointer },
  });
}
