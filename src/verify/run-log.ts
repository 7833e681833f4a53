import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import type { Finding } from "../report/model.js";
import type { StateAction } from "./states.js";

/** What the provider answered, as far as the report shows it (the body cut at a bound). */
export interface SeenResponse {
  status: number;
  headers: Record<string, string | string[]>;
  /** The body's first bytes as text; `truncated` when there was more. */
  body: string;
  bytes: number;
  truncated: boolean;
}

/** One provider exchange of a verify run: the proxy's view, and the response it passed on. */
export interface VerifiedExchange extends ProxiedExchange {
  response?: SeenResponse;
  /** The raw body (up to the bound) for a message: checked against the message contract after the run. */
  messageBody?: Buffer;
}

export type RunEvent =
  | { kind: StateAction; state: string; ok: boolean; findings: Finding[] }
  | { kind: "exchange"; exchange: VerifiedExchange };

/**
 * Everything that reached mockpact during one run of Pact's verifier, in arrival order: the core's
 * state changes (to the state endpoint) and its requests to the provider (through the proxy). Pact's
 * core runs interactions one after the other, so the log is cut into interactions after the run.
 */
export class RunLog {
  readonly events: RunEvent[] = [];

  state(action: StateAction, state: string, ok: boolean, findings: Finding[]): void {
    this.events.push({ kind: action, state, ok, findings });
  }

  exchange(exchange: VerifiedExchange): void {
    this.events.push({ kind: "exchange", exchange });
  }
}
