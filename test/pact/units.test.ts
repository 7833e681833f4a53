import { describe, expect, it } from "vitest";
import { redactDeep, secretsOf } from "../../src/redact.js";
import { recordsOf } from "../../src/verify/interaction-records.js";
import { runInteractions } from "../../src/verify/pact-output.js";
import type { RunEvent } from "../../src/verify/run-log.js";
import { parseVerifierOutput } from "../../src/verify/verifier-output.js";
import { buildReport, caseStatus, MAX_REPORTED_CHARS } from "../../src/report/model.js";
import { toJUnitXml } from "../../src/report/junit.js";
import { describeFinding } from "../../src/report/text.js";
import { endToEndHeaders } from "../../src/proxy/forward.js";

/** The shape Pact JS 16's Verifier rejects with (as the Error's message), trimmed. */
const PACT_JSON = JSON.stringify({
  result: false,
  errors: [
    {
      interaction: "Verifying a pact between web and shop Given p exists - a request for a product",
      mismatch: {
        interactionId: "",
        type: "mismatches",
        mismatches: [
          {
            type: "BodyMismatch",
            path: "$.name",
            expected: '"x"',
            actual: "5",
            mismatch: "Expected 5 (Integer) to be the same type as 'x' (String)",
          },
        ],
      },
    },
    {
      interaction: "Verifying a pact between web and shop - list",
      mismatch: {
        type: "mismatches",
        mismatches: [{ type: "StatusMismatch", expected: 200, actual: 201, mismatch: "expected 200 but was 201" }],
      },
    },
  ],
  pendingErrors: [],
  interactionResults: [
    { description: "a request for a product", duration: "188ms", result: "Error" },
    { description: "ok one", duration: "1.5s", result: "OK" },
    { description: "list", duration: "27ms", result: "Error" },
  ],
  output: ["\u001b[1mweb\u001b[0m"],
});

describe("Pact's verification JSON", () => {
  it("pairs each error with its interaction result, in order, with path, expected and actual", () => {
    const out = parseVerifierOutput(PACT_JSON)!;
    expect(out.interactions.map((i) => [i.description, i.ok, i.durationMs])).toEqual([
      ["a request for a product", false, 188],
      ["ok one", true, 1500],
      ["list", false, 27],
    ]);
    expect(out.interactions[0]!.findings).toEqual([
      {
        source: "pact",
        level: "error",
        type: "BodyMismatch",
        path: "$.name",
        expected: '"x"',
        actual: "5",
        message: "Expected 5 (Integer) to be the same type as 'x' (String)",
      },
    ]);
    expect(out.interactions[2]!.findings[0]).toMatchObject({ type: "StatusMismatch", expected: "200", actual: "201" });
    expect(out.unattributed).toEqual([]);
    expect(out.output).toEqual(["web"]);
  });

  it("is undefined for text that is not Pact's JSON (so the caller reports a set-up error)", () => {
    expect(parseVerifierOutput("Verification was unable to run")).toBeUndefined();
    expect(parseVerifierOutput("{}")).toBeUndefined();
  });
});

describe("cutting a run's log into interactions", () => {
  const exchange = (url: string): RunEvent => ({
    kind: "exchange",
    exchange: { method: "GET", url, status: 200, source: "upstream", violations: [], durationMs: 0 },
  });
  const state = (kind: "setup" | "teardown", name: string, ok = true): RunEvent => ({
    kind,
    state: name,
    ok,
    findings: ok ? [] : [{ source: "state", level: "error", message: `${name} failed` }],
  });
  const urls = (records: ReturnType<typeof recordsOf>) =>
    records.map((r) => [r.exchanges.map((e) => e.url), r.stateFindings.map((f) => f.message)]);

  it("gives each interaction its setups, requests and teardowns, an empty state standing for none", () => {
    const events = [
      state("setup", "a"),
      state("setup", "b"),
      exchange("/1"),
      state("teardown", "a"),
      state("teardown", "b"),
      state("setup", ""),
      exchange("/2"),
      state("teardown", ""),
    ];
    expect(urls(recordsOf(events, [{ states: ["a", "b"] }, { states: [] }]))).toEqual([
      [["/1"], []],
      [["/2"], []],
    ]);
  });

  it("a setup that fails every attempt ends its interaction (no request, no teardown), even when the next has the same state", () => {
    const failing = [state("setup", "a", false), state("setup", "a", false), state("setup", "a", false)];
    const events = [...failing, state("setup", "a"), exchange("/2"), state("teardown", "a")];
    expect(urls(recordsOf(events, [{ states: ["a"] }, { states: ["a"] }]))).toEqual([
      [[], ["a failed"]],
      [["/2"], []],
    ]);
  });

  it("a setup that passes on a retry keeps its interaction's request", () => {
    const events = [state("setup", "a", false), state("setup", "a"), exchange("/1"), state("teardown", "a")];
    expect(urls(recordsOf(events, [{ states: ["a"] }]))).toEqual([[["/1"], ["a failed"]]]);
  });

  it("reads each interaction's consumer and states from Pact's text", () => {
    const output = parseVerifierOutput(
      JSON.stringify({
        result: true,
        errors: [],
        pendingErrors: [],
        interactionResults: [
          { description: "get user", result: "OK" },
          { description: "plain", result: "OK" },
        ],
        output: [
          "\nVerifying a pact between \u001b[1mweb\u001b[0m and \u001b[1mshop\u001b[0m",
          "",
          "  get user (0s loading, 3ms verification)",
          "     Given user exists",
          "     And x",
          "    returns a response which",
          "  plain (0s loading, 2ms verification)",
          "    returns a response which",
        ],
      }),
    )!;
    expect(runInteractions(output, "shop")).toEqual([
      { description: "get user", states: ["user exists", "x"], consumer: "web" },
      { description: "plain", states: [], consumer: "web" },
    ]);
  });
});

