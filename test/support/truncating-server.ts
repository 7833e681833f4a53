import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What a truncating server answers: the whole body is declared in Content-Length, `sent` bytes of it arrive. */
export interface TruncatedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** Bytes written before the socket is destroyed; fewer than `body.length`. */
  sent: number;
}

export interface TruncatingServer {
  url: string;
  /** `METHOD path` of every request it got. */
  seen: string[];
  /** Headers of the last request it got. */
  lastHeaders: IncomingMessage["headers"];
  close(): Promise<void>;
}

/**
 * A backend that breaks off mid-body: it declares `Content-Length: N`, writes fewer bytes, and destroys
 * the socket once they are flushed (no FIN after a complete message, as a crashing process does).
 * Requests `answer` returns undefined for get a whole 200 JSON body, `{}`.
 */
export async function startTruncatingServer(
  answer: (req: IncomingMessage) => TruncatedAnswer | undefined,
): Promise<TruncatingServer> {
  const seen: string[] = [];
  let lastHeaders: IncomingMessage["headers"] = {};
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    lastHeaders = req.headers;
    req.resume();
    const cut = answer(req);
    if (!cut) return void res.writeHead(200, { "content-type": "application/json", "content-length": "2" }).end("{}");
    res.writeHead(cut.status, { "content-type": cut.contentType, "content-length": String(cut.body.length) });
    res.write(cut.body.subarray(0, cut.sent), () => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    get lastHeaders() {
      return lastHeaders;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
