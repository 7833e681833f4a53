import type { Finding } from "../report/model.js";
import type { RunEvent, VerifiedExchange } from "./run-log.js";

/** What mockpact saw of one interaction while Pact's verifier ran it. */
export interface InteractionRecord {
  exchanges: VerifiedExchange[];
  stateFindings: Finding[];
}

/** How often Pact's core tries a state change that fails before it gives up on the interaction. */
export const STATE_CHANGE_ATTEMPTS = 3;

/**
 * Cuts a run's log into interactions, given each interaction's provider states in run order (from
 * Pact's text). For each interaction the core sets up each state (an empty one when it has none),
 * retrying a failing one up to STATE_CHANGE_ATTEMPTS times; when every setup passed it sends the
 * request(s), then tears each state down. The last interaction takes whatever is left.
 */
export function recordsOf(events: RunEvent[], interactions: Array<{ states: string[] }>): InteractionRecord[] {
  let at = 0;
  const take = () => events[at++]!;
  return interactions.map((interaction, index) => {
    const record: InteractionRecord = { exchanges: [], stateFindings: [] };
    const add = (event: RunEvent) => {
      if (event.kind === "exchange") return void record.exchanges.push(event.exchange);
      // A retried setup fails the same way each time: say it once.
      for (const finding of event.findings)
        if (!record.stateFindings.some((f) => f.message === finding.message)) record.stateFindings.push(finding);
    };
    const states = statesAhead(events, at, interaction.states.length > 0 ? interaction.states : [""]);
    let failed = false;
    for (const state of states) {
      let failures = 0;
      while (
        at < events.length &&
        events[at]!.kind === "setup" &&
        stateOf(events[at]!) === state &&
        failures < STATE_CHANGE_ATTEMPTS
      ) {
        const event = take();
        add(event);
        if (event.kind !== "exchange" && event.ok) break;
        failures++;
      }
      if (failures === STATE_CHANGE_ATTEMPTS) failed = true;
    }
    if (!failed) {
      while (at < events.length && events[at]!.kind === "exchange") add(take());
      for (let t = 0; t < states.length && at < events.length && events[at]!.kind === "teardown"; t++) add(take());
    }
    if (index === interactions.length - 1) while (at < events.length) add(take());
    return record;
  });
}

/** The expected states, or (when Pact's text did not show them) the states the next setups name. */
function statesAhead(events: RunEvent[], at: number, expected: string[]): string[] {
  const next = events[at];
  if (!next || next.kind !== "setup" || expected.includes(next.state)) return expected;
  const seen: string[] = [];
  for (let i = at; i < events.length && events[i]!.kind === "setup"; i++) {
    const state = stateOf(events[i]!)!;
    if (seen[seen.length - 1] !== state) seen.push(state);
  }
  return seen;
}

function stateOf(event: RunEvent): string | undefined {
  return event.kind === "exchange" ? undefined : event.state;
}
