import { readFileSync } from "node:fs";
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the two Pact Broker endpoints a provider verification uses: "pacts for
 * verification" (POST, with the consumer version selectors) and "publish verification results".
 * It serves the given pact files and records every request it gets, bodies parsed.
 */
export interface BrokerRequest {
  method: string;
  path: string;
  authorization?: string;
  body: any;
}

export interface BrokerStandIn {
  url: string;
  requests: BrokerRequest[];
  close(): Promise<void>;
}

export async function startBrokerStandIn(
  provider: string,
  pacts: Array<{ file: string; pending?: boolean; wip?: boolean }>,
): Promise<BrokerStandIn> {
  const requests: BrokerRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? "/";
    requests.push({ method: req.method ?? "", path, authorization: req.headers.authorization, body });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (status: number, doc: unknown) => {
      res.writeHead(status, { "content-type": "application/hal+json" });
      res.end(JSON.stringify(doc));
    };
    if (req.method === "GET" && path === "/") {
      return send(200, {
        _links: {
          "pb:provider-pacts-for-verification": {
            href: `${base}/pacts/provider/{provider}/for-verification`,
            templated: true,
          },
          "pb:provider-pacts-with-tag": { href: `${base}/pacts/provider/{provider}/latest/{tag}`, templated: true },
          "pb:provider-pacts": { href: `${base}/pacts/provider/{provider}`, templated: true },
        },
      });
    }
    if (req.method === "GET" && path === `/pacts/provider/${provider}/for-verification`) {
      return send(200, { _links: { self: { href: `${base}${path}`, title: "Pacts to be verified" } } });
    }
    if (req.method === "POST" && path === `/pacts/provider/${provider}/for-verification`) {
      return send(200, {
        _embedded: {
          pacts: pacts.map((p, i) => ({
            shortDescription: `pact ${i}`,
            verificationProperties: {
              pending: (p.pending ?? false) || (p.wip ?? false),
              ...(p.wip ? { wip: true } : {}),
              notices: [{ when: "before_verification", text: `verifying pact ${i}` }],
            },
            _links: { self: { href: `${base}/pacts/${i}`, name: `pact ${i}` } },
          })),
        },
      });
    }
    const pact = /^\/pacts\/(\d+)$/.exec(path);
    if (req.method === "GET" && pact) {
      const doc = JSON.parse(readFileSync(pacts[Number(pact[1])]!.file, "utf8")) as Record<string, unknown>;
      return send(200, {
        ...doc,
        _links: {
          "pb:publish-verification-results": { href: `${base}/pacts/${pact[1]}/verification-results` },
          "pb:provider": { href: `${base}/pacticipants/${provider}` },
        },
      });
    }
    if (req.method === "GET" && path === `/pacticipants/${provider}`) {
      return send(200, {
        name: provider,
        _links: {
          "pb:branch-version": {
            href: `${base}/pacticipants/${provider}/branches/{branch}/versions/{version}`,
            templated: true,
          },
          "pb:version-tag": { href: `${base}/pacticipants/${provider}/versions/{version}/tags/{tag}`, templated: true },
          "pb:version": { href: `${base}/pacticipants/${provider}/versions/{version}`, templated: true },
        },
      });
    }
    if (req.method === "POST" && /^\/pacts\/\d+\/verification-results$/.test(path)) return send(201, { _links: {} });
    if (req.method === "PUT") return send(200, { _links: {} });
    send(404, { error: `stand-in knows no ${req.method} ${path}` });
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
