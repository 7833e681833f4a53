import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCommandOptions, type CliCommand } from "../../src/cli/command.js";
import { compatCommand } from "../../src/cli/compat.js";
import { fixturesCommand } from "../../src/cli/fixtures.js";
import { lintCommand } from "../../src/cli/lint.js";
import { mockCommand } from "../../src/cli/mock.js";
import { proxyCommand } from "../../src/cli/proxy.js";
import { verifyCommand } from "../../src/cli/verify.js";
import { resolveCompatOptions } from "../../src/compat/options.js";
import { resolveFixturesOptions } from "../../src/fixtures/options.js";
import { resolveMockOptions } from "../../src/mock/options.js";
import { resolveProxyOptions } from "../../src/proxy/options.js";
import type { FlagSpec } from "../../src/options/flag-spec.js";
import { resolveVerifyOptions } from "../../src/verify/options.js";
import { runCliInProcess } from "../support/in-process-cli.js";

// The defaults are spelled out, not read from the flag tables: a changed default must fail here.
const SERVER = {
  port: 4010,
  host: "127.0.0.1",
  https: false,
  watch: false,
  admin: true,
  adminPrefix: "/__mockpact",
  journalSize: 1000,
};
const LOG = { logLevel: "info", logFormat: "text" };
const MOCK = {
  ...SERVER,
  ...LOG,
  contracts: [],
  seed: 1,
  dynamic: false,
  echoParams: true,
  requestValidation: true,
  cors: false,
  maxBody: "1mb",
  allowRemoteRefs: false,
  stateful: false,
  stateMaxItems: 10_000,
  stateMaxBytes: "32mb",
  faultRate: 0,
  faults: ["reset", "empty", "malformed"],
  callbacks: true,
  callbackDelayMs: 0,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};
const UPSTREAM = ["--upstream", "http://127.0.0.1:8080"];
const PROXY = {
  ...SERVER,
  ...LOG,
  contracts: ["contracts"],
  upstream: "http://127.0.0.1:8080",
  validate: ["requests", "responses"],
  strict: false,
  fallback: "unimplemented",
  prefer: "upstream",
  timeoutMs: 30_000,
  seed: 1,
  dynamic: false,
  echoParams: true,
  cors: false,
  maxBody: "1mb",
  allowRemoteRefs: false,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};
const BASE_URL = ["--provider-base-url", "http://127.0.0.1:9000"];
const VERIFY = {
  providerBaseUrl: "http://127.0.0.1:9000",
  enablePending: false,
  publish: false,
  timeoutMs: 30_000,
  parallel: 1,
  failIfNoPactsFound: true,
  verbose: false,
  logLevel: "silent",
  allowRemoteRefs: false,
};
const COMPAT = { failOn: "error", allowRemoteRefs: false };
// The generation flags are handed on only when given (`--check` takes the rest from index.json); resolving fills the defaults.
const FIXTURES = { contracts: ["contracts"], out: "out", check: false, allowRemoteRefs: false };
const FIXTURES_DEFAULTS = { seed: 1, count: 1, status: { text: "2xx" }, requests: false, format: "json", clean: false };
const LINT = { contracts: ["contracts"], allowRemoteRefs: false };

type Case = [argv: string[], expected: Record<string, unknown>];

function expectOptions<O>(command: CliCommand<O>, cases: Case[]): void {
  it.each(cases)("%j", (argv, expected) => expect(parseCommandOptions(command, argv)).toEqual(expected));
}

function expectInvalid(run: () => unknown, flag: string): void {
  expect(run).toThrow(
    expect.objectContaining({
      code: "OPTION_INVALID",
      message: expect.stringContaining(`Failed to read option --${flag}: `),
    }),
  );
}

// The environment stands in for --broker-token: none here, unless a test sets it.
let brokerToken: string | undefined;
beforeEach(() => {
  brokerToken = process.env.PACT_BROKER_TOKEN;
  delete process.env.PACT_BROKER_TOKEN;
});
afterEach(() => {
  if (brokerToken === undefined) delete process.env.PACT_BROKER_TOKEN;
  else process.env.PACT_BROKER_TOKEN = brokerToken;
});

