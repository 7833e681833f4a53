import net from "node:net";
import { MockpactError } from "../errors.js";

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
