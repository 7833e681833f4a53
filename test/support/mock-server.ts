import { createMockServer, type MockServer } from "../../src/mock/server.js";
import type { MockOptions } from "../../src/mock/options.js";

export interface RunningMock {
  server: MockServer;
  url: string;
  close(): Promise<void>;
}

/** A real mock on 127.0.0.1, port 0: resolves once the socket listens. */
export async function startMock(options: MockOptions): Promise<RunningMock> {
  const server = await createMockServer({ ...options, port: 0 });
  const url = await server.listen(0);
  return { server, url, close: () => server.close() };
}

/** fetch with the parts a test reads: status, headers, text, parsed JSON when it is JSON. */
export async function call(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
