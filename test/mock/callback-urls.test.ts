/** Runtime expressions of callback keys, and the hosts a callback may call: golden tables. */
import { describe, expect, it } from "vitest";
import { resolveCallbackUrl, type ExpressionSource } from "../../src/mock/outgoing/expressions.js";
import { refusalOf } from "../../src/mock/outgoing/policy.js";

const source: ExpressionSource = {
  origin: "http://127.0.0.1:4010",
  request: {
    method: "post",
    url: "/api/payments/p1?notify=http%3A%2F%2F127.0.0.1%3A9000%2Fn&tag=a%20b",
    headers: { "x-callback": "http://localhost:7000/cb", "x-list": ["one", "two"] },
    body: new TextEncoder().encode(
      JSON.stringify({
        callbackUrl: "http://127.0.0.1:9000/hooks",
        nested: { "a/b": 5 },
        items: [{ id: "i-1" }],
        empty: null,
      }),
    ),
  },
  pathParams: () => ({ paymentId: "p1" }),
  response: {
    status: 201,
    headers: { location: "/api/payments/p1" },
    body: JSON.stringify({ id: "pay 42", total: 9.5 }),
  },
};

describe("runtime expressions in a callback URL", () => {
  const cases: Array<[string, string]> = [
    ["{$request.body#/callbackUrl}", "http://127.0.0.1:9000/hooks"],
    ["{$request.body#/callbackUrl}/events", "http://127.0.0.1:9000/hooks/events"],
    ["{$request.query.notify}/read", "http://127.0.0.1:9000/n/read"],
    ["{$request.header.X-Callback}", "http://localhost:7000/cb"],
    ["{$request.header.x-list}", "one"],
    ["http://127.0.0.1:1/{$request.path.paymentId}", "http://127.0.0.1:1/p1"],
    ["http://127.0.0.1:1/x?id={$response.body#/id}", "http://127.0.0.1:1/x?id=pay%2042"],
    [
      "http://127.0.0.1:1/x?v={$request.body#/nested/a~1b}&i={$request.body#/items/0/id}",
      "http://127.0.0.1:1/x?v=5&i=i-1",
    ],
    ["http://127.0.0.1:1/{$method}/{$statusCode}", "http://127.0.0.1:1/POST/201"],
    [
      "http://127.0.0.1:1/?from={$url}",
      `http://127.0.0.1:1/?from=${encodeURIComponent("http://127.0.0.1:4010/api/payments/p1?notify=http%3A%2F%2F127.0.0.1%3A9000%2Fn&tag=a%20b")}`,
    ],
    ["http://127.0.0.1:1{$response.header.location}", "http://127.0.0.1:1%2Fapi%2Fpayments%2Fp1"],
    ["http://127.0.0.1:1/?q={$request.query.tag}", "http://127.0.0.1:1/?q=a%20b"],
  ];
  it.each(cases)("%s -> %s", (template, url) =>
    expect(resolveCallbackUrl(template, source)).toEqual({ ok: true, url }),
  );

  const unresolved: Array<[string, string]> = [
    ["{$request.body#/missing}", "{$request.body#/missing}"],
    ["{$request.body#/empty}", "{$request.body#/empty}"],
    ["{$request.query.none}/x?{$response.header.none}", "{$request.query.none}, {$response.header.none}"],
    ["{$response.query.x}", "{$response.query.x}"],
    ["{$nonsense}", "{$nonsense}"],
  ];
  it.each(unresolved)("%s has no value", (template, named) => {
    expect(resolveCallbackUrl(template, source)).toEqual({
      ok: false,
      reason: `the runtime expression ${named} has no value in this exchange`,
    });
  });
});

describe("the hosts a callback may call", () => {
  const cases: Array<[string, string[], string | undefined]> = [
    ["http://127.0.0.1:9000/x", [], undefined],
    ["http://127.8.9.10/x", [], undefined],
    ["https://localhost/x", [], undefined],
    ["http://receiver.localhost:8080/x", [], undefined],
    ["http://[::1]:9000/x", [], undefined],
    ["http://hooks.example.test/x", [], "hooks.example.test is not loopback and not in --allow-callbacks-to"],
    ["http://hooks.example.test/x", ["hooks.example.test"], undefined],
    ["https://hooks.example.test:8443/x", ["hooks.example.test:8443"], undefined],
    [
      "https://hooks.example.test/x",
      ["hooks.example.test:8443"],
      "hooks.example.test is not loopback and not in --allow-callbacks-to",
    ],
    ["https://hooks.example.test/x", ["hooks.example.test:443"], undefined],
    ["http://127.0.0.1.nip.io/x", [], "127.0.0.1.nip.io is not loopback and not in --allow-callbacks-to"],
    ["http://10.0.0.1/x", [], "10.0.0.1 is not loopback and not in --allow-callbacks-to"],
    ["http://user:secret@127.0.0.1/x", [], "a URL with credentials in it is not called"],
    ["ftp://127.0.0.1/x", [], "ftp: URLs are not called (http and https only)"],
    ["/relative", [], '"/relative" is not an absolute URL'],
    ["", [], "the URL is empty"],
  ];
  it.each(cases)("%s with %j", (url, allowed, refusal) => expect(refusalOf(url, allowed)).toBe(refusal));
});
