import type { Contract, MediaType, Operation, ResponseSpec } from "../contract/model.js";
import { alternativesOf, exampleCandidates, withoutWriteOnly } from "../fake/examples.js";
import { fakeValue, seedFrom } from "../fake/index.js";
import { withEchoedStatus } from "./status-fields.js";
import type { SchemaRegistry } from "../schema/registry.js";

/** How many seeds a fake may try before the mock serves one that breaks its schema (with a warning). */
const FAKE_ATTEMPTS = 4;

export interface BuiltValue {
  value: unknown;
  /** Set when the value breaks its schema: the mock says so in a `Mockpact-Warning` header. */
  warning?: string;
  /** Where the value came from (the fixture writer records it); undefined when there is no value. */
  source?: { kind: "example"; name?: string } | { kind: "fake" };
}

export interface BuildContext {
  contract: Contract;
  registry: SchemaRegistry;
  operation: Operation;
  seed: number;
}

/**
 * The body of a response (DESIGN, step 5): a named example, else the first example, else the
 * schema's example, else a seeded fake. Every value is checked against its schema; an example that
 * breaks it is skipped (the load-time lint reports it), unless the client asked for it by name.
 */
export function buildValue(
  ctx: BuildContext,
  spec: ResponseSpec,
  mediaKey: string,
  media: MediaType,
  options: BuildOptions,
): BuiltValue {
  const built = buildFromCandidates(ctx, spec, mediaKey, media, options);
  // A name that is not there falls back as DESIGN step 5 says, but the client is told it did.
  if (
    options.example !== undefined &&
    !options.dynamic &&
    !Object.hasOwn(media.examples, options.example) &&
    !built.warning
  ) {
    return {
      ...built,
      warning: `example "${options.example}" is not defined for ${ctx.operation.operationId} ${spec.status} ${mediaKey}; served the next candidate`,
    };
  }
  return built;
}

export interface BuildOptions {
  example?: string;
  dynamic: boolean;
  requestKey: string;
}

function buildFromCandidates(
  ctx: BuildContext,
  spec: ResponseSpec,
  mediaKey: string,
  media: MediaType,
  options: BuildOptions,
): BuiltValue {
  const doc = ctx.contract.document;
  if (!options.dynamic) {
    for (const candidate of exampleCandidates(doc, media, options.example)) {
      const source = { kind: "example" as const, name: candidate.name };
      if (!media.schema) return { value: candidate.value, source };
      const value = withoutWriteOnly(doc, schemaNode(ctx, media), candidate.value);
      if (isValid(ctx, media, value)) return { value, source };
      if (candidate.explicit)
        return { value, source, warning: `example "${candidate.name}" does not match its schema` };
    }
  }
  if (!media.schema) return { value: undefined };
  const built = fake(ctx, spec, mediaKey, media, options);
  // Only a response documented for one status: a `4XX` or `default` fake is the same whatever status it is
  // sent with, so that the fixture written for it is the mock's answer byte for byte.
  const status = /^\d{3}$/.test(spec.status) ? Number(spec.status) : 0;
  return built.warning
    ? built
    : { ...built, value: withEchoedStatus(built.value, status, (v) => isValid(ctx, media, v)) };
}

/**
 * Seeded fakes, each checked: with the properties' own examples first (not when dynamic: the client
 * asked for fakes); should they together break the schema, without them; then each oneOf/anyOf branch
 * faked on its own (checked against the whole).
 */
function fake(
  ctx: BuildContext,
  spec: ResponseSpec,
  mediaKey: string,
  media: MediaType,
  options: BuildOptions,
): BuiltValue {
  const base = seedFrom(
    ctx.seed,
    ctx.contract.id,
    ctx.operation.operationId,
    spec.status,
    mediaKey,
    options.requestKey,
  );
  const doc = ctx.contract.document;
  const node = schemaNode(ctx, media);
  const seeds = Array.from(
    { length: 2 * FAKE_ATTEMPTS },
    (_, attempt) => () =>
      fakeValue(doc, node, {
        seed: base + attempt,
        direction: "response",
        dialect: ctx.contract.dialect,
        propertyExamples: !options.dynamic && attempt < FAKE_ATTEMPTS,
      }),
  );
  // The branches are looked up only when every seed failed: the first seed almost always fits.
  const branches = () =>
    alternativesOf(doc, node).map(
      (branch, i) => () =>
        fakeValue(doc, branch, { seed: base + i, direction: "response", dialect: ctx.contract.dialect }),
    );
  let value: unknown;
  let tries = 0;
  for (const attempts of [() => seeds, branches])
    for (const attempt of attempts()) {
      tries++;
      value = attempt();
      if (isValid(ctx, media, value)) return { value, source: { kind: "fake" } };
    }
  return {
    value,
    source: { kind: "fake" },
    warning: `no fake of ${ctx.operation.operationId} ${spec.status} ${mediaKey} matched its schema in ${tries} tries`,
  };
}

function schemaNode(ctx: BuildContext, media: MediaType): unknown {
  const ref = media.schema!;
  return "pointer" in ref ? { $ref: ref.pointer } : ref.inline;
}

/** Checked as a response: a writeOnly property is never returned, so its `required` is forgiven. */
export function isValid(ctx: BuildContext, media: MediaType, value: unknown): boolean {
  return ctx.registry.validate(media.schema!, value, { direction: "response", in: "response.body" }).length === 0;
}
