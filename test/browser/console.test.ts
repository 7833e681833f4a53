import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../support/mock-server.js";
import { saveDocScreenshot, skipWithoutBrowser, useBrowser } from "./support/browser.js";

/** The journal must show a request within this (the promise to users). */
const LIVE_MS = 2_000;

describe.skipIf(skipWithoutBrowser())("the web console of a running mock, in Chromium", () => {
  const browser = useBrowser();
  let mock: RunningMock;
  const admin = (path: string) => `${mock.url}/__mockpact/${path}`;

  beforeAll(async () => {
    // The sample contracts with mocks/ beside them (scenario order-7), and the stateful store on.
    mock = await startMock({ contracts: ["contracts"], stateful: true });
  });
  afterAll(async () => mock?.close());
  // Each test starts from an empty journal and the start state, through the admin API the console reads.
  beforeEach(async () => {
    expect((await fetch(admin("reset"), { method: "POST", headers: { "content-type": "application/json" } })).ok).toBe(
      true,
    );
    expect(
      (await fetch(admin("requests"), { method: "DELETE", headers: { "content-type": "application/json" } })).ok,
    ).toBe(true);
  });

  async function openConsole() {
    const { page } = browser;
    await page.goto(admin(""));
    await page.locator("#live.on").waitFor();
    return page;
  }

  it("lists every operation of the sample contracts, with method, path, summary and which responses have examples", async () => {
    const page = await openConsole();
    const operations = mock.server.mock.contracts.flatMap((c) => c.operations);
    await expect.poll(() => page.locator("[data-operation]").count()).toBe(operations.length);
    for (const contract of mock.server.mock.contracts)
      await page.locator(`[data-contract="${contract.id}"] h3`, { hasText: contract.title }).waitFor();
    const listProducts = page.locator('[data-operation="listProducts"] summary');
    expect(await listProducts.innerText()).toMatch(/GET\s+\/shop\/products\s+List products/);
    expect(await listProducts.locator(".chip.example").allInnerTexts()).toContain("200 ★");
  });

  it("shows a request sent from outside in the journal within 2 s, with its status", async () => {
    const page = await openConsole();
    expect((await fetch(`${mock.url}/shop/products?limit=2`)).status).toBe(200);
    const entry = page.locator('.entry[data-url="/shop/products?limit=2"]');
    await entry.waitFor({ timeout: LIVE_MS });
    expect(await entry.locator(".status").innerText()).toBe("200");
    expect(await entry.innerText()).toContain("listProducts");
  });

  it("shows the findings of an invalid request next to it", async () => {
    const page = await openConsole();
    expect((await fetch(`${mock.url}/shop/products?limit=abc&category=food`)).status).toBe(400);
    const entry = page.locator('.entry[data-url="/shop/products?limit=abc&category=food"]');
    await entry.waitFor({ timeout: LIVE_MS });
    expect(await entry.locator(".status").innerText()).toBe("400");
    const findings = await entry.locator(".finding").allInnerTexts();
    expect(findings).toEqual(
      expect.arrayContaining([expect.stringMatching(/query\s+limit/), expect.stringMatching(/query\s+category/)]),
    );
  });

  it("try it sends a request built from the contract and shows the response", async () => {
    const page = await openConsole();
    const operation = page.locator('[data-operation="createProduct"]');
    await operation.locator("summary").click();
    await operation.locator(".send").click();
    await operation.locator(".response-head .status", { hasText: "201" }).waitFor();
    expect(await operation.locator(".response-body").innerText()).toContain('"name": "Steel widget"');
    // The console's own request is journalled like any other.
    await page.locator('.entry[data-url="/shop/products"] .status', { hasText: "201" }).waitFor({ timeout: LIVE_MS });
  });

  it("clears the journal with its button", async () => {
    const page = await openConsole();
    await Promise.all(["/shop/products", "/shop/products/p-100"].map((path) => fetch(`${mock.url}${path}`)));
    await expect.poll(() => page.locator(".entry").count(), { timeout: LIVE_MS }).toBe(2);
    await page.locator("#clear-journal").click();
    await page.locator(".journal .empty").waitFor();
    expect(await page.locator(".entry").count()).toBe(0);
    expect(await page.locator("#journal-count").innerText()).toBe("0 request(s)");
  });

  it("shows scenario states and the stateful store, moves a scenario and resets both", async () => {
    const page = await openConsole();
    const product = { name: "Console widget", price: 5, currency: "EUR", category: "tools", tags: [] };
    expect(
      (
        await fetch(`${mock.url}/shop/products`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": "k" },
          body: JSON.stringify(product),
        })
      ).status,
    ).toBe(201);
    expect(
      (await fetch(`${mock.url}/shop/orders/7`, { method: "DELETE", headers: { authorization: "Bearer t" } })).status,
    ).toBe(204);
    await page.locator("#refresh-state").click();
    const scenario = page.locator('[data-scenario="order-7"] select');
    await expect.poll(() => scenario.inputValue()).toBe("cancelled");
    await page.locator(".resource", { hasText: "Console widget" }).waitFor();
    await scenario.selectOption("Started");
    await expect
      .poll(async () => ((await (await fetch(admin("state"))).json()) as { scenarios: unknown[] }).scenarios)
      .toContainEqual(expect.objectContaining({ name: "order-7", state: "Started" }));
    await page.locator("#reset-all").click();
    await page.locator(".resource", { hasText: "Console widget" }).waitFor({ state: "detached" });
  });

  it("makes the README's screenshot: requests valid and invalid, and a try-it answer", async () => {
    const page = await openConsole();
    await fetch(`${mock.url}/shop/products?limit=2`);
    await fetch(`${mock.url}/shop/products?limit=abc&category=food`);
    await fetch(`${mock.url}/shop/products`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "k" },
      body: JSON.stringify({ name: 7, currency: "EUR" }),
    });
    await fetch(`${mock.url}/shop/orders/1001`, { headers: { authorization: "Bearer t" } });
    await fetch(`${mock.url}/shop/orders/1001`);
    const operation = page.locator('[data-operation="createProduct"]');
    await operation.locator("summary").click();
    await operation.locator(".send").click();
    await operation.locator(".response-head .status", { hasText: "201" }).waitFor();
    await expect.poll(() => page.locator(".entry").count(), { timeout: LIVE_MS }).toBe(6);
    await page.locator("#refresh-state").click();
    await page.locator(".resource", { hasText: "1 item(s)" }).waitFor();
    // The journal panel is sticky: scrolled to the try-it form, the shot shows both.
    await page
      .locator('[data-contract="shop.yaml"] h3')
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await saveDocScreenshot(page, "console.png");
  });
});
