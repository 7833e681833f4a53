/**
 * How long `mockpact verify` takes on the example pacts, and what the validating proxy adds.
 * `npx tsx bench/verify-overhead.ts [runs]`
 *
 * 1. Wall time of verifyProvider() on fixtures/pacts (3 pacts, V2/V3/V4, 11 interactions) against
 *    the example provider, with contracts/shop.yaml: the first (cold) run, then the median of warm runs.
 * 2. The proxy's own time per interaction, as the proxy measures it (provider time taken out).
 * 3. End to end: the example's requests sent straight to the provider and through the proxy,
 *    alternating, many times; the difference per request is what the proxy adds on the wire.
 */
import { performance } from "node:perf_hooks";
import { loadContract } from "../src/contract/index.js";
import { verifyProvider } from "../src/index.js";
import { compileContracts } from "../src/http/engine.js";
import { startVerifyProxy } from "../src/verify/proxy.js";
import { startExampleProvider } from "../test/support/example-provider.js";

const runs = Number(process.argv[2] ?? 5);
const AUTH = { Authorization: "Bearer test-token" };
const REQUESTS: Array<{ method: string; path: string; body?: unknown; headers?: Record<string, string> }> = [
  { method: "GET", path: "/shop/products" },
  { method: "GET", path: "/shop/products/p-100" },
  { method: "GET", path: "/shop/products/p-999" },
  {
    method: "POST",
    path: "/shop/products",
    body: { name: "Gold widget", price: 20000 },
    headers: { "X-API-Key": "back-office-key" },
  },
  { method: "POST", path: "/shop/orders", body: { items: [{ productId: "p-100", quantity: 2 }] }, headers: AUTH },
  { method: "GET", path: "/shop/orders", headers: AUTH },
  { method: "POST", path: "/shop/login", body: { username: "ada", password: "correct-horse" } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const provider = await startExampleProvider();
const walls: number[] = [];
const overheadCold: number[] = [];
const overheadWarm: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const result = await verifyProvider({
    providerBaseUrl: provider.url,
    pacts: ["fixtures/pacts"],
    contracts: ["contracts/shop.yaml"],
    statesUrl: `${provider.url}/_pact/states`,
    headers: AUTH,
  });
  walls.push(performance.now() - started);
  if (!result.ok) throw new Error("the example pacts must verify clean");
  (i === 0 ? overheadCold : overheadWarm).push(...result.proxyOverheadMs);
}

const engine = compileContracts([await loadContract("contracts/shop.yaml")]);
const proxy = await startVerifyProxy(provider.url, engine, 5000, () => {});
const send = async (base: string, r: (typeof REQUESTS)[number]) => {
  const started = performance.now();
  const response = await fetch(`${base}${r.path}`, {
    method: r.method,
    headers: { "content-type": "application/json", ...r.headers },
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  await response.arrayBuffer();
  return performance.now() - started;
};
const added: number[] = [];
for (let i = 0; i < 300; i++) {
  for (const r of REQUESTS) {
    const direct = await send(provider.url, r);
    const proxied = await send(proxy.url, r);
    if (i >= 20) added.push(proxied - direct); // the first rounds warm up sockets, JIT and validators
  }
}
await proxy.close();
await provider.close();

process.stdout.write(`verify of fixtures/pacts (3 pacts, 11 interactions), ${runs} runs\n`);
process.stdout.write(`  wall time: first ${ms(walls[0]!)}, median of the rest ${ms(median(walls.slice(1)))}\n`);
process.stdout.write(
  `  proxy's own time per interaction, first run: median ${ms(median(overheadCold))}, worst ${ms(max(overheadCold))}\n`,
);
process.stdout.write(
  `  proxy's own time per interaction, later runs: median ${ms(median(overheadWarm))}, worst ${ms(max(overheadWarm))}\n`,
);
process.stdout.write(
  `added latency on the wire (proxied - direct, ${added.length} requests): median ${ms(median(added))}, p99 ${ms(p99(added))}, worst ${ms(max(added))}\n`,
);
