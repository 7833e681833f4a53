import { Command } from "commander";
import { checkExamples } from "../schema/check-examples.js";
import { createMockServer } from "../mock/server.js";
import type { MockOptions } from "../mock/options.js";
import type { MockServer } from "../mock/server.js";
import { bold, dim, green, printError, printMockEvent, printWarning, table, untilSignal } from "./print.js";
import { collect, commaList, describeExtras } from "./mock-extras.js";
import { serverOptionsOf } from "./server-flags.js";

/** Routes listed per contract at start-up; the rest are summarised (GitHub's has 1,223). */
const ROUTES_SHOWN = 40;

export function mockCommand(setExit: (code: number) => void): Command {
  return new Command("mock")
    .description("serve OpenAPI contracts as a mock API")
    .argument("[contracts...]", "contract files or folders (default: contracts, or none with --pact)")
    .option("--pact <file|dir|url>", "serve a pact's interactions as stubs (repeatable); a matching stub wins over the contract's answer", (v: string, all: string[] = []) => [...all, v])
    .option("-p, --port <port>", "port to listen on", (v) => Number(v), 4010)
    .option("-h, --host <host>", "host to bind", "127.0.0.1")
    .option("--seed <n>", "seed of every fake", (v) => Number(v), 1)
    .option("--dynamic", "fake responses even where examples exist", false)
    .option("--no-request-validation", "answer requests even when they break the contract")
    .option("--watch", "reload contracts when they change", false)
    .option("--cors", "answer CORS preflights and allow any origin", false)
    .option("--max-body <size>", "largest request body accepted", "1mb")
    .option("--allow-remote-refs", "fetch $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder file $refs may read from (default: each contract's folder)")
    .option("--mocks <file|dir>", "mocks files or folders of overrides and scenarios (repeatable; default: the mocks folder beside the contracts)", collect)
    .option("--stateful", "keep what clients POST, PUT, PATCH and DELETE (resources inferred from the contract's paths)", false)
    .option("--fixtures <dir>", "with --stateful: start with the items of this fixtures folder (mockpact fixtures --out)")
    .option("--no-admin", "do not serve the admin API")
    .option("--admin-prefix <path>", "where the admin API is served", "/__mockpact")
    .option("--journal-size <n>", "how many requests the journal keeps", (v) => Number(v), 1000)
    .option("--latency <delay>", "delay every answer: 250ms, or a range such as 50-200ms")
    .option("--fault-rate <p>", "share of answers (0 to 1) replaced by a fault", (v) => Number(v), 0)
    .option("--faults <kinds>", "the faults --fault-rate draws from: reset,empty,malformed,timeout", commaList)
    .option("--headers-timeout <ms>", "close a connection whose request headers take longer", (v) => Number(v))
    .option("--request-timeout <ms>", "close a connection whose whole request takes longer", (v) => Number(v))
    .action(async (contracts: string[], flags: Record<string, unknown>) => setExit(await runMock(contracts, flags)));
}

async function runMock(contracts: string[], flags: Record<string, unknown>): Promise<number> {
  const options: MockOptions = {
    ...serverOptionsOf(flags),
    contracts,
    pacts: flags.pact as string[] | undefined,
    requestValidation: flags.requestValidation as boolean,
    mocks: flags.mocks as string[] | undefined,
    stateful: flags.stateful as boolean,
    fixtures: flags.fixtures as string | undefined,
    latency: flags.latency as string | undefined,
    faultRate: flags.faultRate as number,
    faults: flags.faults as MockOptions["faults"],
    headersTimeoutMs: flags.headersTimeout as number | undefined,
    requestTimeoutMs: flags.requestTimeout as number | undefined,
    onEvent: printMockEvent,
  };
  let server: MockServer;
  try {
    server = await createMockServer(options);
    await server.listen();
  } catch (error) {
    printError(error);
    return 2;
  }
  printRoutes(server, describeExtras(server, options));
  void reportExamples(server);
  await untilSignal();
  await server.close();
  return 0;
}


/** The routes per contract, then the URL last: one write, so the "listening" line means all is printed. */
function printRoutes(server: MockServer, extras = ""): void {
  const routes = server.mock.core.engine.router.routes();
  let text = "";
  for (const contract of server.mock.contracts) {
    const own = routes.filter((r) => r.target.contract === contract);
    text += `${bold(contract.title)} ${dim(`${contract.id} (${contract.dialect}, ${own.length} operations)`)}\n`;
    const rows = own.slice(0, ROUTES_SHOWN).map((r) => [r.method, `${server.url}${r.path}`, dim(r.target.operation.operationId)]);
    text += `${table(rows)}\n`;
    if (own.length > ROUTES_SHOWN) text += dim(`... and ${own.length - ROUTES_SHOWN} more\n`);
    text += "\n";
  }
  text += stubLines(server);
  process.stdout.write(`${text}${extras}${bold("mockpact")} mock listening on ${green(server.url)}\n`);
}

/** The pact stubs of `--pact`, per pact file: method, URL and the interaction's description. */
function stubLines(server: MockServer): string {
  const stubs = server.mock.stubs?.listing() ?? [];
  let text = "";
  for (const source of new Set(stubs.map((s) => s.source))) {
    const own = stubs.filter((s) => s.source === source);
    text += `${bold("pact")} ${dim(`${source} (${own.length} interactions; pick a provider state with X-Pact-State)`)}\n`;
    text += `${table(own.slice(0, ROUTES_SHOWN).map((s) => [s.method, `${server.url}${s.path}`, dim(s.description)]))}\n`;
    if (own.length > ROUTES_SHOWN) text += dim(`... and ${own.length - ROUTES_SHOWN} more\n`);
    text += "\n";
  }
  return text;
}

async function reportExamples(server: MockServer): Promise<void> {
  for (const contract of server.mock.contracts) {
    for (const warning of await checkExamples(contract, server.mock.core.engine.registryOf(contract))) printWarning(warning.message, warning);
  }
}

