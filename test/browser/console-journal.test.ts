/**
 * The console's journal rows and live State panel, in Chromium: a row opens to the request and the
 * response, a 401 names the missing credential, filters narrow the rows, "copy as curl" gives the
 * request back, and a stateful request or a scenario move shows in the State panel with no reload.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../support/mock-server.js";
import { saveDocScreenshot, skipWithoutBrowser, useBrowser } from "./support/browser.js";

/** The journal's poll is 0.75 s: a change must show within this. */
const LIVE_MS = 2_000;
const JSON_TYPE = { "content-type": "application/json" };

describe.skipIf(skipWithoutBrowser())("the console's journal rows and live state, in Chromium", () => {
  const browser = useBrowser();
  let mock: RunningMock;
  const admin = (path: string) => `${mock.url}/__mockpact/${path}`;

  beforeAll(async () => {
    mock = await startMock({ contracts: ["contracts/shop.yaml", "test/contracts/tasks.yaml"], stateful: true });
  });
  afterAll(async () => mock?.close());
  beforeEach(async () => {
    for (const [method, path] of [
      ["POST", "reset"],
      ["DELETE", "requests"],
      ["DELETE", "mocks"],
    ] as const) {
      expect((await fetch(admin(path), { method, headers: JSON_TYPE })).ok).toBe(true);
    }
  });

  async function openConsole() {
    const { page } = browser;
    await page.goto(admin(""));
    await page.locator("#live.on").waitFor();
    return page;
  }

  it("opens a row on click or Enter to the request and the response, body included", async () => {
    const page = await openConsole();
    await fetch(`${mock.url}/api/tasks`, {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify({ title: "Write the docs", tags: ["docs"] }),
    });
    const answer = await (await fetch(`${mock.url}/api/tasks/1`)).json();
    await fetch(`${mock.url}/shop/products?limit=2`);
    const row = page.locator('.entry[data-url="/api/tasks/1"]');
    await row.locator(".entry-head").click({ timeout: LIVE_MS });
    const body = row.locator(".response-body");
    expect(JSON.parse(await body.innerText())).toEqual(answer);
    expect(await row.locator(".response-part .headers").innerText()).toMatch(/^content-type: application\/json$/m);
    expect(await row.locator(".request-line").innerText()).toBe("GET /api/tasks/1");
    const other = page.locator('.entry[data-url="/shop/products?limit=2"] .entry-head');
    await other.focus();
    await page.keyboard.press("Enter");
    await page.locator('.entry[data-url="/shop/products?limit=2"] .response-body').waitFor();
    await fetch(`${mock.url}/shop/products/p-2`); // a new request redraws the journal: opened rows stay open
    await page.locator('.entry[data-url="/shop/products/p-2"]').waitFor({ timeout: LIVE_MS });
    expect(await body.isVisible()).toBe(true);
    await saveDocScreenshot(page, "console-journal-row.png");
  });

  it("shows which credential a 401 was missing", async () => {
    const page = await openConsole();
    expect((await fetch(`${mock.url}/shop/products`, { method: "POST", headers: JSON_TYPE, body: "{}" })).status).toBe(
      401,
    );
    const finding = page.locator('.entry[data-status="401"] .finding');
    await finding.waitFor({ timeout: LIVE_MS });
    expect(await finding.innerText()).toMatch(
      /header\s+X-API-Key\s+security\s+missing credential of security scheme "apiKey": header X-API-Key/,
    );
  });

  it("filters the rows by status class, exact status, operation and source", async () => {
    const page = await openConsole();
    await fetch(`${mock.url}/shop/products?limit=1`); // the stateful store answers the list
    await fetch(`${mock.url}/shop/nowhere`);
    await fetch(`${mock.url}/shop/orders`);
    await fetch(`${mock.url}/api/tasks`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ title: "t" }) });
    await expect.poll(() => page.locator(".entry").count(), { timeout: LIVE_MS }).toBe(4);
    const statuses = () => page.locator(".entry").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
    const FILTERS: Array<[string, string, string[]]> = [
      ["#filter-status", "4xx", ["401", "404"]],
      ["#filter-status", "404", ["404"]],
      ["#filter-status", "", ["201", "401", "404", "200"]],
      ["#filter-source", "state", ["201", "200"]],
      ["#filter-source", "rejected", ["401", "404"]],
      ["#filter-source", "", ["201", "401", "404", "200"]],
      ["#filter-operation", "createTask", ["201"]],
    ];
    for (const [filter, value, shown] of FILTERS) {
      if (filter === "#filter-status") await page.fill(filter, value);
      else await page.selectOption(filter, value);
      await expect.poll(statuses, { message: `${filter} ${value}` }).toEqual(shown);
    }
  });

  it("copies a row as a curl command that sends the request again, credentials redacted", async () => {
    const page = await openConsole();
    await fetch(`${mock.url}/shop/products?limit=1`, { headers: { "x-api-key": "s3cret", "x-note": "it's" } });
    await page.locator(".entry .entry-head").click({ timeout: LIVE_MS });
    const button = page.locator(".copy-curl");
    const curl = await button.getAttribute("data-curl");
    expect(curl).toMatch(new RegExp(`^curl '${mock.url}/shop/products\\?limit=1'`));
    expect(curl).toContain("-H 'x-api-key: [redacted]'");
    expect(curl).toContain(`-H 'x-note: it'\\''s'`);
    expect(curl).not.toContain("s3cret");
    expect(curl).not.toContain("-X");
    expect(await button.getAttribute("title")).toMatch(/redacted/);
    await fetch(`${mock.url}/api/tasks`, {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify({ title: "a 'quoted' title" }),
    });
    const post = page.locator('.entry[data-status="201"]');
    await post.locator(".entry-head").click({ timeout: LIVE_MS });
    const postCurl = (await post.locator(".copy-curl").getAttribute("data-curl"))!;
    expect(postCurl).toMatch(new RegExp(`^curl -X POST '${mock.url}/api/tasks' `));
    expect(postCurl).toContain("-H 'content-type: application/json'");
    expect(postCurl).not.toMatch(/-H '(host|content-length|connection):/i);
    expect(postCurl.endsWith(` --data-raw '{"title":"a '\\''quoted'\\'' title"}'`)).toBe(true);
  });

  it("updates the State panel with no reload after a stateful POST, a runtime override and a scenario move", async () => {
    const page = await openConsole();
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    expect(
      (
        await fetch(`${mock.url}/api/tasks`, {
          method: "POST",
          headers: JSON_TYPE,
          body: JSON.stringify({ title: "Live task" }),
        })
      ).status,
    ).toBe(201);
    await page
      .locator('#state [data-collection="/tasks"] .store', { hasText: "Live task" })
      .waitFor({ timeout: LIVE_MS });
    const entry = {
      operation: "getTask",
      name: "task gone",
      scenario: { name: "cleanup", "when-state": "done" },
      respond: { status: 404 },
    };
    expect(
      (await fetch(admin("mocks"), { method: "POST", headers: JSON_TYPE, body: JSON.stringify(entry) })).status,
    ).toBe(201);
    await page.locator('#state [data-override="runtime:1"][data-source="runtime"]').waitFor({ timeout: LIVE_MS });
    expect(
      (
        await fetch(admin("scenarios/cleanup"), {
          method: "PUT",
          headers: JSON_TYPE,
          body: JSON.stringify({ state: "done" }),
        })
      ).ok,
    ).toBe(true);
    await expect
      .poll(() => page.locator('[data-scenario="cleanup"] select').inputValue(), { timeout: LIVE_MS })
      .toBe("done");
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.locator("#state").scrollIntoViewIfNeeded();
    await saveDocScreenshot(page, "console-live-state.png");
  });
});
