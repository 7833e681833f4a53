import type { SecretNames } from "../../redact.js";
import { differences } from "../matchers/conditions.js";
import type { RequestView } from "../request-view.js";
import type { Override } from "./types.js";

/** The override that came closest to answering a request none answered (WireMock's near miss). */
export interface NearMiss {
  /** Its id: `mocks/shop.yaml:12`, `runtime:3`. */
  override: string;
  /** The first condition that did not hold: `body $.qty: expected > 5, got 2`. */
  difference: string;
  /** How many of its conditions did not hold. */
  differences: number;
}

export const NEAR_MISS_HEADER = "mockpact-near-miss";

/**
 * Of the overrides a request reached (one operation's, or one route's outside the contracts), the
 * one whose conditions it missed by the fewest, ties to the one tried first. An entry whose
 * conditions all hold missed by its scenario state. Credentials a condition read are never shown.
 * Run only when no override answered, so a matched request pays nothing for it.
 */
export function nearMissOf(overrides: Override[], view: RequestView, secretNames?: SecretNames): NearMiss | undefined {
  let best: NearMiss | undefined;
  for (const override of overrides) {
    const missed = differences(override.when, view, secretNames);
    const step = override.scenario;
    if (missed.length === 0 && step?.whenState)
      missed.push(`scenario ${step.name}: expected state "${step.whenState}"`);
    if (missed.length === 0) continue;
    if (!best || missed.length < best.differences)
      best = { override: override.id, difference: missed[0]!, differences: missed.length };
  }
  return best;
}

/** `mocks/shop.yaml:12; body $.qty: expected > 5, got 2`, in printable ASCII as a header value must be. */
export function nearMissHeader(miss: NearMiss): string {
  return `${miss.override}; ${miss.difference}`.replace(/[^\x20-\x7e]/g, "?");
}