describe("mockpact mock flags -> MockOptions", () => {
  expectOptions(mockCommand, [
    [[], MOCK],
    [["a.yaml", "b"], { ...MOCK, contracts: ["a.yaml", "b"] }],
    [["--pact", "p.json", "--pact", "pacts/"], { ...MOCK, pacts: ["p.json", "pacts/"] }],
    [["--no-echo-params"], { ...MOCK, echoParams: false }],
    [
      ["-p", "0", "--host", "0.0.0.0", "--seed", "7", "--dynamic", "--no-request-validation", "--watch", "--cors"],
      { ...MOCK, port: 0, host: "0.0.0.0", seed: 7, dynamic: true, requestValidation: false, watch: true, cors: true },
    ],
    [
      ["--port", "5000", "--host", "::1", "--max-body", "2mb", "--allow-remote-refs", "--ref-root", ".."],
      { ...MOCK, port: 5000, host: "::1", maxBody: "2mb", allowRemoteRefs: true, refRoot: ".." },
    ],
    [
      ["--mocks", "m1", "--mocks", "m2", "--stateful", "--fixtures", "fx"],
      { ...MOCK, mocks: ["m1", "m2"], stateful: true, fixtures: "fx" },
    ],
    [
      ["--no-admin", "--admin-prefix", "/x", "--journal-size", "5"],
      { ...MOCK, admin: false, adminPrefix: "/x", journalSize: 5 },
    ],
    [
      ["--latency", "50-200ms", "--fault-rate", "0.5", "--faults", "reset, timeout"],
      { ...MOCK, latency: "50-200ms", faultRate: 0.5, faults: ["reset", "timeout"] },
    ],
    [
      ["--headers-timeout", "500", "--request-timeout", "900"],
      { ...MOCK, headersTimeoutMs: 500, requestTimeoutMs: 900 },
    ],
    [["--https"], { ...MOCK, https: true }],
    [
      ["--no-callbacks", "--callback-delay", "250", "--allow-callbacks-to", "hooks.example.test, ci:8080"],
      { ...MOCK, callbacks: false, callbackDelayMs: 250, allowCallbacksTo: ["hooks.example.test", "ci:8080"] },
    ],
    [["--cert", "c.pem", "--key", "k.pem"], { ...MOCK, cert: "c.pem", key: "k.pem" }],
  ]);

  it("gives OPTION_INVALID for a value the options refuse", () => {
    expectInvalid(() => resolveMockOptions(parseCommandOptions(mockCommand, ["--port", "not-a-port"])), "port");
    expectInvalid(() => resolveMockOptions(parseCommandOptions(mockCommand, ["--faults", "reset,boom"])), "faults");
    expectInvalid(() => resolveMockOptions(parseCommandOptions(mockCommand, ["--max-body", "lots"])), "max-body");
    expectInvalid(
      () => resolveMockOptions(parseCommandOptions(mockCommand, ["--callback-delay", "-1"])),
      "callback-delay",
    );
    expectInvalid(
      () =>
        resolveMockOptions(parseCommandOptions(mockCommand, ["--allow-callbacks-to", "https://hooks.example.test/x"])),
      "allow-callbacks-to",
    );
    expectInvalid(
      () => resolveMockOptions(parseCommandOptions(mockCommand, ["--allow-callbacks-to", "*"])),
      "allow-callbacks-to",
    );
  });
});