describe("pending interactions", () => {
  it("forgive Pact's mismatches but not a schema violation", () => {
    expect(caseStatus([{ source: "pact", level: "error", message: "m" }], true)).toBe("pending");
    expect(caseStatus([{ source: "schema", level: "error", message: "s" }], true)).toBe("failed");
  });
});

describe("redaction", () => {
  it("removes the broker token and secret header values, whole and the credential alone", () => {
    const secrets = secretsOf("brokertoken", { Authorization: "Bearer abc123", "X-Tenant": "acme" });
    expect(redactDeep({ a: ["Bearer abc123", "token abc123", "brokertoken", "acme"] }, secrets)).toEqual({
      a: ["[redacted]", "token [redacted]", "[redacted]", "acme"],
    });
  });
});

describe("JUnit XML", () => {
  it("escapes names and messages, and writes control characters (which XML cannot carry) out as \\uXXXX", () => {
    const report = buildReport(
      "t",
      [
        {
          name: 'a <b> & "c"',
          properties: {},
          cases: [
            { name: "x\u0001y", status: "failed", findings: [{ source: "pact", level: "error", message: "<&>" }] },
          ],
        },
      ],
      10,
    );
    const xml = toJUnitXml(report);
    expect(xml).toContain('<testsuite name="a &lt;b&gt; &amp; &quot;c&quot;" tests="1" failures="1"');
    expect(xml).toContain('name="x\\u0001y"');
    expect(xml).toContain("pact: &lt;&amp;&gt;</failure>");
  });
});

describe("a finding as one line", () => {
  it("says expected and actual once when Pact's message already says them", () => {
    expect(
      describeFinding({
        source: "pact",
        level: "error",
        type: "StatusMismatch",
        expected: "200",
        actual: "500",
        message: "expected 200 but was 500",
      }),
    ).toBe("pact StatusMismatch: expected 200 but was 500");
    expect(
      describeFinding({
        source: "pact",
        level: "error",
        type: "BodyMismatch",
        path: "$.price",
        expected: "9.99",
        actual: '"9.99"',
        message: "Expected '9.99' (String) to be the same type as 9.99 (Decimal)",
      }),
    ).toBe(
      `pact BodyMismatch $.price: expected 9.99, actual "9.99": Expected '9.99' (String) to be the same type as 9.99 (Decimal)`,
    );
  });
});

describe("report values", () => {
  it("cut a huge expected or actual value at a bound, saying how much was left out", () => {
    const huge = "x".repeat(MAX_REPORTED_CHARS * 10);
    const report = buildReport(
      "t",
      [
        {
          name: "s",
          properties: {},
          cases: [
            {
              name: "c",
              status: "failed",
              findings: [{ source: "pact", level: "error", message: huge, expected: huge, actual: "1" }],
            },
          ],
        },
      ],
      1,
    );
    const finding = report.suites[0]!.cases[0]!.findings[0]!;
    expect(finding.expected).toHaveLength(
      MAX_REPORTED_CHARS + ` ... (${huge.length - MAX_REPORTED_CHARS} more characters not shown)`.length - 1,
    );
    expect(finding.message.endsWith(`(${huge.length - MAX_REPORTED_CHARS} more characters not shown)`)).toBe(true);
    expect(finding.actual).toBe("1");
    expect(toJUnitXml(report).length).toBeLessThan(4 * MAX_REPORTED_CHARS);
  });
});

describe("forwarded headers", () => {
  it("drops hop-by-hop headers and those the Connection header names", () => {
    expect(
      endToEndHeaders({
        connection: "close, x-private",
        "keep-alive": "5",
        "x-private": "1",
        "transfer-encoding": "chunked",
        accept: "*/*",
      }),
    ).toEqual({ accept: "*/*" });
  });
});
