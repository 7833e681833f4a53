import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "../../src/index.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const CONTRACT = "test/contracts/tasks.yaml";
const task = (title: string) =>
  `{ status: 201, headers: { x-mock: ${title}, location: /api/tasks/1 }, body: { id: 1, title: ${title}, done: false, createdAt: "2024-01-01T00:00:00Z" } }`;

/** Each entry says who answered in `x-mock`; the order in the file is not the order tried where priorities say otherwise. */
const MOCKS = `
- operation: createTask
  when: { body: { "$.title": { regex: "urgent-.*" } } }
  respond: ${task("regex")}
- operation: createTask
  priority: 1
  when: { body: { "$.title": { contains: "-vip" } } }
  respond: ${task("priority")}
- operation: createTask
  when: { body: { "$.tags[?(@ == 'blue')]": { present: true }, "$.done": { not: true } } }
  respond: ${task("filter")}
- operation: createTask
  when: { body: { "$": { equalToJson: { title: same, done: true, secret: x }, ignore: [$.secret] } } }
  respond: ${task("json")}
- operation: createTask
  when: { headers: { x-trace: { regex: "[0-9a-f]{8}" } }, body: { "$.secret": { absent: true } } }
  respond: ${task("header")}
- operation: createTask
  when: { body: { "$.tags[0]": { regex: "(a|aa)+" } } }
  respond: ${task("hostile")}
- operation: listTasks
  when: { query: { limit: { gte: 20, lte: 30 }, done: { absent: true } } }
  respond: { headers: { x-mock: range }, body: { items: [], total: 0 } }
`;

let mock: RunningMock;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.remove;
  mock = await startMock({ contracts: [CONTRACT], mocks: [await temp.write("matchers.yaml", MOCKS)] });
});
afterAll(async () => {
  await mock.close();
  await cleanup();
});

async function create(body: object, headers: Record<string, string> = {}): Promise<string | null> {
  const res = await call(`${mock.url}/api/tasks`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return res.headers.get("x-mock");
}

/** [case, request body, request headers, who answers] */
const REQUESTS: Array<[string, object, Record<string, string>, string | null]> = [
  ["a regex on a body field", { title: "urgent-fix" }, {}, "regex"],
  ["a lower priority number wins over file order", { title: "urgent-vip" }, {}, "priority"],
  ["a JSONPath filter and a not", { title: "t", tags: ["red", "blue"], done: false }, {}, "filter"],
  ["the filter finds nothing", { title: "t", tags: ["red"], done: false }, {}, null],
  ["not holds against a missing field", { title: "t", tags: ["blue"] }, {}, "filter"],
  ["equalToJson with an ignored field", { title: "same", done: true, secret: "other" }, {}, "json"],
  ["equalToJson: a field differs", { title: "same", done: false, secret: "x" }, {}, null],
  ["a header regex and an absent body field", { title: "t" }, { "x-trace": "0a1b2c3d" }, "header"],
  ["the absent field is there", { title: "t", secret: "s" }, { "x-trace": "0a1b2c3d" }, null],
];

describe("matchers in overrides, through HTTP", () => {
  it.each(REQUESTS)("%s", async (_name, body, headers, expected) => expect(await create(body, headers)).toBe(expected));

  it.each([
    ["/api/tasks?limit=25", "range"],
    ["/api/tasks?limit=20", "range"],
    ["/api/tasks?limit=31", null],
    ["/api/tasks?limit=25&done=true", null],
  ])("numeric range and absent on the query: %s", async (path, expected) => {
    expect((await call(`${mock.url}${path}`)).headers.get("x-mock")).toBe(expected);
  });

  it("keeps a catastrophic regex from stalling the server: the request is answered", async () => {
    expect(await create({ title: "t", tags: [`${"a".repeat(20_000)}b`] })).toBeNull();
    expect(await create({ title: "t", tags: ["a".repeat(20_000)] })).toBe("hostile");
  });
});

async function loadError(
  text: string,
): Promise<{ code: string; message: string; place: { line?: number; pointer?: string } }> {
  const temp = await tempDir();
  try {
    const file = await temp.write("bad.yaml", text);
    const error = (await createMockServer({ contracts: [CONTRACT], mocks: [file] }).then(
      () => undefined,
      (e: unknown) => e,
    )) as { code: string; message: string; place: { line?: number; pointer?: string } } | undefined;
    if (!error) throw new Error("the load should fail");
    return error;
  } finally {
    await temp.remove();
  }
}

describe("matchers that cannot be used: MATCHER_INVALID with the JSON pointer and line", () => {
  it.each([
    [
      "- operation: listTasks\n  when:\n    query:\n      limit: { gt: ten }\n",
      "/when/query/limit/gt",
      4,
      /gt takes a number/,
    ],
    [
      "- operation: listTasks\n  when:\n    headers:\n      x-a: { regx: a }\n",
      "/when/headers/x-a/regx",
      4,
      /"regx" is not a matcher keyword/,
    ],
    [
      "- operation: createTask\n  when:\n    body:\n      $.title: { regex: '(' }\n",
      "/when/body/$.title/regex",
      4,
      /does not compile/,
    ],
    [
      "- operation: createTask\n  when:\n    body:\n      '$.tags[?(@.length.toString())]': { present: true }\n",
      "/when/body/$.tags[?(@.length.toString())]",
      4,
      /function call/,
    ],
    [
      "- operation: createTask\n  when:\n    body:\n      $.title:\n        or:\n          - a\n          - { lt: b }\n",
      "/when/body/$.title/or/1/lt",
      7,
      /lt takes a number/,
    ],
  ])("%j", async (text, pointer, line, message) => {
    const error = await loadError(text);
    expect(error).toMatchObject({ code: "MATCHER_INVALID", place: { pointer, line } });
    expect(error.message).toContain(`at ${pointer}:`);
    expect(error.message).toMatch(message);
  });

  it("a priority that is not a positive integer is a MOCKS_INVALID at its line", async () => {
    const error = await loadError("- operation: listTasks\n  priority: first\n");
    expect(error).toMatchObject({ code: "MOCKS_INVALID", place: { line: 2 } });
  });
});