describe("mockpact proxy flags -> ProxyOptions", () => {
  expectOptions(proxyCommand, [
    [UPSTREAM, PROXY],
    [
      [...UPSTREAM, "a.yaml", "--validate", "none", "--strict", "--fallback", "never"],
      { ...PROXY, contracts: ["a.yaml"], validate: [], strict: true, fallback: "never" },
    ],
    [
      [
        ...UPSTREAM,
        "--validate",
        "responses",
        "--record",
        "rec",
        "--record-pact",
        "p.json",
        "--consumer",
        "web",
        "--provider",
        "api",
      ],
      { ...PROXY, validate: ["responses"], record: "rec", recordPact: "p.json", consumer: "web", provider: "api" },
    ],
    [
      [
        ...UPSTREAM,
        "--timeout",
        "100",
        "--seed",
        "3",
        "--dynamic",
        "--cors",
        "--max-body",
        "10kb",
        "--allow-remote-refs",
        "--ref-root",
        "r",
      ],
      {
        ...PROXY,
        timeoutMs: 100,
        seed: 3,
        dynamic: true,
        cors: true,
        maxBody: "10kb",
        allowRemoteRefs: true,
        refRoot: "r",
      },
    ],
    [
      [...UPSTREAM, "-p", "0", "--host", "::", "--watch", "--no-admin", "--admin-prefix", "/a", "--journal-size", "0"],
      { ...PROXY, port: 0, host: "::", watch: true, admin: false, adminPrefix: "/a", journalSize: 0 },
    ],
    [
      [...UPSTREAM, "--https", "--cert", "c.pem", "--key", "k.pem"],
      { ...PROXY, https: true, cert: "c.pem", key: "k.pem" },
    ],
    [[...UPSTREAM, "--prefer", "mock", "--mocks", "m.yaml"], { ...PROXY, prefer: "mock", mocks: ["m.yaml"] }],
    [[...UPSTREAM, "--no-echo-params"], { ...PROXY, echoParams: false }],
  ]);

  it("gives OPTION_INVALID for a value the flag or the options refuse", () => {
    expectInvalid(() => parseCommandOptions(proxyCommand, [...UPSTREAM, "--validate", "bodies"]), "validate");
    expectInvalid(
      () => resolveProxyOptions(parseCommandOptions(proxyCommand, [...UPSTREAM, "--timeout", "0"])),
      "timeout",
    );
    expectInvalid(() => resolveProxyOptions(parseCommandOptions(proxyCommand, ["--upstream", "ftp://x"])), "upstream");
  });

  it("leaves a missing --upstream and an unknown --fallback to commander", () => {
    expect(() => parseCommandOptions(proxyCommand, [])).toThrow(
      expect.objectContaining({ code: "commander.missingMandatoryOptionValue" }),
    );
    expect(() => parseCommandOptions(proxyCommand, [...UPSTREAM, "--fallback", "always"])).toThrow(
      expect.objectContaining({ code: "commander.invalidArgument" }),
    );
  });
});

