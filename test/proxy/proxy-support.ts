import { createProxyServer, type ProxyServer } from "../../src/proxy/server.js";
import type { ProxyOptions } from "../../src/proxy/options.js";
import type { ProxiedExchange } from "../../src/proxy/proxied-exchange.js";

export const THINGS = "test/contracts/proxy/things.yaml";

export interface StartedProxy {
  server: ProxyServer;
  url: string;
  exchanges: ProxiedExchange[];
  /** Resolves with the n-th exchange (1-based) once the proxy has reported it. */
  exchange(n: number): Promise<ProxiedExchange>;
  close(): Promise<void>;
}

/** A proxy on 127.0.0.1 port 0 over things.yaml, collecting what it reports. */
export async function startProxy(options: Partial<ProxyOptions> & { upstream: string }): Promise<StartedProxy> {
  const exchanges: ProxiedExchange[] = [];
  const waiting: Array<{ n: number; resolve: (e: ProxiedExchange) => void }> = [];
  const server = await createProxyServer({
    contracts: [THINGS],
    port: 0,
    ...options,
    onExchange: (e) => {
      exchanges.push(e);
      for (const w of waiting.filter((w) => w.n <= exchanges.length)) w.resolve(exchanges[w.n - 1]!);
    },
  });
  const url = await server.listen();
  return {
    server,
    url,
    exchanges,
    exchange: (n) =>
      exchanges.length >= n
        ? Promise.resolve(exchanges[n - 1]!)
        : new Promise((resolve) => waiting.push({ n, resolve })),
    close: () => server.close(),
  };
}

export function violationsOf(header: string | null | undefined): Array<{ in: string; where: string; keyword: string }> {
  return header ? (JSON.parse(header) as Array<{ in: string; where: string; keyword: string }>) : [];
}
