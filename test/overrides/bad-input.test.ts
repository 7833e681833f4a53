import { rename, writeFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createMockServer, type MockEvent } from "../../src/index.js";
import { call } from "../support/mock-server.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { tempDir, until } from "../support/mocks.js";

const CONTRACT = "test/contracts/tasks.yaml";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function mocksFile(text: string): Promise<string> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  return temp.write("bad.yaml", text);
}

async function loadError(
  text: string,
): Promise<{ code: string; message: string; place: { file?: string; line?: number } }> {
  const file = await mocksFile(text);
  const error = await createMockServer({ contracts: [CONTRACT], mocks: [file] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the load should fail").toBeDefined();
  const { code, message, place } = error as { code: string; message: string; place: { file?: string; line?: number } };
  expect(place.file).toBe(file);
  return { code, message, place };
}

const GOOD =
  "- operation: getTask\n  when: { path: { taskId: 1 } }\n  respond: { body: { id: 1, title: good, done: false, createdAt: '2024-01-01T00:00:00Z' } }\n";

describe("a mocks file that cannot be used", () => {
  it("a YAML error: MOCKS_PARSE at its line", async () => {
    const error = await loadError("- operation: getTask\n  respond:\n    body: { id: 1\n  when: x\n");
    expect(error.code).toBe("MOCKS_PARSE");
    expect(error.place.line).toBe(4);
  });

  it("an unknown operation: MOCKS_OPERATION_UNKNOWN at its line, with the closest name", async () => {
    const error = await loadError(`${GOOD}\n- operation: getTsk\n  respond: { status: 404 }\n`);
    expect(error.code).toBe("MOCKS_OPERATION_UNKNOWN");
    expect(error.place.line).toBe(5);
    expect(error.message).toMatch(/"getTsk".*did you mean "getTask"/);
  });

  it("an invalid delay: MOCKS_INVALID at the delay's line, saying what a delay looks like", async () => {
    const error = await loadError(`${GOOD}- operation: getTask\n  respond:\n    status: 404\n    delay: fast\n`);
    expect(error.code).toBe("MOCKS_INVALID");
    expect(error.place.line).toBe(7);
    expect(error.message).toMatch(/"fast" is not a delay such as 250ms/);
    expect((await loadError("- operation: getTask\n  respond: { delay: 400ms-100ms }\n")).message).toMatch(
      /starts above its end/,
    );
  });

  it("an unknown field, a bad template, an unknown example, two bodies: MOCKS_INVALID naming each", async () => {
    expect((await loadError("- operation: getTask\n  respnd: {}\n")).message).toMatch(/`respnd` is not a field/);
    expect(
      (await loadError("- operation: getTask\n  respond: { template: true, body: '{{request.cookie.x}}' }\n")).message,
    ).toMatch(/request\.cookie\.x/);
    expect(
      (await loadError("- operation: getTask\n  respond: { template: true, body: '{{faker.person.nope}}' }\n")).message,
    ).toMatch(/names no faker function/);
    expect((await loadError("- operation: getTask\n  respond: { example: nope }\n")).message).toMatch(
      /no example named "nope"/,
    );
    expect((await loadError("- operation: getTask\n  respond: { body: {}, fake: true }\n")).message).toMatch(
      /give one of body, example or fake/,
    );
    expect((await loadError("- operation: getTask\n  when: { body: { status: x } }\n")).message).toMatch(/JSONPath/);
    expect((await loadError("- operation: getTask\n  respond: { status: 418 }\n")).message).toMatch(
      /documents no response for status 418/,
    );
    expect((await loadError("- operation: getTask\n  respond: { headers: { x mock: 1 } }\n")).message).toMatch(
      /"x mock" is not a valid header name/,
    );
  });

  it("an operationId two contracts share: MOCKS_OPERATION_UNKNOWN, unless `contract` says which", async () => {
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const ping = (base: string) =>
      `openapi: 3.0.3\ninfo: { title: P, version: "1" }\nservers: [{ url: ${base} }]\npaths:\n  /ping:\n    get:\n      operationId: ping\n      responses: { "200": { description: ok } }\n`;
    const contracts = [await temp.write("a.yaml", ping("/a")), await temp.write("b.yaml", ping("/b"))];
    const entry = "- operation: ping\n  respond: { status: 200, headers: { x-mock: b } }\n";
    const ambiguous = await temp.write("m1.yaml", entry);
    await expect(createMockServer({ contracts, mocks: [ambiguous] })).rejects.toMatchObject({
      code: "MOCKS_OPERATION_UNKNOWN",
      message: expect.stringMatching(/several contracts \(a\.yaml, b\.yaml\)/),
    });
    const chosen = await temp.write("m2.yaml", `${entry}  contract: b.yaml\n`);
    const server = await createMockServer({ contracts, mocks: [chosen] });
    expect((await server.handle({ method: "GET", url: "/b/ping", headers: {} })).headers["x-mock"]).toBe("b");
    expect((await server.handle({ method: "GET", url: "/a/ping", headers: {} })).headers["x-mock"]).toBeUndefined();
    await server.close();
  });

  it("a --mocks path that does not exist: MOCKS_NOT_FOUND", async () => {
    await expect(createMockServer({ contracts: [CONTRACT], mocks: ["no/such/mocks"] })).rejects.toMatchObject({
      code: "MOCKS_NOT_FOUND",
    });
  });

  it("makes `mockpact mock` exit 2 naming the file and line", async () => {
    const file = await mocksFile(`${GOOD}- operation: getTask\n  respond: { delay: soon }\n`);
    const run = await runCliInProcess(["mock", CONTRACT, "--mocks", file, "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`MOCKS_INVALID ${file}:5:`);
  });
});

describe("flags that cannot be used", () => {
  it.each([
    [["--latency", "fast"], /--latency: "fast"/],
    [["--fault-rate", "2"], /--fault-rate: "2"/],
    [["--faults", "reset,boom"], /--faults: "reset,boom"/],
    [["--journal-size", "-1"], /--journal-size: "-1"/],
    [["--admin-prefix", "/"], /--admin-prefix: "\/"/],
  ])("%s exits 2 with OPTION_INVALID", async (flags, message) => {
    const run = await runCliInProcess(["mock", CONTRACT, "--port", "0", ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPTION_INVALID/);
    expect(run.stderr).toMatch(message);
  });
});

describe("--watch with mocks files", () => {
  it("reloads an edited mocks file, and keeps the last good mocks when an edit breaks it", async () => {
    const file = await mocksFile(GOOD);
    const events: MockEvent[] = [];
    const server = await createMockServer({
      contracts: [CONTRACT],
      mocks: [file],
      watch: true,
      onEvent: (e) => events.push(e),
    });
    const url = await server.listen(0);
    cleanups.push(() => server.close());
    const title = async () => (await call(`${url}/api/tasks/1`)).json.title;
    expect(await title()).toBe("good");

    await writeFile(`${file}.tmp`, GOOD.replace("good", "edited"));
    await rename(`${file}.tmp`, file); // as editors save
    await until(async () => (await title()) === "edited");

    await writeFile(file, `${GOOD.replace("good", "broken")}- operation: getTask\n  respond: { delay: 10 minutes }\n`);
    await until(() => events.some((e) => e.type === "reload-failed"));
    const failed = events.find((e) => e.type === "reload-failed") as Extract<MockEvent, { type: "reload-failed" }>;
    expect(failed.error).toMatchObject({ code: "MOCKS_INVALID", place: { file, line: 5 } });
    expect(await title()).toBe("edited");
  });
});
