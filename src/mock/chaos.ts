import type { DelayRange } from "../options/delay.js";
import { malformed, sampleDelay, type FaultKind } from "./faults.js";
import { between, type Random } from "./random.js";
import type { HttpResponse } from "../http/types.js";

export const DELAY_HEADER = "mockpact-delay";

export interface ChaosOptions {
  latency: DelayRange | undefined;
  faultRate: number;
  faults: FaultKind[];
}

/**
 * `--latency` and `--fault-rate` on every answer that no override has given its own delay or fault,
 * then what the pure core can do itself: the `malformed` body. The adapter does the rest (waiting,
 * resetting, holding). A delayed answer says how long in `Mockpact-Delay`, so a test can see it.
 */
export function withChaos(response: HttpResponse, options: ChaosOptions, random: Random): HttpResponse {
  if (response.fault === undefined && options.faultRate > 0 && random() < options.faultRate) {
    response.fault = options.faults[between(random, 0, options.faults.length - 1)];
  }
  if (response.delayMs === undefined && options.latency) response.delayMs = sampleDelay(options.latency, random);
  if (response.delayMs !== undefined) response.headers[DELAY_HEADER] = String(response.delayMs);
  return response.fault === "malformed" ? malformed(response) : response;
}
