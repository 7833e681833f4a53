/**
 * What `mockpact proxy` adds per request, against direct calls to the same upstream, on loopback.
 * `npx tsx bench/proxy-overhead.ts [rounds]` (default 300 rounds of 7 requests; bounded, ~10 s).
 *
 * The example provider of contracts/shop.yaml is the upstream; the proxy checks both directions
 * (the default) and has no fallback work to do. Direct and proxied calls alternate, each over its
 * own keep-alive agent, so both sides get the same warm sockets; the first rounds are warm-up.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { createProxyServer } from "../src/proxy/server.js";
import { startExampleProvider } from "../test/support/example-provider.js";

const rounds = Math.min(Number(process.argv[2] ?? 300), 5000);
const WARM_UP = 30;
const AUTH = { authorization: "Bearer test-token" };
const ADDRESS = { line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" };
const REQUESTS: Array<{ method: string; path: string; body?: unknown; headers?: Record<string, string> }> = [
  { method: "GET", path: "/shop/products" },
  { method: "GET", path: "/shop/products/p-100" },
  { method: "GET", path: "/shop/products/p-999" },
  {
    method: "POST",
    path: "/shop/products",
    body: { name: "Gold widget", price: 20 },
    headers: { "x-api-key": "back-office-key" },
  },
  {
    method: "POST",
    path: "/shop/orders",
    body: { items: [{ productId: "p-100", quantity: 2 }], shippingAddress: ADDRESS },
    headers: AUTH,
  },
  { method: "GET", path: "/shop/orders", headers: AUTH },
  { method: "POST", path: "/shop/login", body: { username: "ada", password: "correct-horse" } },
];

function timed(base: string, agent: http.Agent, r: (typeof REQUESTS)[number]): Promise<number> {
  const body = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
  const headers: Record<string, string> = {
    ...r.headers,
    ...(body ? { "content-type": "application/json", "content-length": String(body.length) } : {}),
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${r.path}`, { method: r.method, headers, agent }, (res) =>
      res.resume().on("end", () => resolve(performance.now() - started)),
    );
    req.on("error", reject);
    req.end(body);
  });
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const ms = (x: number) => `${x.toFixed(3)} ms`;

const provider = await startExampleProvider();
let findings = 0;
const proxy = await createProxyServer({
  contracts: ["contracts/shop.yaml"],
  upstream: provider.url,
  port: 0,
  onExchange: (e) => (findings += e.violations.length),
});
const proxyUrl = await proxy.listen();
const directAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const proxiedAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const direct: number[] = [];
const proxied: number[] = [];
const added: number[] = [];
for (let i = 0; i < rounds + WARM_UP; i++) {
  for (const r of REQUESTS) {
    const d = await timed(provider.url, directAgent, r);
    const p = await timed(proxyUrl, proxiedAgent, r);
    if (i < WARM_UP) continue;
    direct.push(d);
    proxied.push(p);
    added.push(p - d);
  }
}
directAgent.destroy();
proxiedAgent.destroy();
await proxy.close();
await provider.close();

process.stdout.write(
  `mockpact proxy overhead, ${added.length} requests (${rounds} rounds of ${REQUESTS.length}, both directions checked, ${findings} findings)\n`,
);
process.stdout.write(`  direct:  median ${ms(at(direct, 0.5))}, p99 ${ms(at(direct, 0.99))}\n`);
process.stdout.write(`  proxied: median ${ms(at(proxied, 0.5))}, p99 ${ms(at(proxied, 0.99))}\n`);
process.stdout.write(
  `  added (proxied - direct, per request): median ${ms(at(added, 0.5))}, p99 ${ms(at(added, 0.99))}\n`,
);
