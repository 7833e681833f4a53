import { isHeaderName, isHeaderValue, isWritableStatus } from "../../contract/writable.js";
import { regexBudget, withRegexBudget } from "../../schema/regex-budget.js";
import type { StubMatcher } from "./matcher.js";
import type { HttpRequest } from "../../http/types.js";
import { actualFromMockRequest, matchRequest } from "../matching/index.js";
import { readHttpPacts, type HttpPact } from "../read-pacts.js";
import { closestOf, noInteractionResponse, unknownStateResponse, type NearMiss } from "./closest.js";
import { copyResponse, stubResponse } from "./respond.js";
import type { Stub } from "./stub.js";

/** The request header that picks a provider state: only interactions given that state may answer. */
export const STATE_HEADER = "x-pact-state";

/** `mock --pact`: reads the pacts and serves each HTTP interaction as a stub. */
export async function loadPactStubs(inputs: string[]): Promise<StubMatcher> {
  return createPactStubs(await readHttpPacts(inputs));
}

/**
 * The first interaction (pacts in the order given, interactions in file order) whose request
 * matches by Pact's rules answers; `X-Pact-State` narrows the choice to interactions with that
 * provider state. No match: a 404 naming the closest interaction and why it did not match.
 */
export function createPactStubs(pacts: HttpPact[]): StubMatcher {
  const stubs: Stub[] = pacts.flatMap(({ pact, interactions }) =>
    interactions.map((interaction) => ({
      interaction,
      response: stubResponse(interaction),
      source: pact.source,
      consumer: pact.consumer,
    })),
  );
  const states = [...new Set(stubs.flatMap((s) => s.interaction.states.map((state) => state.name)))];
  return {
    files: [...new Set(pacts.map((p) => p.pact.source))],
    warnings: stubs.flatMap(unwritableStub),
    notes: pacts
      .filter((p) => p.skipped > 0)
      .map(
        (p) =>
          `${p.pact.source}: ${p.skipped} message interaction(s) not served (a message has no HTTP request to answer)`,
      ),
    listing: () =>
      stubs.map((s) => ({
        method: s.interaction.request.method,
        path: s.interaction.request.path,
        description: s.interaction.description,
        source: s.source,
      })),
    // One regex budget per request, shared by every stub tried (schema/regex.ts).
    answer: (request: HttpRequest) => withRegexBudget(regexBudget(), () => answer(request)),
  };

  function answer(request: HttpRequest): ReturnType<StubMatcher["answer"]> {
    const state = stateOf(request);
    const candidates =
      state === undefined ? stubs : stubs.filter((s) => s.interaction.states.some((st) => st.name === state));
    if (state !== undefined && candidates.length === 0)
      return { kind: "unmatched", response: unknownStateResponse(state, states) };
    const actual = actualFromMockRequest(request);
    const misses: NearMiss[] = [];
    for (const stub of candidates) {
      const mismatches = matchRequest(stub.interaction.request, actual);
      if (mismatches.length === 0) return { kind: "matched", response: copyResponse(stub.response) };
      misses.push({ stub, mismatches });
    }
    return {
      kind: "unmatched",
      response: noInteractionResponse(actual.method, actual.path, closestOf(misses, actual.path), state),
    };
  }
}

/** A stub whose response node:http would refuse: the mock answers it with a 500 problem, and says so at load. */
function unwritableStub(stub: Stub): StubMatcher["warnings"] {
  const { status, headers } = stub.interaction.response;
  const wrong = [
    ...(isWritableStatus(status) ? [] : [`status ${status}`]),
    ...[...headers].flatMap(([name, { value }]) => [
      ...(isHeaderName(name) ? [] : [`header name ${JSON.stringify(name)}`]),
      ...(isHeaderValue(value) ? [] : [`the value of ${JSON.stringify(name)}`]),
    ]),
  ];
  if (wrong.length === 0) return [];
  return [
    {
      message: `Interaction "${stub.interaction.description}" answers what HTTP cannot carry (${wrong.join(", ")}); it is answered with a 500`,
      file: stub.source,
    },
  ];
}

function stateOf(request: HttpRequest): string | undefined {
  const value = request.headers[STATE_HEADER];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text.trim();
}
