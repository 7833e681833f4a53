import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const CONTRACT = "test/contracts/echo/orders.yaml";

let echoing: RunningMock;
let plain: RunningMock;
beforeAll(async () => {
  [echoing, plain] = await Promise.all([
    startMock({ contracts: [CONTRACT], mocks: [] }),
    startMock({ contracts: [CONTRACT], mocks: [], echoParams: false }),
  ]);
});
afterAll(() => Promise.all([echoing.close(), plain.close()]));

describe("path parameters echoed into the answer", () => {
  // [what, path, request headers, the body with echo on, the body with --no-echo-params]
  const cases: Array<[string, string, Record<string, string>, unknown, unknown]> = [
    [
      "`id` receives the last `…Id` parameter",
      "/orders/o-42",
      {},
      { id: "o-42", total: 12.5 },
      { id: "o-1", total: 12.5 },
    ],
    [
      "a named example asked for by Prefer is answered as written (as Prism does)",
      "/orders/o-7",
      { prefer: "example=second" },
      { id: "o-2", total: 3 },
      undefined,
    ],
    [
      "an integer property gets the path read as a number",
      "/widgets/999999",
      {},
      { id: 999999, name: "sprocket" },
      { id: 12, name: "sprocket" },
    ],
    [
      "a value that would break the integer schema is left out",
      "/widgets/abc",
      {},
      { id: 12, name: "sprocket" },
      { id: 12, name: "sprocket" },
    ],
    ["a value that breaks the property's pattern is left out", "/codes/abcd", {}, { code: "ABC" }, { code: "ABC" }],
    ["a value that fits the pattern is echoed", "/codes/XYZ", {}, { code: "XYZ" }, { code: "ABC" }],
    [
      "the items of a list are other resources",
      "/lists/l-9/items",
      {},
      [{ listId: "l-1", id: "i-1" }],
      [{ listId: "l-1", id: "i-1" }],
    ],
  ];
  it.each(cases)("%s", async (_what, path, headers, echoed, unechoed) => {
    const on = await call(`${echoing.url}${path}`, { headers });
    expect(on.status).toBe(200);
    expect(on.json).toEqual(echoed);
    if (unechoed === undefined) return;
    const off = await call(`${plain.url}${path}`, { headers });
    expect(off.json).toEqual(unechoed);
  });

  it("echoes into a fake, and keeps the rest of the fake as it was", async () => {
    const on = await call(`${echoing.url}/users/u-5`);
    const off = await call(`${plain.url}/users/u-5`);
    expect(on.json.userId).toBe("u-5");
    expect(off.json.userId).not.toBe("u-5");
    expect(on.json.name).toBe(off.json.name);
  });

  it("echoes into fakes asked for by Prefer: dynamic=true", async () => {
    const on = await call(`${echoing.url}/orders/o-3`, { headers: { prefer: "dynamic=true" } });
    expect(on.json.id).toBe("o-3");
    expect(typeof on.json.total).toBe("number");
  });

  it("gives each request its own value while the cached answer stays the example", async () => {
    const first = await call(`${echoing.url}/orders/o-1000`);
    const second = await call(`${echoing.url}/orders/o-2000`);
    expect([first.json.id, second.json.id]).toEqual(["o-1000", "o-2000"]);
    expect((await call(`${plain.url}/orders/o-2000`)).json.id).toBe("o-1");
  });
});

describe("Content-Length of answers kept in the cache", () => {
  it("is the byte length of the body sent, for the cached bytes and for an echo that changes them", async () => {
    for (const path of ["/orders/o-1", "/orders/o-1", "/orders/o-123456789", "/orders/o-é", "/orders/o-1"]) {
      const res = await call(`${echoing.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(Number(res.headers.get("content-length")), path).toBe(Buffer.byteLength(res.text));
    }
  });
});
