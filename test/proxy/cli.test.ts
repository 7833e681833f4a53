import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "../../src/mock/server.js";
import { startUpstream, type RunningUpstream } from "./upstream.js";
import { THINGS } from "./proxy-support.js";

const ENTRY = new URL("./cli-entry.ts", import.meta.url).pathname;

interface RunningCli {
  child: ChildProcess;
  url: string;
  output(): string;
}

/** The CLI from source; resolves once it prints the URL it listens on. */
async function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before listening:\n${text}`)));
  });
  return { child, url, output: () => text };
}

async function stop(cli: RunningCli): Promise<number | null> {
  cli.child.kill("SIGTERM");
  const [code] = (await once(cli.child, "exit")) as [number | null];
  return code;
}

let correct: RunningUpstream;
let broken: RunningUpstream;
beforeAll(async () => {
  [correct, broken] = await Promise.all([startUpstream("correct"), startUpstream("broken")]);
});
afterAll(async () => {
  await Promise.all([correct.close(), broken.close()]);
});

describe("mockpact proxy (CLI)", () => {
  it("prints each exchange and exits 0 when all traffic kept the contract", async () => {
    const cli = await startCli(["proxy", THINGS, "--upstream", correct.url, "--port", "0"]);
    expect((await fetch(`${cli.url}/api/things/3`)).status).toBe(200);
    expect((await fetch(`${cli.url}/api/reports`)).status).toBe(200);
    expect(await stop(cli)).toBe(0);
    expect(cli.output()).toMatch(/GET \/api\/things\/3 200 getThing upstream \d+\.\d ms/);
    expect(cli.output()).toMatch(/GET \/api\/reports 200 listReports mock \(unimplemented\)/);
    expect(cli.output()).toMatch(/2 exchange\(s\), 0 with findings, 1 answered by the mock/);
  }, 30_000);

  it("prints the findings, never the credentials, and exits 1 when traffic broke the contract", async () => {
    const cli = await startCli(["proxy", THINGS, "--upstream", broken.url, "--port", "0"]);
    const response = await fetch(`${cli.url}/api/things/5?api_key=query-secret-1`, {
      headers: { authorization: "Bearer header-secret-2", cookie: "session=cookie-secret-3" },
    });
    expect(response.headers.get("mockpact-violations")).toContain("response.body");
    expect(broken.headersOf("GET /api/things/5?api_key=query-secret-1")).toMatchObject({
      authorization: "Bearer header-secret-2",
      cookie: "session=cookie-secret-3",
    });
    expect(await stop(cli)).toBe(1);
    const output = cli.output();
    expect(output).toMatch(/response\.body \/name type: /);
    expect(output).toContain("api_key=[redacted]");
    for (const secret of ["query-secret-1", "header-secret-2", "cookie-secret-3"]) expect(output).not.toContain(secret);
  }, 30_000);

  it("refuses --record-pact without --consumer and --provider (exit 2, with a hint)", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", ENTRY, "proxy", THINGS, "--upstream", correct.url, "--record-pact", "x.json"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let text = "";
    child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(2);
    expect(text).toMatch(/--record-pact needs --consumer and --provider/);
  }, 30_000);
});

describe("mockpact mock --no-request-validation", () => {
  const invalid = {
    method: "POST",
    url: "/api/things",
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ name: 7 })),
  };

  it("answers an invalid request as if it were valid (and validates by default)", async () => {
    const strict = await createMockServer({ contracts: [THINGS] });
    const lax = await createMockServer({ contracts: [THINGS], requestValidation: false });
    expect((await strict.handle(invalid)).status).toBe(422);
    expect((await lax.handle(invalid)).status).toBe(201);
    await Promise.all([strict.close(), lax.close()]);
  });

  it("is a flag of the CLI", async () => {
    const cli = await startCli(["mock", THINGS, "--no-request-validation", "--port", "0"]);
    const response = await fetch(`${cli.url}/api/things`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: 7 }),
    });
    expect(response.status).toBe(201);
    await stop(cli);
  }, 30_000);
});
