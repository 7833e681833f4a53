import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { call } from "../support/mock-server.js";

const ENTRY = new URL("./cli-entry.ts", import.meta.url).pathname;

describe("mockpact mock --pact FILE", () => {
  it("with no contract argument serves the pact alone, lists its interactions, and stops on SIGINT", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", ENTRY, "mock", "--pact", "fixtures/pacts/shop-mobile-shop-api.json", "--port", "0"],
      { env: { ...process.env, NO_COLOR: "1" } },
    );
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const listening = /listening on (http:\/\/\S+)/.exec(stdout);
        if (listening) resolve(listening[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    try {
      expect(stdout).toContain("shop-mobile-shop-api.json (3 interactions; pick a provider state with X-Pact-State)");
      expect(stdout).toMatch(/POST\s+http:\/\/127\.0\.0\.1:\d+\/shop\/login\s+a login with valid credentials/);
      expect(stdout).not.toContain("Shop API"); // the contracts/ folder is not loaded by default beside --pact
      const res = await call(`${url}/shop/products/p-101`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: "p-101", inStock: false });
      expect((await call(`${url}/shop/products`)).status).toBe(404);
    } finally {
      child.kill("SIGINT");
    }
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
