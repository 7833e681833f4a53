import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyProvider } from "../../src/verify/verify.js";

/**
 * The message cases of the Pact specification (V3 and V4, read in place from ../shared/pact-suites):
 * each case's expected message becomes an interaction of one message pact per version, a provider
 * answers each with the case's actual message, and `mockpact verify` must give each case its verdict.
 */
const ROOT = path.resolve("../shared/pact-suites");
const VERSIONS: Record<string, string> = { "version-3": "3.0.0", "version-4": "4.0" };
type Json = Record<string, any>;

interface MessageCase {
  name: string;
  match: boolean;
  expected: Json;
  actual: Json;
}

function casesOf(version: string): MessageCase[] {
  const folder = path.join(ROOT, version, "testcases", "message", "body");
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      ...(JSON.parse(readFileSync(path.join(folder, f), "utf8")) as Omit<MessageCase, "name">),
    }));
}

function pactOf(version: string, cases: MessageCase[]): Json {
  const who = {
    consumer: { name: "spec" },
    provider: { name: "spec-provider" },
    metadata: { pactSpecification: { version: VERSIONS[version] } },
  };
  if (version === "version-3") return { ...who, messages: cases.map((c) => ({ description: c.name, ...c.expected })) };
  return {
    ...who,
    interactions: cases.map((c) => ({ type: "Asynchronous/Messages", description: c.name, ...c.expected })),
  };
}

/** The actual message as a provider sends it: its contents as the body, typed by its metadata or V4 content type. */
function answerOf(actual: Json): { body: string; type: string } {
  const v4 = actual.contents && typeof actual.contents === "object" && "content" in actual.contents;
  const content = v4 ? actual.contents.content : actual.contents;
  const type = (v4 ? actual.contents.contentType : actual.metaData?.contentType) ?? "application/json";
  return { body: content === undefined ? "" : typeof content === "string" ? content : JSON.stringify(content), type };
}

const present = existsSync(ROOT);
if (!present) {
  console.log("Pact specification cases not found at ../shared/pact-suites: the message table is skipped");
  describe.skip("Pact specification message cases", () => it("needs ../shared/pact-suites", () => undefined));
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "mockpact-message-spec-"));
  const verdicts = new Map<string, Map<string, boolean>>();
  const tally: string[] = [];
  let server: http.Server;
  const answers = new Map<string, { body: string; type: string }>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const answer = answers.get(String(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}").description));
        if (!answer) return void res.writeHead(404).end();
        res.writeHead(200, { "content-type": answer.type }).end(answer.body);
      });
    });
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const version of Object.keys(VERSIONS)) {
      const cases = casesOf(version);
      for (const c of cases) answers.set(c.name, answerOf(c.actual));
      const file = path.join(dir, `${version}.json`);
      writeFileSync(file, JSON.stringify(pactOf(version, cases)));
      const result = await verifyProvider({ providerBaseUrl: url, pacts: [file], messagePath: "/messages" });
      verdicts.set(
        version,
        new Map(result.suites.flatMap((s) => s.cases.map((c) => [c.name, c.status === "passed"] as const))),
      );
    }
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    console.log(`Pact specification message cases through mockpact verify\n  ${tally.join("\n  ")}`);
  });

  for (const version of Object.keys(VERSIONS)) {
    const cases = casesOf(version);
    describe(`Pact specification ${version} message cases`, () => {
      it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(verdicts.get(version)?.get(c.name), c.name).toBe(c.match);
      });
      afterAll(() => {
        const agreed = cases.filter((c) => verdicts.get(version)?.get(c.name) === c.match).length;
        tally.push(`${version}: ${agreed}/${cases.length} agree`);
      });
    });
  }
}
