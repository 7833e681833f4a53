/**
 * Bytes on a socket, for requests no HTTP client will send (bad encodings, floods, truncated bodies,
 * headers that never end). Every exchange is bounded: it ends when the server closes, when a whole
 * response has arrived, or at `timeoutMs`, and says which.
 */
import { connect } from "node:net";

export interface RawExchange {
  /** The status of the first response, when one arrived. */
  status?: number;
  /** Everything the server sent (latin1, so every byte survives). */
  text: string;
  /** How it ended: the server closed, a whole response arrived, or our bound passed. */
  ended: "closed" | "answered" | "timeout";
}

export interface RawOptions {
  timeoutMs?: number;
  /** Half-close our side after writing (a client that sends a truncated body and gives up). */
  endAfterWrite?: boolean;
  /** Keep reading after a whole response until the server closes (or the bound passes). */
  waitForClose?: boolean;
}

export function rawExchange(
  url: string,
  chunks: Array<string | Buffer>,
  options: RawOptions = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let text = "";
    let settled = false;
    const finish = (ended: RawExchange["ended"]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, text, ended });
    };
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.endAfterWrite) socket.end();
    });
    socket.on("data", (data: Buffer) => {
      text += data.toString("latin1");
      if (!options.waitForClose && hasWholeResponse(text)) finish("answered");
    });
    socket.on("error", () => finish("closed")); // a reset is the server closing too
    socket.on("close", () => finish("closed"));
  });
}

/** A head and a body of the Content-Length it declares (the mock always declares one). */
function hasWholeResponse(text: string): boolean {
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, headEnd))?.[1];
  return length !== undefined && Buffer.byteLength(text.slice(headEnd + 4), "latin1") >= Number(length);
}

/** A request line and headers as sent on the wire; `Connection: close` so the exchange ends by itself. */
export function head(method: string, target: string, headers: Record<string, string> = {}): string {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    "Host: 127.0.0.1",
    "Connection: close",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n`;
}