describe("mockpact verify flags -> VerifyOptions and report files", () => {
  expectOptions(verifyCommand, [
    [BASE_URL, VERIFY],
    [
      [...BASE_URL, "--pact", "a.json", "--pact", "https://pacts/b", "--contract", "c.yaml", "--contract", "d.yaml"],
      { ...VERIFY, pacts: ["a.json", "https://pacts/b"], contracts: ["c.yaml", "d.yaml"] },
    ],
    [
      [
        ...BASE_URL,
        "--provider",
        "api",
        "--broker-url",
        "https://broker",
        "--broker-token",
        "t",
        "--consumer-version-selectors",
        '{"mainBranch":true}',
      ],
      {
        ...VERIFY,
        provider: "api",
        brokerUrl: "https://broker",
        brokerToken: "t",
        consumerVersionSelectors: [{ mainBranch: true }],
      },
    ],
    [
      [
        ...BASE_URL,
        "--enable-pending",
        "--include-wip-since",
        "2024-01-31",
        "--publish",
        "--provider-version",
        "1.2",
        "--provider-branch",
        "main",
      ],
      {
        ...VERIFY,
        enablePending: true,
        includeWipSince: "2024-01-31",
        publish: true,
        providerVersion: "1.2",
        providerBranch: "main",
      },
    ],
    [
      [
        ...BASE_URL,
        "--states-url",
        "http://s",
        "--states",
        "states.js",
        "--header",
        "Authorization: Bearer a:b",
        "--header",
        "X-Team:web",
      ],
      {
        ...VERIFY,
        statesUrl: "http://s",
        states: "states.js",
        headers: { Authorization: "Bearer a:b", "X-Team": "web" },
      },
    ],
    [[...BASE_URL, "--parallel", "3"], { ...VERIFY, parallel: 3 }],
    [
      [
        ...BASE_URL,
        "--timeout",
        "500",
        "--junit",
        "j.xml",
        "--json",
        "r.json",
        "--html",
        "r.html",
        "--log-level",
        "debug",
        "--allow-remote-refs",
        "--ref-root",
        "r",
      ],
      {
        ...VERIFY,
        timeoutMs: 500,
        junit: "j.xml",
        json: "r.json",
        html: "r.html",
        logLevel: "debug",
        allowRemoteRefs: true,
        refRoot: "r",
      },
    ],
    [
      [
        ...BASE_URL,
        "--message-path",
        "/events",
        "--asyncapi",
        "a.yaml",
        "--asyncapi",
        "b.yaml",
        "--message-schema",
        "an order=Order",
        "--no-fail-if-no-pacts-found",
        "--verbose",
      ],
      {
        ...VERIFY,
        messagePath: "/events",
        asyncapi: ["a.yaml", "b.yaml"],
        messageSchemas: ["an order=Order"],
        failIfNoPactsFound: false,
        verbose: true,
      },
    ],
  ]);

  it("reads --broker-token from PACT_BROKER_TOKEN", () => {
    process.env.PACT_BROKER_TOKEN = "from-env";
    expect(parseCommandOptions(verifyCommand, BASE_URL)).toEqual({ ...VERIFY, brokerToken: "from-env" });
  });

  it("gives OPTION_INVALID for a value the flag or the options refuse", () => {
    expectInvalid(
      () => parseCommandOptions(verifyCommand, [...BASE_URL, "--consumer-version-selectors", "{nope"]),
      "consumer-version-selectors",
    );
    expectInvalid(() => parseCommandOptions(verifyCommand, [...BASE_URL, "--header", "no colon"]), "header");
    expectInvalid(
      () =>
        resolveVerifyOptions(parseCommandOptions(verifyCommand, [...BASE_URL, "--pact", "a.json", "--timeout", "-1"])),
      "timeout",
    );
    expectInvalid(
      () =>
        resolveVerifyOptions(
          parseCommandOptions(verifyCommand, [...BASE_URL, "--pact", "a.json", "--message-path", "events"]),
        ),
      "message-path",
    );
    expectInvalid(
      () =>
        resolveVerifyOptions(parseCommandOptions(verifyCommand, [...BASE_URL, "--pact", "a.json", "--parallel", "0"])),
      "parallel",
    );
    expectInvalid(
      () =>
        resolveVerifyOptions(
          parseCommandOptions(verifyCommand, [...BASE_URL, "--pact", "a.json", "--parallel", "1.5"]),
        ),
      "parallel",
    );
    expectInvalid(
      () =>
        resolveVerifyOptions(
          parseCommandOptions(verifyCommand, [...BASE_URL, "--pact", "a.json", "--message-schema", "an order="]),
        ),
      "message-schema",
    );
  });
});

describe("mockpact compat flags -> CompatOptions and report files", () => {
  expectOptions(compatCommand, [
    [[], COMPAT],
    [
      ["--pact", "a.json", "--pact", "b/", "--contract", "c.yaml", "--contract", "d/", "--fail-on", "warning"],
      { ...COMPAT, pacts: ["a.json", "b/"], contracts: ["c.yaml", "d/"], failOn: "warning" },
    ],
    [
      ["--junit", "j.xml", "--json", "r.json", "--html", "r.html", "--allow-remote-refs", "--ref-root", "r"],
      { ...COMPAT, junit: "j.xml", json: "r.json", html: "r.html", allowRemoteRefs: true, refRoot: "r" },
    ],
  ]);

  it("gives OPTION_INVALID for options it cannot use", () => {
    expect(() => resolveCompatOptions(parseCommandOptions(compatCommand, ["--contract", "c.yaml"]))).toThrow(
      expect.objectContaining({ code: "OPTION_INVALID" }),
    );
    expectInvalid(
      () => resolveCompatOptions({ pacts: ["a.json"], contracts: ["c.yaml"], failOn: "never" as "error" }),
      "fail-on",
    );
  });
});

