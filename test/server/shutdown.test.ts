/**
 * SIGTERM is how containers, CI runners and process managers stop `mockpact mock`: it must exit
 * promptly even while an answer is held back by `--latency`, not when the delayed answer would have
 * gone out. The time bound is the behaviour under test here.
 */
import { once } from "node:events";
import http from "node:http";
import { describe, expect, it, onTestFinished } from "vitest";
import { startCli } from "../support/cli.js";
import { until } from "../support/mocks.js";

const LATENCY_MS = 3000;

describe("mockpact mock --latency, stopped with SIGTERM", () => {
  it("exits with 0 well before the held answer is due, closing the held request", async () => {
    const cli = await startCli(["mock", "test/contracts/tasks.yaml", "--latency", `${LATENCY_MS}ms`, "--port", "0"]);
    // A failed assertion before the SIGTERM below must not leave the process running.
    onTestFinished(
      () => void (cli.child.exitCode === null && cli.child.signalCode === null && cli.child.kill("SIGKILL")),
    );
    const sent = performance.now();
    const held = new Promise<string>((resolve) => {
      http
        .get(`${cli.url}/api/tasks/1`, (res) => resolve(`answered ${res.statusCode}`))
        .on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    // The journal records a request before its delay starts: once it is there, the answer is held.
    await until(
      async () => ((await (await fetch(`${cli.url}/__mockpact/requests`)).json()) as { total: number }).total === 1,
    );
    const exited = once(cli.child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    cli.child.kill("SIGTERM");
    const [code, signal] = await exited;
    const elapsed = performance.now() - sent;
    expect({ code, signal }, cli.output().stderr).toEqual({ code: 0, signal: null });
    expect(elapsed, "exited before the delayed answer was due").toBeLessThan(LATENCY_MS);
    expect(await held).toMatch(/ECONNRESET|socket hang up/);
  });
});
