import path from "node:path";
import { pathToFileURL } from "node:url";
import { MockpactError } from "../errors.js";
import { networkFailure } from "../pact/network-failure.js";

export type StateAction = "setup" | "teardown";

/** What a states URL receives (as JSON) and a state handler is told. `consumer` is absent for broker pacts. */
export interface StateChange {
  consumer?: string;
  state: string;
  params: Record<string, unknown>;
  action: StateAction;
}

/** A setup's return value (an object) becomes the state's values: Pact's core fills `fromProviderState` generators with them. */
export type StateFunction = (params: Record<string, unknown>, change: StateChange) => unknown;
/** A bare function runs on setup only; `{setup, teardown}` runs on both. */
export type StateHandler = StateFunction | { setup?: StateFunction; teardown?: StateFunction };
export type StateHandlers = Record<string, StateHandler>;

/** What one state change gave: the values for Pact's core, and a warning when nothing handles the state. */
export interface StateOutcome {
  values: Record<string, unknown>;
  warning?: string;
}

/** Runs one state change; throws (saying why) when the handler or the states URL fails. */
export type StateRunner = (change: StateChange) => Promise<StateOutcome>;

/**
 * The user's side of a state change: the states URL, or the handler of the state's name. Like Pact's
 * core, the states URL is also told of the empty state of an interaction that has none (it may
 * reset the provider there); handlers are not, as no handler has an empty name.
 */
export function createStateRunner(
  source: { statesUrl?: string; states?: StateHandlers },
  timeoutMs: number,
): StateRunner {
  if (source.statesUrl) return (change) => postState(source.statesUrl!, change, timeoutMs);
  const handlers = source.states ?? {};
  return async (change) => {
    if (change.state === "") return { values: {} };
    const handler = handlers[change.state];
    if (!handler)
      return {
        values: {},
        ...(change.action === "setup" ? { warning: `no handler for provider state "${change.state}"` } : {}),
      };
    const fn =
      typeof handler === "function" ? (change.action === "setup" ? handler : undefined) : handler[change.action];
    return { values: valuesOf(await fn?.(change.params, change)) };
  };
}

async function postState(url: string, change: StateChange, timeoutMs: number): Promise<StateOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(change),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`the states URL ${url} could not be called: ${networkFailure(error, timeoutMs)}`);
  }
  const text = await response.text();
  if (!response.ok)
    throw new Error(`the states URL ${url} answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  return { values: valuesOf(parseJson(text)) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function valuesOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Loads `--states FILE`: a module whose default export (or `states` export, or itself) maps names to handlers. */
export async function loadStatesFile(file: string): Promise<StateHandlers> {
  const absolute = path.resolve(file);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (cause) {
    throw invalidStates(absolute, `it could not be loaded (${(cause as Error).message})`, cause);
  }
  const map = (module.default ?? module.states ?? module) as Record<string, unknown>;
  if (typeof map !== "object" || map === null)
    throw invalidStates(absolute, "it exports no map of state names to handlers");
  for (const [name, handler] of Object.entries(map)) {
    const ok =
      typeof handler === "function" ||
      (typeof handler === "object" && handler !== null && Object.values(handler).every((f) => typeof f === "function"));
    if (!ok) throw invalidStates(absolute, `the handler of "${name}" is not a function or {setup, teardown}`);
  }
  return map as StateHandlers;
}

function invalidStates(file: string, why: string, cause?: unknown): MockpactError {
  return new MockpactError("STATES_INVALID", `Failed to load the provider states ${file}: ${why}`, {
    hint: 'Export a map, e.g. `export default { "order 1001 exists": { setup: async (params) => {...}, teardown: async () => {...} } }`.',
    place: { file },
    cause,
  });
}
