import type { IncomingMessage, ServerResponse } from "node:http";
import type { Finding } from "../report/model.js";
import { createServerHost } from "../server/host.js";
import type { RunLog } from "./run-log.js";
import type { StateAction, StateRunner } from "./states.js";

export interface StateEndpoint {
  url: string;
  /** Each run logs to its own log, and names the consumer when it knows it (a pact file, not a broker). */
  use(log: RunLog, consumer: string | undefined): void;
  close(): Promise<void>;
}

/** State changes are small JSON documents; a larger body is refused rather than read. */
const MAX_STATE_CHANGE_BYTES = 1024 * 1024;

/**
 * Where Pact's core sends its provider-state changes (its `--provider-state-setup-url`), on
 * 127.0.0.1 port 0. Each change goes to the user's states URL or handlers; a setup answers the
 * state's values as JSON, which the core reads for `fromProviderState` generators (`/users/${id}`).
 * A failure answers 500, as a failing states URL would: the core then retries the setup, and skips
 * the interaction's request and teardown, failing it.
 */
export async function startStateEndpoint(run: StateRunner): Promise<StateEndpoint> {
  let log: RunLog | undefined;
  let consumer: string | undefined;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    readJson(req)
      .then(async (body) => {
        const action: StateAction = body.action === "teardown" ? "teardown" : "setup";
        const state = typeof body.state === "string" ? body.state : "";
        const params =
          typeof body.params === "object" && body.params !== null ? (body.params as Record<string, unknown>) : {};
        try {
          const outcome = await run({ ...(consumer ? { consumer } : {}), state, params, action });
          const findings: Finding[] = outcome.warning
            ? [{ source: "state", level: "warning", message: outcome.warning }]
            : [];
          log?.state(action, state, true, findings);
          answer(res, 200, outcome.values);
        } catch (error) {
          const message = `provider state "${state}" failed on ${action}: ${(error as Error).message}`;
          log?.state(action, state, false, [{ source: "state", level: "error", message }]);
          answer(res, 500, { error: message });
        }
      })
      .catch((error: Error) => answer(res, 400, { error: error.message }));
  };
  const host = createServerHost({
    host: "127.0.0.1",
    port: 0,
    headersTimeoutMs: 60_000,
    requestTimeoutMs: 600_000,
    handle,
  });
  const url = await host.listen();
  return {
    url,
    use(next, name) {
      log = next;
      consumer = name;
    },
    close: () => host.close(),
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_STATE_CHANGE_BYTES) throw new Error(`a state change over ${MAX_STATE_CHANGE_BYTES} bytes`);
    chunks.push(chunk);
  }
  const value: unknown = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
