import type { RequestHandler } from "express";
import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import type { Finding } from "../report/model.js";
import type { StateAction, StateRunner } from "./states.js";

/** What mockpact saw of one interaction while Pact's verifier ran it. */
export interface InteractionRecord {
  exchanges: ProxiedExchange[];
  stateFindings: Finding[];
}

/**
 * Tells interactions apart by the order in which Pact's verifier drives them. For every interaction,
 * Pact's core calls the state-change endpoint with `setup` (with an empty state when the interaction
 * has none), sends the interaction's request, then calls `teardown`. So a `setup` that does not
 * follow another `setup` starts the next interaction, and every request the proxy sees until then
 * belongs to the current one. The n-th record then pairs with Pact's n-th interaction result.
 */
export class InteractionTracker {
  readonly records: InteractionRecord[] = [];
  private lastAction: StateAction | "request" | undefined;

  stateChange(action: StateAction): void {
    if (action === "setup" && this.lastAction !== "setup") this.records.push({ exchanges: [], stateFindings: [] });
    this.lastAction = action;
  }

  exchange(checked: ProxiedExchange): void {
    this.current().exchanges.push(checked);
    this.lastAction = "request";
  }

  stateFinding(finding: Finding): void {
    this.current().stateFindings.push(finding);
  }

  private current(): InteractionRecord {
    if (this.records.length === 0) this.records.push({ exchanges: [], stateFindings: [] });
    return this.records[this.records.length - 1]!;
  }
}

/** The path of Pact JS's verifier proxy where Pact's core posts state changes. */
export const PACT_STATE_PATH = "/_pactSetup";

/**
 * Pact JS's `requestFilter` runs on every request its verifier proxy receives, state changes
 * included: mockpact answers state changes there itself (so each is seen, tracked, and sent to the
 * user's handlers or states URL with the consumer's name) and lets provider requests through.
 * A failing handler fails the interaction with a `state` finding; Pact's core still gets a 200,
 * so it goes on with the request rather than stopping the run.
 */
export function stateChangeFilter(tracker: InteractionTracker, run: StateRunner, consumer: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST" || req.path !== PACT_STATE_PATH) return next();
    const body = (req.body ?? {}) as { state?: unknown; params?: unknown; action?: unknown };
    const action: StateAction = body.action === "teardown" ? "teardown" : "setup";
    const state = typeof body.state === "string" ? body.state : "";
    const params = typeof body.params === "object" && body.params !== null ? (body.params as Record<string, unknown>) : {};
    tracker.stateChange(action);
    if (state === "") return void res.json({});
    run({ ...(consumer ? { consumer } : {}), state, params, action })
      .then((warning) => warning && tracker.stateFinding({ source: "state", level: "warning", message: warning }))
      .catch((error: unknown) => tracker.stateFinding({ source: "state", level: "error", message: `provider state "${state}" failed on ${action}: ${(error as Error).message}` }))
      .finally(() => res.json({}));
  };
}
