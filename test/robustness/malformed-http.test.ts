/**
 * Malformed HTTP against a running mock. Each case sends what no well-behaved client sends,
 * checks the answer is a 4xx (or a close) in bounded time, then that a good request still works.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../support/mock-server.js";
import { expectClientAnswer, expectStillAnswers, startRobustMock } from "./support/mock.js";
import { head, rawExchange } from "./support/raw-http.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startRobustMock();
});
afterAll(() => mock?.close());

const API_KEY = { "X-API-Key": "k" };

/** A raw request; its answer must be a 4xx (or 2xx), never a 5xx or silence; then a good request works. */
async function expectHandled(
  chunks: Array<string | Buffer>,
  accept: (status: number) => boolean = (s) => s >= 400 && s < 500,
): Promise<number> {
  const exchange = await rawExchange(mock.url, chunks, { timeoutMs: 5_000 });
  expect(exchange.ended, exchange.text.slice(0, 300)).not.toBe("timeout");
  expectClientAnswer(exchange.status);
  expect(accept(exchange.status!), `status ${exchange.status}: ${exchange.text.slice(0, 300)}`).toBe(true);
  await expectStillAnswers(mock.url);
  return exchange.status!;
}

function jsonPost(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = API_KEY,
): Array<string | Buffer> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return [
    head("POST", path, { "Content-Type": "application/json", "Content-Length": String(bytes.length), ...headers }),
    bytes,
  ];
}

describe("malformed paths and queries", () => {
  it("answers invalid percent-encoding in a path with a 4xx", async () => {
    await expectHandled([head("GET", "/shop/products/%E0%A4%A")]);
    await expectHandled([head("GET", "/shop/products/%")]);
  });

  it("answers invalid UTF-8 in a path with a 4xx, escaped or raw", async () => {
    await expectHandled([head("GET", "/shop/products/%C3%28%FF")]);
    await expectHandled([Buffer.from(head("GET", "/shop/products/p-\xff\xfe"), "latin1")]);
  });

  it("answers invalid percent-encoding and UTF-8 in a query with 400", async () => {
    expect(await expectHandled([head("GET", "/shop/products?category=%ZZ&limit=%E0%A4%A")])).toBe(400);
    expect(await expectHandled([head("GET", "/shop/products?category=%C3%28")])).toBe(400);
    await expectHandled([Buffer.from(head("GET", "/shop/products?category=\xff\xfe"), "latin1")]);
  });

  it("refuses 10,000 query parameters on the wire (node's header limit), and answers them with bounded findings in the core", async () => {
    await expectHandled([head("GET", `/shop/products?${"tag=a&".repeat(10_000)}`)]);
    for (const url of [
      `/shop/products?${"tag=a&".repeat(10_000)}limit=5`,
      `/catalog/pets?${Array.from({ length: 10_000 }, (_, i) => `filter[k${i}]=v`).join("&")}`,
    ]) {
      const response = await mock.server.handle({ method: "GET", url, headers: { host: "x" }, body: undefined });
      expect(response.status).toBe(400);
      // Work in proportion to the input: at most one finding per parameter sent, and a header cut to its bound.
      const { violations } = JSON.parse(String(response.body)) as { violations: unknown[] };
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.length).toBeLessThanOrEqual(10_000);
      expect(response.headers["mockpact-violations"]!.length).toBeLessThanOrEqual(4096);
    }
  });

  it("answers a deepObject parameter nested 100,000 levels with 400, not a stack overflow", async () => {
    const response = await mock.server.handle({
      method: "GET",
      url: `/catalog/pets?filter${"[a]".repeat(100_000)}=1`,
      headers: { host: "x" },
      body: undefined,
    });
    expect(response.status).toBe(400);
    expect(response.headers["mockpact-violations"]).toContain("maxDepth");
    // On the wire the URL is capped by node's 16 KB header limit: 5,000 levels still fit.
    expect(await expectHandled([head("GET", `/catalog/pets?filter${"[a]".repeat(5_000)}=1`)])).toBe(400);
  });
});

describe("oversized and flooding headers", () => {
  it("refuses a 100 KB header value with a 4xx", async () => {
    await expectHandled([head("GET", "/shop/products/p-100", { "X-Big": "a".repeat(100 * 1024) })]);
  });

  it("refuses a flood of 5,000 headers, and answers 500 small ones (within the header limits of Node 20 to 24)", async () => {
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`X-H${i}`, "v"]));
    await expectHandled([head("GET", "/shop/products/p-100", many(5_000))]);
    expect(await expectHandled([head("GET", "/shop/products/p-100", many(500))], (s) => s === 200)).toBe(200);
  });
});

