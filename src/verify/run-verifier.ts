import type { RequestHandler } from "express";
import { MockpactError } from "../errors.js";
import type { ResolvedVerifyOptions } from "./options.js";
import { pactLibrary, setPactLogLevel } from "./pact-library.js";
import { parseVerifierOutput, type VerifierOutput } from "./verifier-output.js";

/** One run of Pact's verifier: the pacts of one file or URL, or those the broker selects. */
export type PactRunSource = { kind: "pact"; url: string } | { kind: "broker" };

type VerifierConfig = ConstructorParameters<ReturnType<typeof pactLibrary>["Verifier"]>[0];

/**
 * Runs Pact JS's `Verifier` (Pact's Rust core behind Pact JS's own proxy) against `proxyUrl`, the
 * validating proxy, with `requestFilter` hooked into Pact JS's proxy. Returns Pact's JSON verdict
 * whether the verification passed or failed; throws only when Pact could not run at all.
 */
export async function runPactVerifier(source: PactRunSource, proxyUrl: string, requestFilter: RequestHandler, options: ResolvedVerifyOptions): Promise<VerifierOutput> {
  const { Verifier } = pactLibrary();
  const config: VerifierConfig = {
    providerBaseUrl: proxyUrl,
    ...(options.provider ? { provider: options.provider } : {}),
    requestFilter: options.logLevel === "silent" ? silencingPactLogs(requestFilter) : requestFilter,
    ...(Object.keys(options.headers).length > 0 ? { customProviderHeaders: options.headers } : {}),
    timeout: options.timeoutMs,
    failIfNoPactsFound: source.kind === "broker",
    logLevel: options.logLevel === "silent" ? "error" : options.logLevel,
    ...(options.brokerToken ? { pactBrokerToken: options.brokerToken } : {}),
    ...sourceConfig(source, options),
    ...publishConfig(options),
  };
  let json: string;
  try {
    json = String(await new Verifier(config).verifyProvider());
  } catch (error) {
    json = (error as Error)?.message ?? String(error);
  }
  const output = parseVerifierOutput(json);
  if (output) return output;
  const where = source.kind === "broker" ? `the pacts of ${options.broker?.url}` : source.url;
  throw new MockpactError(source.kind === "broker" ? "BROKER_ERROR" : "VERIFIER_FAILED", `Failed to verify ${where}: Pact's verifier did not run (${json.split("\n")[0]})`, {
    hint: "Check the pact source and the broker options; --log-level debug shows Pact's own logs.",
    place: { file: source.kind === "broker" ? options.broker?.url : source.url },
  });
}

/**
 * Pact's core takes `error` as its quietest level, and Pact JS resets its JS logger to the run's
 * level when the run starts, then logs "Verification unsuccessful" as an error on every failing
 * run (mockpact's report says that better). The first request of the run (a state change) comes
 * after that reset: silence the JS logger there.
 */
function silencingPactLogs(filter: RequestHandler): RequestHandler {
  let silenced = false;
  return (req, res, next) => {
    if (!silenced) setPactLogLevel("silent");
    silenced = true;
    filter(req, res, next);
  };
}

function sourceConfig(source: PactRunSource, options: ResolvedVerifyOptions): Partial<VerifierConfig> {
  if (source.kind === "pact") return { pactUrls: [source.url] };
  const broker = options.broker!;
  return {
    pactBrokerUrl: broker.url,
    consumerVersionSelectors: broker.consumerVersionSelectors as VerifierConfig["consumerVersionSelectors"],
    enablePending: broker.enablePending,
    ...(broker.includeWipSince ? { includeWipPactsSince: broker.includeWipSince } : {}),
    ...(options.publish?.providerBranch ? { providerVersionBranch: options.publish.providerBranch } : {}),
  };
}

function publishConfig(options: ResolvedVerifyOptions): Partial<VerifierConfig> {
  if (!options.publish) return {};
  return {
    publishVerificationResult: true,
    providerVersion: options.publish.providerVersion,
    ...(options.publish.providerBranch ? { providerVersionBranch: options.publish.providerBranch } : {}),
  };
}
