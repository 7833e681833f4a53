import { MockpactError } from "../errors.js";
import { isObject } from "../contract/pointer.js";
import { jsonNestingExceeds, MAX_JSON_DEPTH } from "../http/body.js";

/** What mockpact needs to know of a pact before Pact's verifier runs it. */
export interface PactFile {
  /** The file or URL it was read from. */
  source: string;
  consumer: string;
  provider: string;
  /** Pact specification version as the file declares it, e.g. `4.0` (`1.0.0` when it declares none). */
  specVersion: string;
  interactions: PactInteraction[];
  /** The parsed document: compat and `mock --pact` read the interactions' requests and responses from it. */
  document: Record<string, unknown>;
}

export interface PactInteraction {
  description: string;
  states: Array<{ name: string; params: Record<string, unknown> }>;
}

/** A body may nest as deep as a request body to the mock, inside the few levels of the pact around it. */
const MAX_PACT_NESTING = MAX_JSON_DEPTH + 16;

/** The major versions of the Pact specification that Pact's core reads. */
const KNOWN_MAJORS = new Set(["1", "2", "3", "4"]);

/**
 * Parses and checks a pact: JSON, a consumer and provider, a specification version Pact knows,
 * interactions (or messages) that are a list. Pact's core would also refuse such a file, but with a
 * log line and no file name; this names the file and says what is wrong.
 */
export function parsePact(text: string, source: string): PactFile {
  // Checked before parsing: every walk of a pact (matching, compat, reports) recurses into its bodies.
  if (jsonNestingExceeds(text, MAX_PACT_NESTING)) {
    throw invalid(
      source,
      `it nests arrays and objects deeper than ${MAX_PACT_NESTING} levels`,
      `A body may nest ${MAX_JSON_DEPTH} levels, as a request body may; flatten the deeper parts.`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw invalid(
      source,
      `it is not JSON (${(cause as Error).message})`,
      "A pact file is the JSON that a consumer test writes; check that the file is one.",
    );
  }
  if (!isObject(doc))
    throw invalid(
      source,
      "it is not a JSON object",
      "A pact is a JSON object with consumer, provider and interactions.",
    );
  const consumer = nameOf(doc.consumer);
  const provider = nameOf(doc.provider);
  if (!consumer || !provider)
    throw invalid(source, "it names no consumer or no provider", "A pact has consumer.name and provider.name.");
  const specVersion = specVersionOf(doc.metadata);
  if (!KNOWN_MAJORS.has(specVersion.split(".")[0] ?? "")) {
    throw invalid(
      source,
      `its pact specification version "${specVersion}" is not one Pact knows (1.x to 4.x)`,
      "Write the pact with a Pact consumer library; metadata.pactSpecification.version says which version it follows.",
    );
  }
  const list = doc.interactions ?? doc.messages;
  if (!Array.isArray(list))
    throw invalid(
      source,
      "it has no interactions list",
      "A pact lists its interactions under `interactions` (or `messages`).",
    );
  return {
    source,
    consumer,
    provider,
    specVersion,
    interactions: list.filter(isObject).map(interactionOf),
    document: doc,
  };
}

function nameOf(party: unknown): string | undefined {
  return isObject(party) && typeof party.name === "string" && party.name !== "" ? party.name : undefined;
}

/** V3/V4 write `pactSpecification.version`, V2 writers `pact-specification` or `pactSpecificationVersion`. */
function specVersionOf(metadata: unknown): string {
  if (!isObject(metadata)) return "1.0.0";
  for (const key of ["pactSpecification", "pact-specification"]) {
    const entry = metadata[key];
    if (isObject(entry) && entry.version !== undefined) return String(entry.version);
  }
  return metadata.pactSpecificationVersion !== undefined ? String(metadata.pactSpecificationVersion) : "1.0.0";
}

function interactionOf(raw: Record<string, unknown>): PactInteraction {
  const description = typeof raw.description === "string" ? raw.description : "";
  if (typeof raw.providerState === "string") return { description, states: [{ name: raw.providerState, params: {} }] };
  const states = Array.isArray(raw.providerStates) ? raw.providerStates.filter(isObject) : [];
  return {
    description,
    states: states.map((s) => ({ name: String(s.name ?? ""), params: isObject(s.params) ? s.params : {} })),
  };
}

function invalid(source: string, why: string, hint: string): MockpactError {
  return new MockpactError("PACT_INVALID", `Failed to read the pact ${source}: ${why}`, {
    hint,
    place: { file: source },
  });
}
