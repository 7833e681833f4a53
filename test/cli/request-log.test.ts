import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { startCli } from "../support/cli.js";
import { until } from "../support/mocks.js";

type Started = Awaited<ReturnType<typeof startCli>>;

const BEARER = { authorization: "Bearer a-token" };

/** Starts the CLI, runs `work` against it, stops it with SIGTERM and returns all it printed on stdout. */
async function logOf(
  args: string[],
  work: (url: string, cli: Started) => Promise<void>,
  env: NodeJS.ProcessEnv = {},
): Promise<string> {
  const cli = await startCli(["mock", "--port", "0", "--no-admin", ...args], 20_000, env);
  try {
    await work(cli.url, cli);
  } finally {
    cli.child.kill("SIGTERM");
  }
  await once(cli.child, "exit");
  return cli.output().stdout;
}

/** The lines after the "listening" one: the request log. */
function requestLines(stdout: string): string[] {
  return stdout
    .slice(stdout.indexOf("\n", stdout.indexOf("listening on")) + 1)
    .split("\n")
    .filter(Boolean);
}

async function waitForLines(cli: Started, count: number): Promise<void> {
  await until(() => requestLines(cli.output().stdout).filter((line) => !line.startsWith(" ")).length >= count);
}

// One request each, and the line the log must print for it: method, path, status, operation, source, time.
const TEXT_CASES: Array<[what: string, path: string, line: RegExp]> = [
  ["the contract's example", "/shop/products/p-1", /^GET \/shop\/products\/p-1 200 getProduct example \d+\.\d ms$/],
  ["a seeded fake", "/catalog/pets", /^GET \/catalog\/pets 200 listPets fake \d+\.\d ms$/],
  ["an override of mocks/", "/shop/orders/42", /^GET \/shop\/orders\/42 200 getOrder override \d+\.\d ms$/],
  [
    "a missing credential",
    "/shop/orders/43",
    /^GET \/shop\/orders\/43 401 getOrder rejected \d+\.\d ms 1 finding\(s\)$/,
  ],
  [
    "an invalid request, credential-like query values redacted",
    "/shop/products?limit=abc&api_key=s3cr3t-value",
    /^GET \/shop\/products\?limit=abc&api_key=\[redacted\] 400 listProducts rejected \d+\.\d ms 1 finding\(s\)$/,
  ],
  ["no route", "/nowhere", /^GET \/nowhere 404 - rejected \d+\.\d ms$/],
];

describe("the request log of mockpact mock", () => {
  it("prints one line per request (method, path, status, operation, source, time) with each violation indented under it, and no colour off a terminal", async () => {
    const stdout = await logOf(
      ["contracts"],
      async (url, cli) => {
        for (const [what, path] of TEXT_CASES)
          await fetch(`${url}${path}`, { headers: what === "a missing credential" ? {} : BEARER }).then((r) =>
            r.arrayBuffer(),
          );
        await waitForLines(cli, TEXT_CASES.length);
      },
      { NO_COLOR: "" }, // unset in effect: colours then depend on the terminal alone, and a pipe is none
    );
    const lines = requestLines(stdout);
    const heads = lines.filter((line) => !line.startsWith(" "));
    TEXT_CASES.forEach(([what, , line], i) => expect(heads[i], what).toMatch(line));
    const unauthorized = lines.indexOf(heads[3]!);
    expect(lines[unauthorized + 1]).toMatch(
      /^  header Authorization security: missing credential of security scheme "bearerAuth": Authorization bearer$/,
    );
    const rejected = lines.indexOf(heads[4]!);
    expect(lines[rejected + 1]).toMatch(/^  query limit type: /);
    expect(stdout).not.toContain("s3cr3t-value");
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it("names a pact stub's answer and a stateful one", async () => {
    const stdout = await logOf(
      ["contracts/shop.yaml", "--pact", "fixtures/pacts/shop-web-shop-api.json", "--stateful"],
      async (url, cli) => {
        await fetch(`${url}/shop/products/p-999`).then((r) => r.arrayBuffer());
        await fetch(`${url}/shop/orders`, { headers: BEARER }).then((r) => r.arrayBuffer());
        await waitForLines(cli, 2);
      },
    );
    const heads = requestLines(stdout);
    expect(heads[0]).toMatch(/^GET \/shop\/products\/p-999 404 getProduct stub /);
    expect(heads[1]).toMatch(/^GET \/shop\/orders 200 listOrders state /);
  });

  it("--log-format json --log-level debug: one object per line, with both ways' headers and the credentials redacted", async () => {
    const stdout = await logOf(
      ["contracts/shop.yaml", "--log-format", "json", "--log-level", "debug"],
      async (url, cli) => {
        await fetch(`${url}/shop/products/p-1?token=abc123secret`, {
          headers: { authorization: "Bearer very-secret-token", "x-trace": "t-1" },
        }).then((r) => r.arrayBuffer());
        await waitForLines(cli, 1);
      },
    );
    const lines = requestLines(stdout);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      method: "GET",
      url: "/shop/products/p-1?token=[redacted]",
      status: 200,
      operation: "getProduct",
      contract: "shop.yaml",
      source: "example",
      findings: [],
    });
    expect(entry.durationMs).toEqual(expect.any(Number));
    expect(entry.requestHeaders).toMatchObject({ authorization: "[redacted]", "x-trace": "t-1" });
    expect(entry.responseHeaders).toMatchObject({ "content-type": "application/json" });
    expect(stdout).not.toMatch(/very-secret-token|abc123secret/);
  });

  it("--log-level silent prints no request line", async () => {
    const stdout = await logOf(["contracts/shop.yaml", "--log-level", "silent"], async (url) => {
      for (let i = 0; i < 3; i++) expect((await fetch(`${url}/shop/products/p-1`)).status).toBe(200);
    });
    expect(requestLines(stdout)).toEqual([]);
    expect(stdout).toMatch(/listening on/);
  });

  it("refuses a log level it does not know", async () => {
    await expect(startCli(["mock", "--log-level", "loud"])).rejects.toThrow(/exited with 2[^]*--log-level[^]*loud/);
  });
});
