import { MockpactError } from "../errors.js";
import type { ResolvedVerifyOptions } from "./options.js";
import type { CoreVerifierOptions, VerifierHost } from "./verifier-host.js";
import { parseVerifierOutput, type VerifierOutput } from "./verifier-output.js";

/** One run of Pact's verifier: the pacts of one file or URL, or those the broker selects. */
export type PactRunSource = { kind: "pact"; url: string } | { kind: "broker" };

/** Where Pact's core sends its requests: mockpact's proxy (to the provider) and its state endpoint. */
export interface RunTargets {
  proxyUrl: string;
  stateUrl: string;
}

/**
 * Runs Pact's core verifier (in its own process) against the validating proxy, with provider states
 * posted to mockpact's state endpoint (setup and teardown, the state in the body), and message
 * requests to `--message-path` of the provider. Returns Pact's JSON verdict whether the verification
 * passed or failed; throws only when Pact could not run at all.
 */
export async function runPactVerifier(
  host: VerifierHost,
  source: PactRunSource,
  targets: RunTargets,
  options: ResolvedVerifyOptions,
): Promise<VerifierOutput> {
  const proxy = new URL(targets.proxyUrl);
  const config: CoreVerifierOptions = {
    providerBaseUrl: targets.proxyUrl,
    ...(options.provider ? { provider: options.provider } : {}),
    providerStatesSetupUrl: targets.stateUrl,
    providerStatesSetupTeardown: true,
    providerStatesSetupBody: true,
    ...(Object.keys(options.headers).length > 0 ? { customProviderHeaders: options.headers } : {}),
    ...(options.messagePath
      ? { transports: [{ protocol: "message", port: Number(proxy.port), path: options.messagePath, scheme: "http" }] }
      : {}),
    timeout: options.timeoutMs,
    failIfNoPactsFound: source.kind === "broker",
    logLevel: options.logLevel === "silent" ? "error" : options.logLevel,
    ...(options.brokerToken ? { pactBrokerToken: options.brokerToken } : {}),
    ...sourceConfig(source, options),
    ...publishConfig(options),
  };
  const json = await host.run(config);
  const output = parseVerifierOutput(json);
  if (output) return output;
  const where = source.kind === "broker" ? `the pacts of ${options.broker?.url}` : source.url;
  throw new MockpactError(
    source.kind === "broker" ? "BROKER_ERROR" : "VERIFIER_FAILED",
    `Failed to verify ${where}: Pact's verifier did not run (${json.split("\n")[0]})`,
    {
      hint: "Check the pact source and the broker options; --verbose shows Pact's own text and logs.",
      place: { file: source.kind === "broker" ? options.broker?.url : source.url },
    },
  );
}

function sourceConfig(source: PactRunSource, options: ResolvedVerifyOptions): Partial<CoreVerifierOptions> {
  if (source.kind === "pact") return { pactUrls: [source.url] };
  const broker = options.broker!;
  return {
    pactBrokerUrl: broker.url,
    consumerVersionSelectors: broker.consumerVersionSelectors as CoreVerifierOptions["consumerVersionSelectors"],
    enablePending: broker.enablePending,
    ...(broker.includeWipSince ? { includeWipPactsSince: broker.includeWipSince } : {}),
    ...(options.publish?.providerBranch ? { providerVersionBranch: options.publish.providerBranch } : {}),
  };
}

function publishConfig(options: ResolvedVerifyOptions): Partial<CoreVerifierOptions> {
  if (!options.publish) return {};
  return {
    publishVerificationResult: true,
    providerVersion: options.publish.providerVersion,
    ...(options.publish.providerBranch ? { providerVersionBranch: options.publish.providerBranch } : {}),
  };
}
