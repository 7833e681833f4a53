/**
 * The MSW handlers against `mockpact mock`: the time to answer the same 1,000 requests through the
 * handlers in Node (msw/node intercepting fetch) and over HTTP to the mock server (fetch on loopback,
 * keep-alive), one request at a time; and the size of the browser build a page bundles.
 * `npx tsx bench/msw.ts [requests]` (default 1,000; runs `npm run build` first if dist/ is missing).
 */
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { getResponse, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createMockServer } from "../src/mock/server.js";
import { handlersFor } from "../src/msw/node.js";
import { describeMachine } from "./machine.js";

const total = Math.min(Number(process.argv[2] ?? 1000), 20_000);
const WARM_UP = 50;
const AUTH = { authorization: "Bearer test-token", "content-type": "application/json" };
const ORDER = JSON.stringify({
  items: [{ productId: "p-100", quantity: 2 }],
  paymentToken: "tok-1",
  shippingAddress: { name: "Ada", line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
});
/** A mix of what a frontend's tests send: examples, a path parameter, a seeded fake, a 400, a validated body. */
const REQUESTS: Array<{ method?: string; path: string; headers?: Record<string, string>; body?: string }> = [
  { path: "/shop/products?limit=2" },
  { path: "/shop/products/p-100" },
  { path: "/catalog/pets/12" },
  { path: "/shop/products?limit=abc" },
  { method: "POST", path: "/shop/orders", headers: AUTH, body: ORDER },
];

/** `answer(request)` for each request of the mix in turn, after a warm-up: the milliseconds the 1,000 took. */
async function timeRequests(
  origin: string,
  answer: (request: Request) => Promise<Response | undefined> = fetch,
): Promise<number> {
  const send = async (i: number) => {
    const r = REQUESTS[i % REQUESTS.length]!;
    await (await answer(
      new Request(`${origin}${r.path}`, { method: r.method ?? "GET", headers: r.headers, body: r.body }),
    ))!.arrayBuffer();
  };
  for (let i = 0; i < WARM_UP; i++) await send(i);
  const started = performance.now();
  for (let i = 0; i < total; i++) await send(i);
  return performance.now() - started;
}

/** The page of an app that imports mockpact/msw, bundled for the browser and minified: bytes and gzipped bytes. */
async function browserBuildSize(): Promise<{ minified: number; gzipped: number }> {
  const folder = await mkdtemp(path.join(tmpdir(), "mockpact-msw-size-"));
  const link = path.join(folder, "node_modules", "mockpact");
  try {
    await mkdir(path.dirname(link));
    await symlink(fileURLToPath(new URL("..", import.meta.url)), link, "dir");
    await writeFile(path.join(folder, "entry.js"), 'export { handlersFor } from "mockpact/msw";\n');
    const result = await build({
      entryPoints: [path.join(folder, "entry.js")],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      external: ["msw"],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    return { minified: code.length, gzipped: gzipSync(code).length };
  } finally {
    await unlink(link).catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
}

const contracts = ["contracts"];
const server = await createMockServer({ contracts, port: 0, seed: 1 });
const url = await server.listen(0);
// Over HTTP first: once msw/node listens, every fetch of the process goes through its interceptor.
const viaHttp = await timeRequests(url);
const handlers = handlersFor(contracts, { seed: 1, baseUrl: "http://msw.bench.test" });
await handlers.ready;
const direct = await timeRequests("http://msw.bench.test", (request) => getResponse(handlers, request));
// MSW's own cost per request: a handler that answers a constant, through the same getResponse.
const constant = [http.all("http://msw.bench.test/*", () => HttpResponse.json({ ok: true }))];
const floor = await timeRequests("http://msw.bench.test", (request) => getResponse(constant, request));
const msw = setupServer(...handlers);
msw.listen({ onUnhandledRequest: "bypass" });
const viaMsw = await timeRequests("http://msw.bench.test");
msw.close();
await server.close();
const size = await browserBuildSize();
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(JSON.stringify(describeMachine()));
console.log(`${total} requests, one at a time, the same mix (${REQUESTS.length} kinds) both ways:`);
console.log(
  `  MSW handlers in Node (msw/node, fetch): ${viaMsw.toFixed(0)} ms (${(viaMsw / total).toFixed(3)} ms per request)`,
);
console.log(
  `  the handlers alone (msw's getResponse, no interception): ${direct.toFixed(0)} ms (${(direct / total).toFixed(3)} ms per request)`,
);
console.log(`  (MSW's own floor: a handler answering a constant, through getResponse: ${floor.toFixed(0)} ms)`);
console.log(
  `  mockpact mock over HTTP (fetch, loopback): ${viaHttp.toFixed(0)} ms (${(viaHttp / total).toFixed(3)} ms per request)`,
);
console.log(
  `browser build of mockpact/msw (msw itself excluded), minified: ${kb(size.minified)}, gzipped: ${kb(size.gzipped)}`,
);
