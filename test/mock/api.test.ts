import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createHandler, createMockServer, mockpactMiddleware, type MockEvent } from "../../src/index.js";
import { call } from "../support/mock-server.js";
import { until } from "../support/mocks.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tempContract(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "mockpact-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, "ping.yaml");
  await writeFile(file, pingContract("pong"));
  return file;
}

function pingContract(answer: string): string {
  return `openapi: 3.0.3
info: { title: Ping, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { answer: { type: string } } }
              example: { answer: ${answer} }
`;
}

describe("programmatic API", () => {
  it("handles a request without a socket", async () => {
    const { handle } = await createHandler({ contracts: ["contracts/shop.yaml"] });
    const response = await handle({ method: "GET", url: "/shop/products/p-1", headers: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(String(response.body)).id).toBe("p-1"); // the example's p-100, with the path's id echoed
  });

  it("reload() serves the changed contract", async () => {
    const file = await tempContract();
    const server = await createMockServer({ contracts: [file], port: 0 });
    const url = await server.listen(0);
    cleanups.push(() => server.close());
    expect((await call(`${url}/ping`)).json).toEqual({ answer: "pong" });
    await writeFile(file, pingContract("changed"));
    await server.reload();
    expect((await call(`${url}/ping`)).json).toEqual({ answer: "changed" });
  });

  it("--watch reloads an edited contract and keeps the last good one when an edit breaks it", async () => {
    const file = await tempContract();
    const events: MockEvent[] = [];
    const server = await createMockServer({ contracts: [file], port: 0, watch: true, onEvent: (e) => events.push(e) });
    const url = await server.listen(0);
    cleanups.push(() => server.close());
    await writeFile(`${file}.tmp`, pingContract("edited"));
    await rename(`${file}.tmp`, file); // as editors save: write beside, then rename
    await until(async () => (await call(`${url}/ping`)).json?.answer === "edited");
    await writeFile(file, "openapi: 3.0.3\npaths: [unclosed");
    await until(() => events.some((e) => e.type === "reload-failed"));
    expect((await call(`${url}/ping`)).json).toEqual({ answer: "edited" });
    expect(await readFile(file, "utf8")).toMatch(/unclosed/); // the user's file is never touched
  });

  it("mounts as express middleware and leaves other routes to the app", async () => {
    const app = express();
    const middleware = mockpactMiddleware({ contracts: ["contracts/shop.yaml"] });
    app.use(middleware);
    app.get("/health", (_req, res) => {
      res.json({ ok: true });
    });
    await middleware.ready;
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as { port: number };
    expect((await call(`http://127.0.0.1:${port}/shop/products/p-1`)).json.id).toBe("p-1");
    expect((await call(`http://127.0.0.1:${port}/health`)).json).toEqual({ ok: true });
    const invalid = await call(`http://127.0.0.1:${port}/shop/products?limit=x`);
    expect(invalid.status).toBe(400);
  });

  it("rejects two contracts that claim the same method and path, naming both files", async () => {
    const a = await tempContract();
    const b = path.join(path.dirname(a), "ping-copy.yaml");
    await writeFile(b, pingContract("other"));
    await expect(createMockServer({ contracts: [a, b] })).rejects.toMatchObject({
      code: "ROUTE_CONFLICT",
      message: expect.stringMatching(/ping\.yaml.*ping-copy\.yaml/),
    });
  });
});