describe("bodies", () => {
  it("answers 413 to a declared body over the limit without reading it, and closes the connection", async () => {
    const exchange = await rawExchange(
      mock.url,
      [
        head("POST", "/shop/products", {
          "Content-Type": "application/json",
          "Content-Length": String(10 * 1024 * 1024),
          ...API_KEY,
        }),
      ],
      { timeoutMs: 5_000 },
    );
    expect(exchange.status).toBe(413);
    expect(exchange.text).toMatch(/connection: close/i);
    await expectStillAnswers(mock.url);
  });

  it("answers 413 to a chunked body that grows past the limit", async () => {
    const chunk = `${(32 * 1024).toString(16)}\r\n${"a".repeat(32 * 1024)}\r\n`;
    const chunks = Array.from({ length: 40 }, () => chunk); // 1.25 MB, over the default 1 MB
    const exchange = await rawExchange(
      mock.url,
      [
        head("POST", "/shop/products", {
          "Content-Type": "application/json",
          "Transfer-Encoding": "chunked",
          ...API_KEY,
        }),
        ...chunks,
      ],
      { timeoutMs: 5_000 },
    );
    expect(exchange.status).toBe(413);
    await expectStillAnswers(mock.url);
  });

  it("survives a truncated body from a client that gives up (half-close)", async () => {
    const exchange = await rawExchange(
      mock.url,
      [
        head("POST", "/shop/products", { "Content-Type": "application/json", "Content-Length": "1000", ...API_KEY }),
        '{"name":"trunc',
      ],
      { endAfterWrite: true, timeoutMs: 5_000 },
    );
    expect(exchange.ended).not.toBe("timeout");
    await expectStillAnswers(mock.url);
  });

  it("closes a connection whose body never finishes (request timeout)", async () => {
    const exchange = await rawExchange(
      mock.url,
      [
        head("POST", "/shop/products", { "Content-Type": "application/json", "Content-Length": "1000", ...API_KEY }),
        '{"name":"slow',
      ],
      { timeoutMs: 8_000, waitForClose: true },
    );
    expect(exchange.ended).toBe("closed");
    await expectStillAnswers(mock.url);
  });

  it("answers a 100,000-deep JSON body with 400 without parsing it (login documents no client error of its own)", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(await expectHandled(jsonPost("/shop/login", deep))).toBe(400);
    expect(
      await expectHandled(jsonPost("/shop/login", `{"name":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`)),
    ).toBe(400);
  });
});

describe("prototype pollution", () => {
  const polluted = () =>
    Object.prototype.hasOwnProperty.call(Object.prototype, "polluted") ||
    ({} as Record<string, unknown>).polluted !== undefined;

  it("takes JSON with duplicate keys (the last wins) and __proto__ keys without polluting Object.prototype", async () => {
    const body =
      '{"name":"a","name":"Widget","price":1,"price":2,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    await expectHandled(jsonPost("/shop/products", body), (s) => s === 201 || s === 422);
    await expectHandled(
      jsonPost(
        "/shop/orders",
        '{"__proto__":{"polluted":1},"items":[{"productId":"p-1","quantity":1,"__proto__":{"polluted":1}}]}',
        { Authorization: "Bearer t" },
      ),
    );
    expect(polluted()).toBe(false);
  });

  it("takes __proto__ in deepObject queries, form bodies and multipart field names without polluting Object.prototype", async () => {
    await expectHandled(
      [head("GET", "/catalog/pets?filter[__proto__][polluted]=1&filter[constructor][prototype][polluted]=1")],
      (s) => s < 500,
    );
    const form = "username=ada&password=pw&__proto__[polluted]=1&constructor[prototype][polluted]=1";
    await expectHandled(
      [
        head("POST", "/shop/login", {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(form.length),
        }),
        form,
      ],
      (s) => s < 500,
    );
    const boundary = "robustness";
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = `${part("__proto__", "x")}${part("__proto__[polluted]", "1")}${part("file", "png")}--${boundary}--\r\n`;
    await expectHandled(
      [
        head("POST", "/shop/products/p-100/image", {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(multipart.length),
          ...API_KEY,
        }),
        multipart,
      ],
      (s) => s < 500,
    );
    expect(polluted()).toBe(false);
  });
});

describe("slow clients", () => {
  it("closes a connection whose headers never finish (headers timeout)", async () => {
    const exchange = await rawExchange(mock.url, ["GET /shop/products/p-100 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "], {
      timeoutMs: 8_000,
      waitForClose: true,
    });
    expect(exchange.ended).toBe("closed");
    expect(exchange.status).toBe(408); // closed by the timeout (and saying so), not refused as malformed
    await expectStillAnswers(mock.url);
  });

  it("closes many idle half-open connections and keeps answering meanwhile", async () => {
    const pending = Array.from({ length: 50 }, () =>
      rawExchange(mock.url, ["GET / HTTP/1.1\r\n"], { timeoutMs: 8_000, waitForClose: true }),
    );
    await expectStillAnswers(mock.url);
    for (const exchange of await Promise.all(pending)) expect(exchange.ended).toBe("closed");
  });
});
