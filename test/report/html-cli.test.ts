import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-html-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The web consumer's pact, with getProduct's price expected as a string: the contract says number. */
function brokenPact(): string {
  const pact = JSON.parse(readFileSync("fixtures/pacts/shop-web-shop-api.json", "utf8"));
  const interaction = pact.interactions.find((i: any) => i.description === "a request for product p-100");
  interaction.response.body.content.price = "9.99";
  const file = path.join(dir, "broken-web.json");
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

describe("mockpact compat --html", () => {
  it("writes the same result as --json as one page, the failing interaction marked with its findings", async () => {
    const html = path.join(dir, "compat.html");
    const json = path.join(dir, "compat.json");
    const run = await runCliInProcess([
      "compat",
      "--pact",
      brokenPact(),
      "--contract",
      "contracts/shop.yaml",
      "--html",
      html,
      "--json",
      json,
    ]);
    expect(run.code).toBe(1);
    const page = readFileSync(html, "utf8");
    const embedded = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)![1]!);
    expect(embedded).toEqual(JSON.parse(readFileSync(json, "utf8")));
    const failing = embedded.suites.flatMap((s: any) => s.cases).filter((c: any) => c.status === "failed");
    expect(failing.map((c: any) => c.name)).toContain("a request for product p-100");
    expect(page).toMatch(
      /<li class="case failed" data-status="failed">\s*<div class="case-head">[^\n]*a request for product p-100/,
    );
    for (const finding of failing[0].findings) if (finding.rule) expect(page).toContain(finding.rule);
  });
});
