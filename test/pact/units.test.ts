import { describe, expect, it } from "vitest";
import { redactDeep, secretsOf } from "../../src/redact.js";
import { InteractionTracker } from "../../src/verify/tracker.js";
import { parseVerifierOutput } from "../../src/verify/verifier-output.js";
import { buildReport } from "../../src/report/model.js";
import { toJUnitXml } from "../../src/report/junit.js";
import { endToEndHeaders } from "../../src/proxy/forward.js";
import type { ProxiedExchange } from "../../src/proxy/proxied-exchange.js";

/** The shape Pact JS 16's Verifier rejects with (as the Error's message), trimmed. */
const PACT_JSON = JSON.stringify({
  result: false,
  errors: [
    { interaction: "Verifying a pact between web and shop Given p exists - a request for a product", mismatch: { interactionId: "", type: "mismatches", mismatches: [{ type: "BodyMismatch", path: "$.name", expected: '"x"', actual: "5", mismatch: "Expected 5 (Integer) to be the same type as 'x' (String)" }] } },
    { interaction: "Verifying a pact between web and shop - list", mismatch: { type: "mismatches", mismatches: [{ type: "StatusMismatch", expected: 200, actual: 201, mismatch: "expected 200 but was 201" }] } },
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
    expect(out.interactions.map((i) => [i.description, i.ok, i.durationMs])).toEqual([["a request for a product", false, 188], ["ok one", true, 1500], ["list", false, 27]]);
    expect(out.interactions[0]!.findings).toEqual([{ source: "pact", level: "error", type: "BodyMismatch", path: "$.name", expected: '"x"', actual: "5", message: "Expected 5 (Integer) to be the same type as 'x' (String)" }]);
    expect(out.interactions[2]!.findings[0]).toMatchObject({ type: "StatusMismatch", expected: "200", actual: "201" });
    expect(out.unattributed).toEqual([]);
    expect(out.output).toEqual(["web"]);
  });

  it("is undefined for text that is not Pact's JSON (so the caller reports a set-up error)", () => {
    expect(parseVerifierOutput("Verification was unable to run")).toBeUndefined();
    expect(parseVerifierOutput("{}")).toBeUndefined();
  });
});

describe("the interaction tracker", () => {
  const exchange = (url: string): ProxiedExchange => ({ method: "GET", url, status: 200, source: "upstream", violations: [], durationMs: 0 });

  it("starts an interaction at each first setup, so several states make one interaction", () => {
    const t = new InteractionTracker();
    t.stateChange("setup");
    t.stateChange("setup");
    t.exchange(exchange("/a"));
    t.stateChange("teardown");
    t.stateChange("teardown");
    t.stateChange("setup");
    t.exchange(exchange("/b"));
    t.stateChange("teardown");
    expect(t.records.map((r) => r.exchanges.map((e) => e.url))).toEqual([["/a"], ["/b"]]);
  });
});

describe("redaction", () => {
  it("removes the broker token and secret header values, whole and the credential alone", () => {
    const secrets = secretsOf("brokertoken", { Authorization: "Bearer abc123", "X-Tenant": "acme" });
    expect(redactDeep({ a: ["Bearer abc123", "token abc123", "brokertoken", "acme"] }, secrets)).toEqual({ a: ["[redacted]", "token [redacted]", "[redacted]", "acme"] });
  });
});

describe("JUnit XML", () => {
  it("escapes names and messages, and writes control characters (which XML cannot carry) out as \\uXXXX", () => {
    const report = buildReport("t", [{ name: 'a <b> & "c"', properties: {}, cases: [{ name: "x\u0001y", status: "failed", findings: [{ source: "pact", level: "error", message: "<&>" }] }] }], 10);
    const xml = toJUnitXml(report);
    expect(xml).toContain('<testsuite name="a &lt;b&gt; &amp; &quot;c&quot;" tests="1" failures="1"');
    expect(xml).toContain('name="x\\u0001y"');
    expect(xml).toContain("pact: &lt;&amp;&gt;</failure>");
  });
});

describe("forwarded headers", () => {
  it("drops hop-by-hop headers and those the Connection header names", () => {
    expect(endToEndHeaders({ connection: "close, x-private", "keep-alive": "5", "x-private": "1", "transfer-encoding": "chunked", accept: "*/*" })).toEqual({ accept: "*/*" });
  });
});
