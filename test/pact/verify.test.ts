import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startExampleProvider, type Misbehaviour, type RunningProvider } from "../support/example-provider.js";
import { runCliInProcess as runCli } from "../support/in-process-cli.js";

const TOKEN = "test-token";
const dir = mkdtempSync(path.join(tmpdir(), "mockpact-verify-"));
const pacts = (name: string) => path.resolve("fixtures/pacts", `${name}-shop-api.json`);
let provider: RunningProvider | undefined;

afterEach(async () => provider?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(misbehave: Misbehaviour | undefined, pactArgs: string[]) {
  provider = await startExampleProvider({ misbehave, token: TOKEN });
  const junit = path.join(dir, `${misbehave ?? "clean"}.xml`);
  const json = path.join(dir, `${misbehave ?? "clean"}.json`);
  const run = await runCli([
    "verify",
    "--provider-base-url",
    provider.url,
    ...pactArgs,
    "--contract",
    "contracts/shop.yaml",
    "--states-url",
    `${provider.url}/_pact/states`,
    "--header",
    `Authorization: Bearer ${TOKEN}`,
    "--junit",
    junit,
    "--json",
    json,
  ]);
  return { ...run, junit: readFileSync(junit, "utf8"), json: JSON.parse(readFileSync(json, "utf8")) as any };
}

/** The one failing case of a run, and where (suite) it was. */
function failing(result: any): Array<{ suite: string; name: string; findings: any[] }> {
  return result.suites.flatMap((s: any) =>
    s.cases
      .filter((c: any) => c.status === "failed")
      .map((c: any) => ({ suite: s.properties.consumer, name: c.name, findings: c.findings })),
  );
}

describe("mockpact verify against the example provider", () => {
  it("verifies the V2, V3 and V4 example pacts clean: exit 0, every interaction passed", async () => {
    const run = await verify(undefined, ["--pact", "fixtures/pacts"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json.summary).toMatchObject({ suites: 3, cases: 11, passed: 11, failed: 0 });
    expect(run.json.suites.map((s: any) => s.properties["pact spec"]).sort()).toEqual(["2.0.0", "3.0.0", "4.0"]);
    expect(run.stdout).toContain("✓ a request for order 1001");
    expect(run.stdout).toMatch(/11 interaction\(s\) in 3 pact\(s\): 11 passed, 0 failed/);
    expect(run.junit).toContain('<testsuite name="shop-web -&gt; shop-api" tests="6" failures="0"');
    expect(run.json.proxyOverheadMs).toHaveLength(11);
  });

  it("reports Pact's mismatch when the provider returns a wrong type: exit 1", async () => {
    const run = await verify("wrong-type", ["--pact", pacts("shop-web")]);
    expect(run.code).toBe(1);
    const [only, ...rest] = failing(run.json);
    expect(rest).toEqual([]);
    expect(only?.name).toBe("a request for product p-100");
    expect(only?.findings).toContainEqual(
      expect.objectContaining({ source: "pact", type: "BodyMismatch", path: "$.price", actual: '"9.99"' }),
    );
    expect(run.stdout).toMatch(
      /✗ a request for product p-100[^\n]*\n\s+pact BodyMismatch \$\.price: expected 9\.99, actual "9\.99"/,
    );
  });

  it("reports the failed interaction's provider state and the response the provider gave, in the console, JSON and JUnit", async () => {
    const run = await verify("wrong-type", ["--pact", pacts("shop-web")]);
    const failed = run.json.suites[0].cases.find((c: any) => c.status === "failed");
    expect(failed).toMatchObject({
      name: "a request for product p-100",
      states: ["product p-100 exists"],
      response: { status: 200, truncated: false },
    });
    expect(failed.response.body).toContain('"price":"9.99"');
    expect(failed.response.headers["content-type"]).toMatch(/^application\/json/);
    expect(run.stdout).toMatch(
      /schema response\.body type[^\n]*\n\s+given "product p-100 exists"\n\s+response 200 application\/json[^:]*: \{"id":"p-100"/,
    );
    expect(run.junit).toMatch(/<system-out>given "product p-100 exists"\nresponse 200/);
    expect(
      run.json.suites[0].cases.filter((c: any) => c.status === "passed").every((c: any) => c.response === undefined),
    ).toBe(true);
  });

  const contractOnly: Array<[Misbehaviour, string, Record<string, unknown>]> = [
    [
      "extra-property",
      "a request to create a product priced above the limit",
      { in: "response.body", type: "additionalProperties", path: "/requestId", operationId: "createProduct" },
    ],
    [
      "enum-outside",
      "a request for order 1001",
      { in: "response.body", type: "enum", path: "/status", operationId: "getOrder" },
    ],
    [
      "undocumented-status",
      "a request to place an order",
      { in: "response.status", type: "status", operationId: "createOrder" },
    ],
  ];
  it.each(contractOnly)(
    "fails on %s although the pact passes: the schema violation is on the right interaction, in JUnit too",
    async (misbehave, interaction, violation) => {
      const run = await verify(misbehave, ["--pact", pacts("shop-web")]);
      expect(run.code).toBe(1);
      const [only, ...rest] = failing(run.json);
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ suite: "shop-web", name: interaction });
      expect(only?.findings.map((f) => f.source)).toEqual(["schema"]);
      expect(only?.findings[0]).toMatchObject({ source: "schema", ...violation });
      const testcase = new RegExp(
        `<testcase classname="shop-web -&gt; shop-api" name="${interaction}"[^>]*>\\s*<failure message="1 schema violation\\(s\\)" type="schema">schema ${violation.in} ${violation.type}`,
      );
      expect(run.junit).toMatch(testcase);
      expect(run.junit.match(/<failure /g)).toHaveLength(1);
    },
  );

  it("shows Pact's own text only with --verbose, on standard error, without colours when it is not a terminal", async () => {
    const quiet = await verify("wrong-type", ["--pact", pacts("shop-web")]);
    expect(quiet.stdout + quiet.stderr).not.toContain("Verifying a pact between");
    await provider?.close();
    const loud = await verify("wrong-type", ["--pact", pacts("shop-web"), "--verbose"]);
    expect(loud.stderr).toContain("Verifying a pact between shop-web and shop-api");
    expect(loud.stderr).toContain("There were 1 pact failures");
    expect(loud.stderr).not.toContain("\u001b[");
    expect(loud.stdout).not.toContain("Verifying a pact between");
  });

  it("never shows the Authorization value, in the console, the JUnit file or the JSON file", async () => {
    const run = await verify("wrong-type", ["--pact", pacts("shop-web")]);
    for (const text of [run.stdout, run.stderr, run.junit, JSON.stringify(run.json)]) expect(text).not.toContain(TOKEN);
    expect(run.json.headers).toEqual({ Authorization: "[redacted]" });
  });
});
