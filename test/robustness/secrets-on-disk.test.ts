/**
 * `proxy --record` and `--record-pact` write files that get committed and shared: credentials that
 * pass through (a login's token in the response, a password in the request) never reach them.
 */
import { createServer, type Server } from "node:http";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createProxyServer } from "../../src/proxy/server.js";

const SECRETS = [
  "pa55word-in-request",
  "eyJ-access-token-value",
  "refresh-token-value",
  "sk_live_api_key_value",
  "4242-session-id",
];

const CONTRACT = `openapi: 3.0.3
info: { title: Login, version: "1" }
paths:
  /login:
    post:
      operationId: login
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [user, password], properties: { user: { type: string }, password: { type: string } } }
      responses:
        "200":
          description: Logged in.
          content:
            application/json:
              schema:
                type: object
                required: [token]
                properties:
                  token: { type: string }
                  refresh_token: { type: string }
                  session: { type: object, properties: { id: { type: string } } }
                  account: { type: object, properties: { name: { type: string }, apiKey: { type: string } } }
  /notes:
    post:
      operationId: addNote
      requestBody: { required: true, content: { text/plain: { schema: { type: string } } } }
      responses:
        "200": { description: Kept., content: { text/plain: { schema: { type: string } } } }
`;

let work: string;
let upstream: Server;
let upstreamUrl: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "mockpact-secrets-"));
  await writeFile(path.join(work, "login.yaml"), CONTRACT);
  upstream = createServer((req, res) => {
    req.resume();
    if (req.url === "/notes")
      return void res.writeHead(200, { "content-type": "text/plain" }).end(`password=${SECRETS[0]}&note=kept`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        token: SECRETS[1],
        refresh_token: SECRETS[2],
        session: { id: SECRETS[4] },
        account: { name: "Ada", apiKey: SECRETS[3] },
      }),
    );
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  await rm(work, { recursive: true, force: true });
});

async function allFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[path.join(entry.parentPath, entry.name)] = await readFile(path.join(entry.parentPath, entry.name), "utf8");
  }
  return out;
}

it("redacts tokens, passwords, API keys and sessions in recorded fixtures and pacts, and keeps the rest", async () => {
  const dir = path.join(work, "recorded");
  const pact = path.join(work, "pact", "login.json");
  const proxy = await createProxyServer({
    contracts: [path.join(work, "login.yaml")],
    upstream: upstreamUrl,
    port: 0,
    record: dir,
    recordPact: pact,
    consumer: "web",
    provider: "auth",
  });
  const url = await proxy.listen();
  const login = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: "ada", password: SECRETS[0] }),
  });
  expect(((await login.json()) as { token: string }).token, "the client still gets its token").toBe(SECRETS[1]);
  await (
    await fetch(`${url}/notes`, { method: "POST", headers: { "content-type": "text/plain" }, body: "a note" })
  ).text();
  await proxy.flush();
  await proxy.close();

  const files = await allFiles(work);
  const written = Object.entries(files).filter(([file]) => !file.endsWith("login.yaml"));
  expect(written.length).toBeGreaterThanOrEqual(4); // fixtures (response, request, manifest) and the pact
  for (const [file, text] of written)
    for (const secret of SECRETS) expect(text, `${secret} in ${file}`).not.toContain(secret);
  const recorded = JSON.parse(files[pact]!) as {
    interactions: Array<{ request: { body?: { content: unknown } }; response: { body?: { content: unknown } } }>;
  };
  const loginInteraction = recorded.interactions.find((i) => JSON.stringify(i).includes("login"))!;
  expect(loginInteraction.response.body!.content).toEqual({
    token: "[redacted]",
    refresh_token: "[redacted]",
    session: { id: "[redacted]" },
    account: { name: "Ada", apiKey: "[redacted]" },
  });
  expect(loginInteraction.request.body!.content).toEqual({ user: "ada", password: "[redacted]" });
});
