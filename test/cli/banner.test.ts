import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { startCli } from "../support/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-banner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A contract served at two URLs with different paths, as many public contracts are (production and sandbox). */
const TWO_SERVERS = `openapi: 3.0.3
info: { title: Two servers, version: "1" }
servers:
  - url: https://api.example.com/v1
  - url: https://sandbox.example.com/sandbox/v1
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: string } } } }
`;

describe("the start-up banner", () => {
  it("lists each operation once for a contract with two servers, and the routes answer under both base paths", async () => {
    const file = path.join(dir, "two-servers.yaml");
    writeFileSync(file, TWO_SERVERS);
    const { child, url, output } = await startCli(["mock", file, "--port", "0", "--no-admin"]);
    try {
      const stdout = output().stdout;
      expect(stdout).toMatch(/\(openapi-3\.0, 2 operations\)/);
      expect(stdout.match(/listThings/g)).toHaveLength(1);
      expect(stdout.match(/getThing/g)).toHaveLength(1);
      expect(stdout).toMatch(/GET\s+http:\/\/127\.0\.0\.1:\d+\/v1\/things\s+listThings/);
      expect(stdout).toMatch(/also answer under http:\/\/127\.0\.0\.1:\d+\/sandbox\/v1/);
      for (const base of ["/v1", "/sandbox/v1", ""])
        expect((await fetch(`${url}${base}/things/7`)).status, base).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    await once(child, "exit");
  });
});
