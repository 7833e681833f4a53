import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../src/server/listen.js";
import { skipWithoutBrowser, useBrowser } from "../browser/support/browser.js";
import { runCli } from "../support/cli.js";
import { startMock, type RunningMock } from "../support/mock-server.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const PAGE = fileURLToPath(new URL("./browser/page.js", import.meta.url));
const bearer = { authorization: "Bearer t" };
const json = { "content-type": "application/json" };
const order = JSON.stringify({
  items: [{ productId: "p-100", quantity: 2 }],
  paymentToken: "tok-1",
  shippingAddress: { name: "Ada", line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
});

/** Files of the page's folder, served from 127.0.0.1 (a service worker needs a secure context: localhost is one). */
async function serveFolder(folder: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json" };
  const server = createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? "/", "http://x").pathname) || "index.html";
    readFile(path.join(folder, name)).then(
      (body) =>
        res.writeHead(200, { "content-type": types[path.extname(name)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return { server, url: await listen(server, 0, "127.0.0.1") };
}

/** The test page bundled for the browser from mockpact's built package, as an app's bundler would; its inputs. */
async function bundlePage(folder: string): Promise<Metafile> {
  // `mockpact` resolves to this repository through a node_modules of the temp folder, so its package.json's
  // `exports` (the `browser` condition) and `browser` field apply as they do for a user's app.
  await mkdir(path.join(folder, "node_modules"));
  await symlink(REPO, path.join(folder, "node_modules", "mockpact"), "dir");
  const result = await build({
    entryPoints: [PAGE],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: path.join(folder, "page.js"),
    nodePaths: [path.join(folder, "node_modules")],
    metafile: true,
    logLevel: "silent",
  });
  return result.metafile;
}

describe.skipIf(skipWithoutBrowser())(
  "the MSW handlers in Chromium, from a bundle, through MSW's service worker",
  () => {
    const browser = useBrowser();
    let site: { server: Server; url: string };
    let mock: RunningMock;
    let inputs: string[];
    let folder: string;

    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), "mockpact-msw-page-"));
      const bundled = await runCli(["bundle", "contracts", "--out", path.join(folder, "mockpact.json")]);
      expect(bundled.code, bundled.stderr).toBe(0);
      await copyFile(
        createRequire(import.meta.url).resolve("msw/mockServiceWorker.js"),
        path.join(folder, "mockServiceWorker.js"),
      );
      await writeFile(
        path.join(folder, "index.html"),
        '<!doctype html><title>mockpact msw</title><script type="module" src="/page.js"></script>',
      );
      inputs = Object.keys((await bundlePage(folder)).inputs);
      site = await serveFolder(folder);
      mock = await startMock({ contracts: ["contracts"], seed: 7, stateful: true });
    }, 60_000);
    afterAll(async () => {
      await mock?.close();
      await new Promise((resolve) => site?.server.close(resolve));
      // The link to the repository goes first, so that removing the folder cannot reach through it.
      await unlink(path.join(folder, "node_modules", "mockpact")).catch(() => {});
      await rm(folder, { recursive: true, force: true });
    });

    async function openPage() {
      const { page } = browser;
      await page.goto(`${site.url}/index.html`);
      await page.locator("body[data-ready=true]").waitFor({ state: "attached" });
      return page;
    }

    it("is bundled from mockpact's browser build, with no Node built-in", () => {
      expect(inputs.some((file) => file.includes("dist/msw/browser.js"))).toBe(true);
      expect(inputs.some((file) => file.includes("dist/vendor/find-my-way.js"))).toBe(true);
      expect(inputs.filter((file) => /(^|\/)(node:|budgeted-regex\.js|default-mocks\.js)/.test(file))).toEqual([]);
    });

    it("answers the page's fetches as mockpact mock answers them: an example, a seeded fake, a 400, a stateful create-then-list", async () => {
      const page = await openPage();
      const calls: Array<{ url: string; method?: string; headers?: Record<string, string>; body?: string }> = [
        // With --stateful, a Prefer header asks for the contract's answer instead of the store's.
        { url: "http://127.0.0.1:4010/shop/products/p-100", headers: { prefer: "code=200" } },
        { url: "http://127.0.0.1:4010/shop/products/p-100", headers: { prefer: "dynamic=true" } },
        { url: "http://127.0.0.1:4010/shop/products?limit=abc" },
        { url: "/catalog/pets?limit=2", headers: { prefer: "dynamic=true" } },
        { url: "http://127.0.0.1:4010/shop/orders", headers: bearer },
        { url: "http://127.0.0.1:4010/shop/orders", method: "POST", headers: { ...bearer, ...json }, body: order },
        { url: "http://127.0.0.1:4010/shop/orders", headers: bearer },
      ];
      const inPage = (await page.evaluate(
        (c) => (globalThis as unknown as { sendAll(c: unknown): Promise<unknown> }).sendAll(c),
        calls,
      )) as Array<{ status: number; headers: Array<[string, string]>; body: string }>;
      const fromServer = [];
      for (const call of calls) {
        const url = call.url.startsWith("/")
          ? `${mock.url}${call.url}`
          : call.url.replace("http://127.0.0.1:4010", mock.url);
        const response = await fetch(url, { method: call.method ?? "GET", headers: call.headers, body: call.body });
        fromServer.push({
          status: response.status,
          body: await response.text(),
          violations: response.headers.get("mockpact-violations"),
        });
      }
      expect(
        inPage.map((a) => ({
          status: a.status,
          body: a.body,
          violations: new Map(a.headers).get("mockpact-violations") ?? null,
        })),
      ).toEqual(fromServer);
      expect(inPage.map((a) => a.status)).toEqual([200, 200, 400, 200, 200, 201, 200]);
      expect(JSON.parse(inPage[6]!.body)).toEqual([JSON.parse(inPage[5]!.body)]);
    });

    it("lets a request no operation matches go on to the network, and keeps a journal in the page", async () => {
      const page = await openPage();
      const [answer] = (await page.evaluate(() =>
        (globalThis as unknown as { sendAll(c: unknown): Promise<unknown> }).sendAll([{ url: "/index.html" }]),
      )) as Array<{ status: number; body: string }>;
      expect(answer!.status).toBe(200);
      expect(answer!.body).toContain("<title>mockpact msw</title>");
      await page.evaluate(() => fetch("/catalog/pets?limit=abc"));
      const journal = (await page.evaluate(() =>
        (globalThis as unknown as { mockpactRequests(): unknown }).mockpactRequests(),
      )) as Array<{ url: string; status: number }>;
      expect(journal.map((r) => [r.url, r.status])).toEqual([["/catalog/pets?limit=abc", 400]]);
    });
  },
);
