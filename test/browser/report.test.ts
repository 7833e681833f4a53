import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExampleProvider, type RunningProvider } from "../support/example-provider.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { saveDocScreenshot, skipWithoutBrowser, useBrowser } from "./support/browser.js";

const TOKEN = "test-token";

describe.skipIf(skipWithoutBrowser())("the HTML report of mockpact verify, in Chromium", () => {
  const browser = useBrowser();
  let dir: string;
  let file: string;
  let provider: RunningProvider;
  let exitCode: number;

  // One failing run for the whole file: the provider answers getProduct's price as a string.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "mockpact-html-"));
    file = path.join(dir, "report.html");
    provider = await startExampleProvider({ misbehave: "wrong-type", token: TOKEN });
    const run = await runCliInProcess([
      "verify",
      "--provider-base-url",
      provider.url,
      "--pact",
      "fixtures/pacts",
      "--contract",
      "contracts/shop.yaml",
      "--states-url",
      `${provider.url}/_pact/states`,
      "--header",
      `Authorization: Bearer ${TOKEN}`,
      "--html",
      file,
    ]);
    exitCode = run.code;
  }, 120_000);
  afterAll(async () => {
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is one self-contained file: no external scripts, styles or images", () => {
    expect(exitCode).toBe(1);
    const html = readFileSync(file, "utf8");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toContain(TOKEN);
  });

  it("shows the failing interaction with its findings, and hides passing ones under the failures filter", async () => {
    const { page } = browser;
    await page.goto(pathToFileURL(file).href);
    await expect.poll(() => page.locator("h1 .verdict").textContent()).toBe("FAILED");
    const failing = page.locator('.case[data-status="failed"]', { hasText: "a request for product p-100" }).first();
    await failing.waitFor({ state: "visible" });
    const finding = failing.locator(".finding", { hasText: "$.price" }).first();
    await finding.waitFor({ state: "visible" });
    expect(await finding.textContent()).toMatch(/pact[\s\S]*BodyMismatch[\s\S]*expected\s*9\.99\s*actual\s*"9\.99"/);
    // The filter starts on for a failing run: passing interactions are in the page but hidden.
    expect(await page.locator("#failures-only").isChecked()).toBe(true);
    await page.locator('.case[data-status="passed"]').first().waitFor({ state: "hidden" });
    await saveDocScreenshot(page, "report.png");
    await page.locator("#failures-only").uncheck();
    await page.locator('.case[data-status="passed"]').first().waitFor({ state: "visible" });
    expect(await page.locator("#shown-count").textContent()).toMatch(/showing all \d+ interactions/);
  });
});
