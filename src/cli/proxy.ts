import { PROXY_FLAGS } from "../proxy/flags.js";
import type { ProxyOptions } from "../proxy/options.js";
import { createProxyServer, type ProxyServer } from "../proxy/server.js";
import type { CliCommand } from "./command.js";
import { bold, dim, green, printError, printMockEvent, tlsLine, untilSignal } from "./print.js";
import { countExchange, emptyTally, formatTally } from "./proxy-print.js";
import { createRequestLog } from "./request-log.js";
import { REQUEST_LOG_FLAGS, withoutLogOptions, type RequestLogOptions } from "./request-log-flags.js";

export const proxyCommand: CliCommand<ProxyOptions & RequestLogOptions> = {
  name: "proxy",
  description:
    "stand between clients and a real backend: check both directions against the contract, answer from the mock where the backend has nothing yet",
  flags: { ...PROXY_FLAGS, ...REQUEST_LOG_FLAGS },
  run: runProxy,
};

/** Runs until SIGINT/SIGTERM. Exit 1 when any exchange had findings or the upstream failed, else 0. */
async function runProxy(options: ProxyOptions & RequestLogOptions): Promise<number> {
  const tally = emptyTally();
  let server: ProxyServer | undefined;
  const log = createRequestLog(options, () => server?.loaded.engine?.secretNames);
  try {
    server = await createProxyServer({
      ...withoutLogOptions(options),
      onEvent: printMockEvent,
      onExchange: (exchange) => {
        countExchange(tally, exchange);
        log?.log({ kind: "proxy", exchange });
      },
    });
    await server.listen();
  } catch (error) {
    printError(error);
    return 2;
  }
  process.stdout.write(
    `${tlsLine(server.tls)}${bold("mockpact")} proxy listening on ${green(server.url)} ${dim(`-> ${server.options.upstream.origin}${server.options.upstream.pathname.replace(/\/$/, "")}`)}\n`,
  );
  await untilSignal();
  await server.close();
  process.stdout.write(formatTally(tally));
  return tally.withFindings > 0 || tally.failed > 0 ? 1 : 0;
}
