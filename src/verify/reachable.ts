import net from "node:net";
import { MockpactError } from "../errors.js";
import { networkFailure } from "../pact/network-failure.js";

/**
 * Checks that something listens at the provider's base URL before Pact runs: without it, every
 * interaction would fail with the same connection error and the run would look like a broken
 * provider instead of a set-up problem. A TCP connect is enough, and sends the provider nothing.
 */
export async function assertReachable(baseUrl: string, timeoutMs: number): Promise<void> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs);
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("timeout", () => socket.destroy(new Error(`no connection within ${timeoutMs} ms`)));
    socket.once("error", (error) => reject(unreachable(baseUrl, error)));
  });
}

function unreachable(baseUrl: string, cause: Error): MockpactError {
  const why = (cause as NodeJS.ErrnoException).code ?? cause.message;
  return new MockpactError("PROVIDER_UNREACHABLE", `Failed to reach the provider at ${baseUrl}: ${why}`, {
    hint: "Start the provider first, and check --provider-base-url (host and port).",
    place: { file: baseUrl },
    cause,
  });
}

/**
 * Checks that the broker answers before Pact runs: Pact's core reports a broker it cannot read as a
 * failed pact ("Failed to load pact"), which would read as a broken contract rather than an outage.
 */
export async function assertBrokerReachable(
  brokerUrl: string,
  token: string | undefined,
  timeoutMs: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(brokerUrl, {
      headers: { accept: "application/hal+json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
  } catch (cause) {
    throw brokerError(brokerUrl, networkFailure(cause, timeoutMs), cause);
  }
  if (response.status === 401 || response.status === 403)
    throw brokerError(brokerUrl, `HTTP ${response.status}: the broker refused the credentials`);
  if (response.status >= 500) throw brokerError(brokerUrl, `HTTP ${response.status}`);
}

export function brokerError(brokerUrl: string, why: string, cause?: unknown): MockpactError {
  return new MockpactError("BROKER_ERROR", `Failed to read the Pact Broker ${brokerUrl}: ${why}`, {
    hint: "Check --broker-url, that the broker is up, and the token (--broker-token or PACT_BROKER_TOKEN).",
    place: { file: brokerUrl },
    cause,
  });
}
