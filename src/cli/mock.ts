import { printable } from "../redact.js";
import { MOCK_FLAGS } from "../mock/flags.js";
import type { MockOptions } from "../mock/options.js";
import { createMockServer, type MockServer } from "../mock/server.js";
import type { ContractWarning } from "../contract/model.js";
import { checkExamples } from "../schema/check-examples.js";
import type { MockExchange } from "../mock/exchange.js";
import type { CliCommand } from "./command.js";
import { createRequestLog } from "./request-log.js";
import { REQUEST_LOG_FLAGS, withoutLogOptions, type RequestLogOptions } from "./request-log-flags.js";
import { describeExtras } from "./mock-extras.js";
import { bold, dim, green, printError, printMockEvent, printWarning, table, tlsLine, untilSignal } from "./print.js";

/** Routes listed per contract at start-up; the rest are summarised (GitHub's has 1,223). */
const ROUTES_SHOWN = 40;

export const mockCommand: CliCommand<MockOptions & RequestLogOptions> = {
  name: "mock",
  description: "serve OpenAPI contracts as a mock API",
  flags: { ...MOCK_FLAGS, ...REQUEST_LOG_FLAGS },
  run: runMock,
};

async function runMock(options: MockOptions & RequestLogOptions): Promise<number> {
  let server: MockServer | undefined;
  const log = createRequestLog(options, () => server?.mock.core.engine.secretNames);
  try {
    server = await createMockServer({
      ...withoutLogOptions(options),
      onEvent: printMockEvent,
      ...(log ? { onAnswer: (exchange: MockExchange) => log.log({ kind: "mock", exchange }) } : {}),
    });
    await server.listen();
  } catch (error) {
    printError(error);
    return 2;
  }
  printRoutes(server, describeExtras(server, options));
  // Not at once: the first requests (a client or a probe right after the "listening" line) are answered
  // before the check starts compiling validators; its warnings follow in the log.
  const examplesCheck = setTimeout(() => void reportExamples(server!), EXAMPLE_CHECK_DELAY_MS);
  await untilSignal();
  clearTimeout(examplesCheck);
  await server.close();
  return 0;
}

/** The routes per contract, then the URL last: one write, so the "listening" line means all is printed. */
function printRoutes(server: MockServer, extras = ""): void {
  const routes = server.mock.core.engine.router.routes();
  let text = "";
  for (const contract of server.mock.contracts) {
    const own = routes.filter((r) => r.target.contract === contract);
    text += `${bold(printable(contract.title))} ${dim(printable(`${contract.id} (${contract.dialect}, ${own.length} operations)`))}\n`;
    const rows = own
      .slice(0, ROUTES_SHOWN)
      .map((r) => [r.method, printable(`${server.url}${r.path}`), dim(printable(r.target.operation.operationId))]);
    text += `${table(rows)}\n`;
    if (own.length > ROUTES_SHOWN) text += dim(`... and ${own.length - ROUTES_SHOWN} more\n`);
    const otherBases = contract.basePaths.slice(1).map((base) => `${server.url}${base || "/"}`);
    if (otherBases.length > 0) text += dim(printable(`the same routes also answer under ${otherBases.join(", ")}\n`));
    text += "\n";
  }
  text += stubLines(server);
  process.stdout.write(
    `${text}${extras}${tlsLine(server.tls)}${bold("mockpact")} mock listening on ${green(server.url)}\n`,
  );
}

/** The pact stubs of `--pact`, per pact file: method, URL and the interaction's description. */
function stubLines(server: MockServer): string {
  const stubs = server.mock.stubs?.listing() ?? [];
  let text = "";
  for (const source of new Set(stubs.map((s) => s.source))) {
    const own = stubs.filter((s) => s.source === source);
    text += `${bold("pact")} ${dim(`${printable(source)} (${own.length} interactions; pick a provider state with X-Pact-State)`)}\n`;
    text += `${table(own.slice(0, ROUTES_SHOWN).map((s) => [printable(s.method), printable(`${server.url}${s.path}`), dim(printable(s.description))]))}\n`;
    if (own.length > ROUTES_SHOWN) text += dim(`... and ${own.length - ROUTES_SHOWN} more\n`);
    text += "\n";
  }
  const notes = server.mock.stubs?.notes ?? [];
  return notes.length > 0 ? `${text}${notes.map((note) => dim(`note: ${note}`)).join("\n")}\n\n` : text;
}

/**
 * How long after listening the background check of the contract's examples starts: long enough for
 * a first request sent at the "listening" line to be answered first, short enough that a tool
 * waiting for the server to go idle (the bench before it loads it) sees the check running.
 */
const EXAMPLE_CHECK_DELAY_MS = 100;

/** Example warnings shown per code and contract at start-up: the whole list is `mockpact lint`'s (one contract had 333). */
const EXAMPLE_WARNINGS_SHOWN = 3;

async function reportExamples(server: MockServer): Promise<void> {
  for (const contract of server.mock.contracts) {
    const byCode = new Map<string, ContractWarning[]>();
    for (const warning of await checkExamples(contract, server.mock.core.engine.registryOf(contract)))
      byCode.set(warning.code, [...(byCode.get(warning.code) ?? []), warning]);
    for (const [code, warnings] of byCode) {
      for (const warning of warnings.slice(0, EXAMPLE_WARNINGS_SHOWN)) printWarning(warning.message, warning);
      const more = warnings.length - EXAMPLE_WARNINGS_SHOWN;
      if (more > 0)
        printWarning(
          `${code}: ${more} more like these (${warnings.length} in all); \`mockpact lint ${contract.file}\` lists every one`,
          { file: contract.file },
        );
    }
  }
}
