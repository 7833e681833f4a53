import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "../../src/index.js";
import { MockpactError } from "../../src/errors.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const CONTRACT = `openapi: 3.0.3
info: { title: Echo, version: "1" }
paths:
  /echo/{id}:
    post:
      operationId: echo
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
        - { name: x-case, in: header, schema: { type: string } }
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses:
        "200": { description: Anything., content: { application/json: { schema: {} } } }
`;

const BODY = {
  items: [
    { sku: "a", qty: 2 },
    { sku: "b", qty: 7 },
    { sku: "c", qty: 9 },
  ],
  start: "2026-01-31",
  total: "12.5",
  name: "Ada",
  big: Array.from({ length: 200 }, (_, i) => i),
  n: 1e9,
  long: "x".repeat(10_000),
};
const DAY = 86_400_000;
type Expected = unknown | ((value: any) => boolean);

/** Template -> what the answer carries, for the request above (`POST /echo/42`). */
const RENDERS: Array<[string, Expected]> = [
  ["{{now format='yyyy'}}", (v: string) => Math.abs(Number(v) - new Date().getUTCFullYear()) <= 1],
  ["{{now offset='+3 days' format='epoch'}}", (v: number) => Math.abs(v - Date.now() - 3 * DAY) < DAY],
  ["{{now}}", (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(v)],
  ["{{date request.body.start offset='+1 months' format='yyyy-MM-dd'}}", "2026-02-28"],
  ["{{date request.body.start offset='-1 days 2 hours'}}", "2026-01-30T02:00:00Z"],
  ["{{date (parseDate '31/01/2026' format='dd/MM/yyyy') format='unix'}}", 1769817600],
  ["{{#if (gt request.body.items.[1].qty 5)}}many{{else}}few{{/if}}", "many"],
  ["{{#each request.body.items}}{{sku}}={{@index}}{{#unless @last}},{{/unless}}{{/each}}", "a=0,b=1,c=2"],
  ["{{#with request.body}}{{name}}{{/with}}", "Ada"],
  ["{{eq request.path.id 42}}", true],
  ["{{eq request.path.id '42'}}", true],
  ["{{ne request.body.name 'Ada'}}", false],
  ["{{and (lt 2 10) (gte 3 3) (lte 1 1) (not false)}}", true],
  ["{{or (eq 1 2) (gt 'b' 'a')}}", true],
  ["{{add request.path.id 1}}", 43],
  ["{{subtract 10 request.body.items.[0].qty}}", 8],
  ["{{multiply request.body.total 2}}", 25],
  ["{{divide 7 2}}", 3.5],
  ["total: {{add 1 2 3}}", "total: 6"],
  ["{{jsonPath request.body '$.items[?(@.qty > 5)].sku'}}", ["b", "c"]],
  ["{{jsonPath request.body '$.items[0].sku'}}", "a"],
  ["{{jsonPath request.body '$.nothing'}}", undefined],
  ["{{randomInt lower=1 upper=3}}", (v: number) => Number.isInteger(v) && v >= 1 && v <= 3],
  ["{{uuid}}", (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v)],
  ["{{faker 'number.int' min=1 max=9}}", (v: number) => Number.isInteger(v) && v >= 1 && v <= 9],
  ["{{faker 'string.alpha' 4}}", (v: string) => /^[A-Za-z]{4}$/.test(v)],
  ["{{faker.person.firstName}}", (v: string) => /^[A-Z]/.test(v)],
  ["{{request.body.items[1].sku}}", "b"],
  ["{{request.body.items}}", BODY.items],
  ["{{request.headers.X-Case}}", "render"],
  ["<{{request.body.name}} & co>", "<Ada & co>"], // no HTML escaping: answers are JSON, not pages
];

/** Templates the sandbox refuses at load: a MOCKS_INVALID naming the file, the line and the field. */
const REFUSED: Array<[string, RegExp]> = [
  ["{{request.constructor}}", /reads "constructor"/],
  ["{{request.body.__proto__.polluted}}", /reads "__proto__"/],
  ["{{#each request.body.items}}{{constructor.constructor}}{{/each}}", /reads "constructor"/],
  ["{{this.constructor}}", /reads "constructor"/],
  ["{{> evil}}", /partials and decorators/],
  ['{{#*inline "p"}}{{> p}}{{/inline}}{{> p}}', /partials and decorators/],
  ["{{lookup request 'constructor'}}", /lookup is not a template helper/],
  ["{{log 'x'}}", /log is not a template helper/],
  ["{{process.env.HOME}}", /must start with request/],
  ["{{request.cookie.x}}", /is not one of request\.method/],
  ["{{faker request.body.name}}", /name written in the template/],
  ["{{faker 'person.firstName.call'}}", /names no faker function/],
  ["{{faker '__proto__.constructor'}}", /names no faker function/],
  ["{{faker 'string.alpha' 100000}}", /at most 1000/],
  ["{{now offset='3 fortnights'}}", /offset '3 fortnights'/],
  ["{{now format='yyyy-MM-dd jj'}}", /format 'yyyy-MM-dd jj'/],
  ["{{jsonPath request.body 'items'}}", /must start with \$/],
  ["{{jsonPath request.body '$.items[?(@.sku.match(/a/))].sku'}}", /JSONPath "\$\.items/],
  ["{{add 1}}", /two numbers or more/],
  ["{{#if request.body}}open", /does not parse/],
];

/** Templates that compile, but whose request asks too much: a 500 naming why, and the server goes on. */
const TOO_MUCH: Array<[string, RegExp]> = [
  [
    "{{#each request.body.big}}{{#each @root.request.body.big}}{{#each @root.request.body.big}}x{{/each}}{{/each}}{{/each}}",
    /each went over 10000 items/,
  ],
  ["{{#each request.body.big}}{{@root.request.body.long}}{{/each}}", /went over 1000000 characters/],
  ["{{faker 'string.alpha' request.body.n}}", /at most 1000/],
  ["{{divide 1 0}}", /divide by zero/],
  ["{{date request.body.name}}", /"Ada" is not a date/],
];

const entry = (name: string, template: string) =>
  `- operation: echo\n  when: { headers: { x-case: ${JSON.stringify(name)} } }\n  respond:\n    template: true\n    body: { value: ${JSON.stringify(template)} }\n`;

let temp: Awaited<ReturnType<typeof tempDir>>;
let contract: string;
const servers: RunningMock[] = [];
beforeAll(async () => {
  temp = await tempDir();
  contract = await temp.write("echo.yaml", CONTRACT);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await temp.remove();
});

async function serve(entries: string, seed = 1, file = `mocks-${servers.length}.yaml`): Promise<RunningMock> {
  const mocks = await temp.write(file, entries);
  const mock = await startMock({ contracts: [contract], mocks: [mocks], seed });
  servers.push(mock);
  return mock;
}

const post = (mock: RunningMock, name: string) =>
  call(`${mock.url}/echo/42`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-case": name },
    body: JSON.stringify(BODY),
  });

describe("template helpers", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await serve(
      [...RENDERS.map(([t], i) => entry(`render ${i}`, t)), entry("render", "{{request.headers.X-Case}}")].join(""),
    );
  });

  it.each(RENDERS.map(([template, expected], i) => [template, expected, i] as const))(
    "%s",
    async (_template, expected, i) => {
      const name = _template.includes("X-Case") ? "render" : `render ${i}`;
      const res = await post(mock, name);
      expect(res.status, res.text).toBe(200);
      if (typeof expected === "function")
        expect((expected as (v: unknown) => boolean)(res.json.value), JSON.stringify(res.json)).toBe(true);
      else expect(res.json.value).toEqual(expected);
    },
  );

  it("draws random values from the faker seeded by --seed and the request: same seed, same values; another seed, others", async () => {
    const drawing = ["{{randomInt lower=1 upper=1000000}}", "{{uuid}}", "{{faker 'number.int' min=1 max=1000000}}"]
      .map((t, i) => entry(`draw ${i}`, t))
      .join("");
    const [a, b, c] = [
      await serve(drawing, 5, "draw.yaml"),
      await serve(drawing, 5, "draw.yaml"),
      await serve(drawing, 6, "draw.yaml"),
    ];
    for (const i of [0, 1, 2]) {
      const first = (await post(a!, `draw ${i}`)).json.value;
      expect((await post(a!, `draw ${i}`)).json.value).toEqual(first);
      expect((await post(b!, `draw ${i}`)).json.value).toEqual(first);
      expect((await post(c!, `draw ${i}`)).json.value).not.toEqual(first);
    }
  });
});

describe("the template sandbox", () => {
  let hostile: RunningMock | undefined;
  it.each(REFUSED)("refuses %s at load, naming the file, line and field", async (template, message) => {
    const mocks = await temp.write("refused.yaml", `# a comment\n${entry("x", template)}`);
    const error = await createMockServer({ contracts: [contract], mocks: [mocks], admin: false }).then(
      (server) => server.close().then(() => undefined),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MockpactError);
    expect((error as MockpactError).code).toBe("MOCKS_INVALID");
    expect((error as MockpactError).message).toMatch(message);
    expect((error as MockpactError).message).toContain("at /respond/body/value");
    expect((error as MockpactError).place).toMatchObject({ file: mocks, line: 6 });
  });

  it.each(TOO_MUCH.map(([template, message], i) => [template, message, i] as const))(
    "answers %s with a 500 that says why, and goes on serving",
    async (template, message, i) => {
      const mock = (hostile ??= await serve(TOO_MUCH.map(([t], j) => entry(`hostile ${j}`, t)).join("")));
      const res = await post(mock, `hostile ${i}`);
      expect(res.status).toBe(500);
      expect(res.json.detail).toMatch(message);
      expect(res.json.detail).toMatch(/Failed to render the template of override .*mocks-\d+\.yaml:\d+/);
      expect((await post(mock, "render 0")).status).toBe(200); // falls through to the generated answer
    },
  );
});
