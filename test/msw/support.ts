import { setupServer, type SetupServer } from "msw/node";
import type { RequestHandler } from "msw";

/** Where handlers of the tests answer (their baseUrl): origins no real server has, so nothing else is intercepted. */
export const NODE_ORIGIN = "http://node.mockpact.test";
export const BUNDLE_ORIGIN = "http://bundle.mockpact.test";

/** Headers a node:http server adds on its own (connection management), which an in-process answer has no reason to carry. */
const CONNECTION_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/** One answer as the bytes a client gets: status, headers (sorted), body; or the network error a fault gives. */
export type Answer = { status: number; headers: Array<[string, string]>; body: string } | { error: string };

export interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends `call` to `origin` with fetch: through MSW for the handlers' origins, over the network otherwise. */
export async function answerOf(origin: string, call: Call): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${origin}${call.path}`, {
      method: call.method ?? "GET",
      headers: call.headers,
      body: call.body,
      redirect: "manual",
    });
  } catch (error) {
    return { error: (error as Error).name };
  }
  const body = Buffer.from(await response.arrayBuffer()).toString("base64");
  const headers = [...response.headers]
    .filter(([name]) => !CONNECTION_HEADERS.has(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return { status: response.status, headers, body };
}

/** msw/node intercepting this test file's fetch with `handlers`; anything they do not match goes to the network. Close it after. */
export function interceptWith(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "bypass" });
  return server;
}
