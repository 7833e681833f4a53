import type { PactHttpInteraction } from "../pact/http-interaction.js";
import type { RouteMatch, Router } from "../http/router.js";
import { compatFinding, type CompatFinding } from "./finding.js";

/**
 * The operation an interaction calls, found as the mock finds it: the contract's path templates,
 * literal segments first, the base path of `servers`/`basePath` honoured and optional.
 */
export function locate(router: Router, interaction: PactHttpInteraction): RouteMatch {
  return router.find(interaction.request.method, routablePath(interaction.request.path));
}

/** Pact paths are written decoded (`/files/a b`); the router reads URL paths. */
function routablePath(path: string): string {
  return path.includes("%") ? path : encodeURI(path);
}

export function notLocated(
  interaction: PactHttpInteraction,
  match: Exclude<RouteMatch, { kind: "found" }>,
): CompatFinding {
  const { method, path } = interaction.request;
  if (match.kind === "method-not-allowed") {
    return compatFinding(
      "request.method.unknown",
      `the contract has ${path} with ${match.allow.join(", ")}, not ${method}`,
      `${interaction.pointer}/request/method`,
    );
  }
  return compatFinding(
    "request.path.unknown",
    `no operation of the contract has the path ${path} (with or without its base path)`,
    `${interaction.pointer}/request/path`,
  );
}
