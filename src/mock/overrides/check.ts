import type { MediaType } from "../../contract/model.js";
import type { BuildContext } from "../build.js";
import { chooseResponse } from "../../http/choose.js";
import type { SchemaRegistry } from "../../schema/registry.js";
import { mediaKeyOf } from "./respond.js";
import type { Override } from "./types.js";

/** How many violations a warning lists before it says "and N more". */
const LISTED = 3;

export interface OverrideWarning {
  message: string;
  file: string;
  line: number;
}

/**
 * Load-time check of fixed bodies (templates are checked per response, once rendered): a status the
 * operation does not document, or a body that breaks its schema. The override still answers, and
 * its responses carry the warning in `Mockpact-Warning`.
 */
export function checkOverrides(
  overrides: Override[],
  registryOf: (o: Override) => SchemaRegistry,
  seed: number,
): OverrideWarning[] {
  const warnings: OverrideWarning[] = [];
  for (const override of overrides.flatMap((o) => o.sequence?.steps ?? [o])) {
    if (override.body.kind !== "fixed" || override.body.template || override.outside) continue; // outside the contracts: nothing to check against
    const ctx: BuildContext = {
      contract: override.contract,
      operation: override.operation,
      registry: registryOf(override),
      seed,
    };
    const chosen = chooseResponse(override.operation, override.status);
    const message = chosen
      ? contractWarning(ctx, override, chosen.spec.content[mediaKeyOf(chosen.spec, undefined)], override.body.value)
      : `override ${nameOf(override)} answers status ${override.status}, which ${override.operation.operationId} does not document`;
    if (!message) continue;
    override.warning = message;
    warnings.push({ message, file: override.place.file, line: override.place.line });
  }
  return warnings;
}

/** A one-line, ASCII-only description of how `value` breaks the documented schema, or undefined when it does not. */
export function contractWarning(
  ctx: BuildContext,
  override: Override,
  media: MediaType | undefined,
  value: unknown,
): string | undefined {
  if (!media?.schema) return undefined;
  const violations = ctx.registry.validate(media.schema, value, { direction: "response", in: "response.body" });
  if (violations.length === 0) return undefined;
  const listed = violations.slice(0, LISTED).map((v) => v.message);
  const more = violations.length > LISTED ? ` and ${violations.length - LISTED} more` : "";
  const text = `override ${nameOf(override)} breaks the contract of ${override.operation.operationId} ${override.status}: ${listed.join("; ")}${more}`;
  return text.replace(/[^\x20-\x7e]/g, "?");
}

/** `mocks/a.yaml:3`, or `mocks/a.yaml:3 respond/2` for an answer of a sequence. */
function nameOf(override: Override): string {
  return override.step === undefined ? override.id : `${override.id} respond/${override.step}`;
}
