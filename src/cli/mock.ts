import { Command } from "commander";
import { checkExamples } from "../schema/check-examples.js";
import { createMockServer } from "../mock/server.js";
import type { MockEvent, MockOptions } from "../mock/options.js";
import type { MockServer } from "../mock/server.js";
import { bold, dim, green, printError, printWarning, table } from "./print.js";

/** Routes listed per contract at start-up; the rest are summarised (GitHub's has 1,223). */
const ROUTES_SHOWN = 40;

export function mockCommand(setExit: (code: number) => void): Command {
  return new Command("mock")
    .description("serve OpenAPI contracts as a mock API")
    .argument("[contracts...]", "contract files or folders", ["contracts"])
    .option("-p, --port <port>", "port to listen on", (v) => Number(v), 4010)
    .option("-h, --host <host>", "host to bind", "127.0.0.1")
    .option("--seed <n>", "seed of every fake", (v) => Number(v), 1)
    .option("--dynamic", "fake responses even where examples exist", false)
    .option("--watch", "reload contracts when they change", false)
    .option("--cors", "answer CORS preflights and allow any origin", false)
    .option("--max-body <size>", "largest request body accepted", "1mb")
    .option("--allow-remote-refs", "fetch $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder file $refs may read from (default: each contract's folder)")
    .action(async (contracts: string[], flags: Record<string, unknown>) => setExit(await runMock(contracts, flags)));
}

async function runMock(contracts: string[], flags: Record<string, unknown>): Promise<number> {
  const options: MockOptions = {
    contracts,
    port: flags.port as number,
    host: flags.host as string,
    seed: flags.seed as number,
    dynamic: flags.dynamic as boolean,
    watch: flags.watch as boolean,
    cors: flags.cors as boolean,
    maxBody: flags.maxBody as string,
    allowRemoteRefs: flags.allowRemoteRefs as boolean,
    refRoot: flags.refRoot as string | undefined,
    onEvent: printEvent,
  };
  let server: MockServer;
  try {
    server = await createMockServer(options);
    await server.listen();
  } catch (error) {
    printError(error);
    return 2;
  }
  printRoutes(server);
  void reportExamples(server);
  await untilSignal();
  await server.close();
  return 0;
}

function printEvent(event: MockEvent): void {
  if (event.type === "warning") printWarning(event.message, event);
  else if (event.type === "reload") process.stdout.write(`${green("reloaded")} ${event.file}\n`);
  else {
    process.stderr.write(`reload of ${event.file} failed; the last good version keeps serving\n`);
    printError(event.error);
  }
}

/** The routes per contract, then the URL last: one write, so the "listening" line means all is printed. */
function printRoutes(server: MockServer): void {
  const routes = server.mock.core.router.routes();
  let text = "";
  for (const contract of server.mock.contracts) {
    const own = routes.filter((r) => r.target.contract === contract);
    text += `${bold(contract.title)} ${dim(`${contract.id} (${contract.dialect}, ${own.length} operations)`)}\n`;
    const rows = own.slice(0, ROUTES_SHOWN).map((r) => [r.method, `${server.url}${r.path}`, dim(r.target.operation.operationId)]);
    text += `${table(rows)}\n`;
    if (own.length > ROUTES_SHOWN) text += dim(`... and ${own.length - ROUTES_SHOWN} more\n`);
    text += "\n";
  }
  process.stdout.write(`${text}${bold("mockpact")} mock listening on ${green(server.url)}\n`);
}

async function reportExamples(server: MockServer): Promise<void> {
  for (const contract of server.mock.contracts) {
    for (const warning of await checkExamples(contract, server.mock.core.registryOf(contract))) printWarning(warning.message, warning);
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