describe("mockpact fixtures flags -> FixturesOptions", () => {
  const OUT = ["--out", "out"];
  expectOptions(fixturesCommand, [
    [OUT, FIXTURES],
    [
      [...OUT, "a.yaml", "--seed", "42", "--count", "3", "--status", "all", "--requests", "--format", "ndjson"],
      { ...FIXTURES, contracts: ["a.yaml"], seed: 42, count: 3, status: "all", requests: true, format: "ndjson" },
    ],
    [
      [
        ...OUT,
        "--operations",
        "a,b",
        "--operations",
        "c",
        "--tags",
        "t",
        "--clean",
        "--check",
        "--allow-remote-refs",
        "--ref-root",
        "r",
      ],
      {
        ...FIXTURES,
        operations: ["a,b", "c"],
        tags: ["t"],
        clean: true,
        check: true,
        allowRemoteRefs: true,
        refRoot: "r",
      },
    ],
  ]);

  it("resolves the generation flags not given to their defaults", () => {
    expect(resolveFixturesOptions(parseCommandOptions(fixturesCommand, OUT))).toMatchObject(FIXTURES_DEFAULTS);
  });

  it("gives OPTION_INVALID for a value the options refuse", () => {
    expectInvalid(
      () => resolveFixturesOptions(parseCommandOptions(fixturesCommand, [...OUT, "--count", "0"])),
      "count",
    );
    expectInvalid(
      () => resolveFixturesOptions(parseCommandOptions(fixturesCommand, [...OUT, "--status", "2xz"])),
      "status",
    );
  });
});

describe("mockpact lint flags -> LintOptions", () => {
  expectOptions(lintCommand, [
    [[], LINT],
    [
      ["a.yaml", "b/", "--allow-remote-refs", "--ref-root", ".."],
      { contracts: ["a.yaml", "b/"], allowRemoteRefs: true, refRoot: ".." },
    ],
  ]);
});

/** Each flag's entry in the --help text, whitespace folded: from its own name to the next flag's. */
function helpEntries(help: string, specs: FlagSpec[]): string[] {
  const starts = specs.map((s) =>
    help.indexOf(s.type === "arguments" ? `Arguments: ${s.flag.replace(/^\[|\.\.\.\]$/g, "")} ` : ` ${s.flag} `),
  );
  expect(starts).not.toContain(-1);
  const end = help.indexOf(" --help display help");
  return starts.map((start) => help.slice(start, Math.min(end, ...starts.filter((s) => s > start))));
}

describe("--help", () => {
  it.each([mockCommand, proxyCommand, verifyCommand, compatCommand, fixturesCommand, lintCommand] as Array<
    CliCommand<object>
  >)("of $name shows the default of every flag that has one", async (command) => {
    const help = (await runCliInProcess([command.name, "--help"])).stdout.replace(/\s+/g, " ");
    const specs = Object.values(command.flags) as FlagSpec[];
    helpEntries(help, specs).forEach((entry, i) => {
      const { flag, default: value } = specs[i]!;
      // A lone --no-x shows none: "(default: true)" beside "do not serve" would read as the opposite.
      if (value === undefined || flag.startsWith("--no-")) return expect(entry, flag).not.toContain("(default: true)");
      expect(entry, flag).toContain(`default: ${Array.isArray(value) ? value.join(",") : JSON.stringify(value)})`);
    });
  });
});
