import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import express from "express";

/** How the test backend behaves: by the contract, or breaking it in its responses. */
export type UpstreamMode = "correct" | "broken";

export interface RunningUpstream {
  url: string;
  /** `METHOD path` of every request that reached the backend, in order. */
  seen: string[];
  /** Headers of the last request that reached it. */
  lastHeaders: Record<string, string | string[] | undefined>;
  /** Headers of the last `METHOD path` request that reached it. */
  headersOf(request: string): Record<string, string | string[] | undefined> | undefined;
  /** Bytes the last upload delivered. */
  uploaded: number;
  /** Lets the held answers go: `/api/slow`, and downloads asked with `holdAfter`. */
  releaseSlow(): void;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/**
 * The backend of contracts/proxy/things.yaml, as an express app: /api/reports answers 501, /api/later
 * is not built (express's own 404 page), /api/slow holds its answer until released, and
 * /api/files/{name}?size=N&holdAfter=K sends K of its N bytes, then holds the rest until released.
 */
export async function startUpstream(mode: UpstreamMode = "correct"): Promise<RunningUpstream> {
  const byRequest = new Map<string, Record<string, string | string[] | undefined>>();
  const state: RunningUpstream = {
    url: "",
    seen: [],
    lastHeaders: {},
    headersOf: (r) => byRequest.get(r),
    uploaded: 0,
    releaseSlow: () => {},
    close: async () => {},
  };
  const held: Array<() => void> = [];
  const app = express();
  app.use((req, _res, next) => {
    state.seen.push(`${req.method} ${req.originalUrl}`);
    state.lastHeaders = req.headers;
    byRequest.set(`${req.method} ${req.originalUrl}`, req.headers);
    next();
  });
  app.get("/api/things/:id", (req, res) => {
    if (req.params.id === "404")
      return res
        .status(404)
        .type("application/problem+json")
        .send(JSON.stringify({ title: "Not found", status: 404 }));
    const thing =
      mode === "correct"
        ? { id: Number(req.params.id), name: "Widget", tags: ["a"] }
        : { id: Number(req.params.id), name: 42, secret: true };
    if (req.query.gzip === undefined) return res.json(thing);
    res.set({ "content-type": "application/json", "content-encoding": "gzip" }).send(gzipSync(JSON.stringify(thing)));
  });
  app.post("/api/things", express.json(), (req, res) => {
    res
      .status(201)
      .location("/api/things/7")
      .json({ id: 7, ...(req.body as object) });
  });
  app.get("/api/reports", (_req, res) => res.status(501).json({ message: "not implemented" }));
  app.get("/api/files/:name", (req, res) => {
    const size = Number(req.query.size ?? 0);
    // `holdAfter`: after that many bytes the answer waits, open, until released (as /api/slow does).
    let holdAt = req.query.holdAfter === undefined ? -1 : size - Number(req.query.holdAfter);
    let left = size;
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(left) });
    const pump = () => {
      while (left > 0) {
        if (left <= holdAt) {
          holdAt = -1;
          return void held.push(pump);
        }
        const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
        left -= chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  });
  app.put("/api/files/:name", (req, res) => {
    state.uploaded = 0;
    req.on("data", (chunk: Buffer) => (state.uploaded += chunk.length));
    req.on("end", () => res.status(204).end());
  });
  app.get("/api/slow", (_req, res) => held.push(() => res.json({ late: true })));
  app.get("/api/moved", (_req, res) => res.redirect(302, "/api/things/1"));
  app.get("/api/me", (req, res) =>
    req.get("authorization") === "Bearer s3cret-token"
      ? res.set("set-cookie", "session=cookie-secret-value").json({ name: "ada" })
      : res.status(401).end(),
  );
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.releaseSlow = () => held.splice(0).forEach((go) => go());
  state.close = () => {
    state.releaseSlow();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** A port nothing listens on: bound, then closed. */
export async function deadUrl(): Promise<string> {
  const server = express().listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
