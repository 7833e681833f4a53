import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCompat, compatFindings } from "../../src/compat/index.js";
import { runCliInProcess } from "../support/in-process-cli.js";

const SHOP = "contracts/shop.yaml";
const WEB = "fixtures/pacts/shop-web-shop-api.json";
const dir = mkdtempSync(path.join(tmpdir(), "mockpact-compat-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Pact = { interactions: Array<Record<string, any>> };

/** A copy of the web shop's (V4) pact with one interaction changed. */
function variant(name: string, change: (interactions: Pact["interactions"]) => void): string {
  const pact = JSON.parse(readFileSync(WEB, "utf8")) as Pact;
  change(pact.interactions);
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const byDescription = (list: Pact["interactions"], description: string) =>
  list.find((i) => i.description === description)!;

describe("the example pacts against the example contract", () => {
  it("pass: exit 0, every interaction of the three pacts (V2, V3, V4) checked", async () => {
    const run = await runCliInProcess(["compat", "--pact", "fixtures/pacts", "--contract", SHOP]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/11 interaction\(s\) in 3 pact\(s\): 11 passed, 0 failed \(0 incompatibilities/);
  });

  const broken: Array<[string, (list: Pact["interactions"]) => void, string[]]> = [
    [
      "a price as a string",
      (l) => (byDescription(l, "a request for product p-100").response.body.content.price = "9.99"),
      ["response.body.incompatible"],
    ],
    [
      "an undocumented status",
      (l) => (byDescription(l, "a request for order 1001").response.status = 202),
      ["response.status.unknown"],
    ],
    [
      "a path the contract lacks",
      (l) => (byDescription(l, "a request for the product catalogue").request.path = "/shop/catalogue"),
      ["request.path.unknown"],
    ],
    [
      "an order without credentials",
      (l) => delete byDescription(l, "a request to place an order").request.headers.Authorization,
      ["request.authorization.missing"],
    ],
    [
      "an order of zero widgets",
      (l) => (byDescription(l, "a request to place an order").request.body.content.items[0].quantity = 0),
      ["request.body.incompatible"],
    ],
    [
      "a problem as HTML",
      (l) =>
        (byDescription(l, "a request for a product that does not exist").response.headers["Content-Type"] = [
          "text/html",
        ]),
      ["response.content-type.incompatible"],
    ],
    [
      "an order with its payment token",
      (l) => (byDescription(l, "a request for order 1001").response.body.content.paymentToken = "tok"),
      ["response.body.property.forbidden"],
    ],
  ];

  it.each(broken)("fail on %s, with the expected rule codes", async (_name, change, rules) => {
    const file = variant(_name.replace(/\W+/g, "-"), change);
    const result = await checkCompat({ pacts: [file], contracts: [SHOP] });
    expect(result.ok).toBe(false);
    expect([...new Set(compatFindings(result).map((f) => f.rule))].sort()).toEqual(rules);
  });

  it("exits 1 on a broken variant and names the rule, the operation and the contract line", async () => {
    const file = variant(
      "string-price",
      (l) => (byDescription(l, "a request for product p-100").response.body.content.price = "9.99"),
    );
    const run = await runCliInProcess(["compat", "--pact", file, "--contract", SHOP]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /error response\.body\.incompatible: \/price must be number \(getProduct, contracts\/shop\.yaml:\d+\)/,
    );
  });

  it("--fail-on warning fails on a warning alone", async () => {
    const file = variant(
      "tags",
      (l) => (byDescription(l, "a request for product p-100").response.body.content.tags = ["metal"]),
    );
    const lenient = await runCliInProcess(["compat", "--pact", file, "--contract", SHOP]);
    const strict = await runCliInProcess(["compat", "--pact", file, "--contract", SHOP, "--fail-on", "warning"]);
    expect([lenient.code, strict.code]).toEqual([0, 1]);
    expect(strict.stdout).toContain("warning response.body.property.optional: /tags");
  });

  it("writes --junit and --json through the shared reporters", async () => {
    const file = variant("for-reports", (l) => (byDescription(l, "a request for order 1001").response.status = 202));
    const junit = path.join(dir, "compat.xml");
    const json = path.join(dir, "compat.json");
    const run = await runCliInProcess(["compat", "--pact", file, "--contract", SHOP, "--junit", junit, "--json", json]);
    expect(run.code).toBe(1);
    expect(readFileSync(junit, "utf8")).toMatch(
      /<failure message="1 incompatibilit\(ies\)" type="compat">error response\.status\.unknown/,
    );
    const report = JSON.parse(readFileSync(json, "utf8"));
    const finding = report.suites[0].cases.find((c: { name: string }) => c.name === "a request for order 1001")
      .findings[0];
    expect(finding).toMatchObject({
      source: "compat",
      level: "error",
      rule: "response.status.unknown",
      pactPointer: "/interactions/1/response/status",
    });
    expect(finding.contractPlace).toMatchObject({ file: SHOP, pointer: "#/paths/~1orders~1{orderId}/get/responses" });
    expect(finding.contractPlace.line).toBeGreaterThan(0);
    expect(report).toMatchObject({ kind: "compat", errors: 1, warnings: 0, ok: false });
  });
});
