import { Command, Option } from "commander";
import { FALLBACKS, parseValidate, type Fallback, type ProxyOptions } from "../proxy/options.js";
import { createProxyServer, type ProxyServer } from "../proxy/server.js";
import { bold, dim, green, printError, printMockEvent, untilSignal } from "./print.js";
import { countExchange, emptyTally, formatExchange, formatTally } from "./proxy-print.js";
import { serverOptionsOf } from "./server-flags.js";

export function proxyCommand(setExit: (code: number) => void): Command {
  return new Command("proxy")
    .description("stand between clients and a real backend: check both directions against the contract, answer from the mock where the backend has nothing yet")
    .argument("[contracts...]", "contract files or folders", ["contracts"])
    .requiredOption("--upstream <url>", "the real backend, e.g. http://127.0.0.1:8080")
    .option("-p, --port <port>", "port to listen on", (v) => Number(v), 4010)
    .option("-h, --host <host>", "host to bind", "127.0.0.1")
    .option("--validate <what>", "requests,responses | requests | responses | none", "requests,responses")
    .option("--strict", "answer a request that breaks the contract with the mock's 400/422 instead of forwarding it", false)
    .addOption(new Option("--fallback <when>", "when the mock answers instead of the upstream").choices(FALLBACKS).default("unimplemented"))
    .option("--record <dir>", "write passing exchanges as fixtures into this folder")
    .option("--record-pact <file>", "write passing exchanges as a V4 pact (needs --consumer and --provider)")
    .option("--consumer <name>", "the consumer's name in the recorded pact")
    .option("--provider <name>", "the provider's name in the recorded pact")
    .option("--timeout <ms>", "longest wait for the upstream (no byte either way)", (v) => Number(v), 30_000)
    .option("--seed <n>", "seed of the mock's fakes", (v) => Number(v), 1)
    .option("--dynamic", "the mock fakes responses even where examples exist", false)
    .option("--watch", "reload contracts when they change", false)
    .option("--cors", "answer CORS preflights and allow any origin", false)
    .option("--max-body <size>", "largest request body read for checking (larger ones stream through unchecked)", "1mb")
    .option("--allow-remote-refs", "fetch $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder file $refs may read from (default: each contract's folder)")
    .option("--no-admin", "do not serve the admin API (journal of proxied exchanges, web console)")
    .option("--admin-prefix <path>", "where the admin API is served", "/__mockpact")
    .option("--journal-size <n>", "how many exchanges the journal keeps", (v) => Number(v), 1000)
    .action(async (contracts: string[], flags: Record<string, unknown>) => setExit(await runProxy(contracts, flags)));
}

/** Runs until SIGINT/SIGTERM. Exit 1 when any exchange had findings or the upstream failed, else 0. */
async function runProxy(contracts: string[], flags: Record<string, unknown>): Promise<number> {
  const tally = emptyTally();
  let server: ProxyServer;
  try {
    server = await createProxyServer({
      ...toOptions(contracts, flags),
      onEvent: printMockEvent,
      onExchange: (exchange) => {
        countExchange(tally, exchange);
        process.stdout.write(formatExchange(exchange, server.loaded.engine?.secretNames));
      },
    });
    await server.listen();
  } catch (error) {
    printError(error);
    return 2;
  }
  process.stdout.write(`${bold("mockpact")} proxy listening on ${green(server.url)} ${dim(`-> ${server.options.upstream.origin}${server.options.upstream.pathname.replace(/\/$/, "")}`)}\n`);
  await untilSignal();
  await server.close();
  process.stdout.write(formatTally(tally));
  return tally.withFindings > 0 || tally.failed > 0 ? 1 : 0;
}

function toOptions(contracts: string[], flags: Record<string, unknown>): ProxyOptions {
  return {
    ...serverOptionsOf(flags),
    contracts,
    upstream: flags.upstream as string,
    validate: parseValidate(flags.validate as string),
    strict: flags.strict as boolean,
    fallback: flags.fallback as Fallback,
    record: flags.record as string | undefined,
    recordPact: flags.recordPact as string | undefined,
    consumer: flags.consumer as string | undefined,
    provider: flags.provider as string | undefined,
    timeoutMs: flags.timeout as number,
  };
}


