import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../support/mock-server.js";
import { skipWithoutBrowser, useBrowser } from "./support/browser.js";

const TOKEN = "console-s3cret";

/**
 * With --admin-token the console's page loads without it (it holds no data), reads the token from
 * its URL's fragment, and sends it with every admin call: reading the journal and changing state.
 */
describe.skipIf(skipWithoutBrowser())("the web console of a mock with --admin-token, in Chromium", () => {
  const browser = useBrowser();
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ contracts: ["contracts/shop.yaml"], adminToken: TOKEN });
  });
  afterAll(async () => mock?.close());

  it("reads the journal and clears it with the token of its #fragment", async () => {
    const { page } = browser;
    await page.goto(`${mock.url}/__mockpact/#token=${TOKEN}`);
    expect((await fetch(`${mock.url}/shop/products/p-100`)).status).toBe(200);
    await page.locator('.entry[data-url="/shop/products/p-100"]').waitFor();
    await page.locator("#clear-journal").click();
    await page.locator(".journal .empty").waitFor();
    const journal = (await (
      await fetch(`${mock.url}/__mockpact/requests`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { total: number };
    expect(journal.total).toBe(0);
  });

  it("is refused the journal without the token, from the page's own origin too", async () => {
    const { page } = browser;
    await page.goto(`${mock.url}/__mockpact/`);
    expect(await page.evaluate(async () => (await fetch("requests")).status)).toBe(401);
    expect(
      await page.evaluate(
        async () => (await fetch("reset", { method: "POST", headers: { "content-type": "application/json" } })).status,
      ),
    ).toBe(401);
  });
});
