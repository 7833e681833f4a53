import { expect } from "vitest";
import { startMock, type RunningMock } from "../../support/mock-server.js";
import type { MockOptions } from "../../../src/mock/options.js";

/** The sample shop (examples) and the faked catalog (deepObject, cookies, formats): most request shapes. */
export const SAMPLE_CONTRACTS = ["contracts/shop.yaml", "contracts/catalog-faker.yaml"];

/** A real mock on 127.0.0.1, port 0 (default 1 MB body limit), with timeouts short enough to show in a second or two. */
export function startRobustMock(options: MockOptions = {}): Promise<RunningMock> {
  return startMock({ contracts: SAMPLE_CONTRACTS, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, ...options });
}

/** The check after every hostile request: the mock still answers a good one, correctly. */
export async function expectStillAnswers(url: string): Promise<void> {
  const response = await fetch(`${url}/shop/products/p-100`, { signal: AbortSignal.timeout(5_000) });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { id: string }).id).toBe("p-100");
}

/** Neither a 5xx nor no answer: a hostile request gets a 4xx (or a 2xx when it is in fact acceptable). */
export function expectClientAnswer(status: number | undefined): void {
  expect(status, "the mock answered").toBeDefined();
  expect(status!, "the mock did not fail with a 5xx").toBeLessThan(500);
}
