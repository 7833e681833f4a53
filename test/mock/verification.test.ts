import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../support/mock-server.js";

let mock: RunningMock;
const post = (productId: string, quantity: number) =>
  fetch(`${mock.url}/shop/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer t-secret" },
    body: JSON.stringify({
      items: [{ productId, quantity }],
      shippingAddress: { line1: "1 Rue", city: "Paris", postalCode: "75001", country: "FR" },
    }),
  });
beforeAll(async () => {
  mock = await startMock({ contracts: ["contracts/shop.yaml"] });
  await post("p-100", 2);
  await post("p-100", 3);
  await fetch(`${mock.url}/shop/products?category=garden`);
});
afterAll(() => mock.close());

describe("mock.verify", () => {
  it.each([
    [{ operation: "createOrder", times: 2 }],
    [{ operation: "createOrder", atLeast: 1 }],
    [{ operation: "createOrder", atMost: 2 }],
    [{ operation: "createOrder", body: { "$.items[0].quantity": 3 } }],
    [{ operation: "cancelOrder", times: 0 }],
    [{ method: "GET", path: "/shop/products", query: { category: "garden" }, times: 1 }],
  ])("resolves for %j", async (expectation) => {
    await expect(mock.server.verify(expectation)).resolves.toBeUndefined();
  });

  it("fails with the closest requests and the field that differs in each", async () => {
    const error = await mock.server
      .verify({ operation: "createOrder", times: 1, body: { "$.items[0].quantity": 5 } })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(
      'Expected exactly 1 request(s) matching {"operation":"createOrder","body":{"$.items[0].quantity":5}}, found 0',
    );
    expect(message).toContain("Closest requests:");
    expect(message).toMatch(
      /#2 POST \/shop\/orders \(createOrder\) -> 201\n {4}body \$\.items\[0\]\.quantity: expected 5, got 3/,
    );
    expect(message).toMatch(
      /#1 POST \/shop\/orders \(createOrder\) -> 201\n {4}body \$\.items\[0\]\.quantity: expected 5, got 2/,
    );
  });

  it("lists the matching requests when there are too many", async () => {
    const error = (await mock.server.verify({ operation: "createOrder", times: 1 }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /Expected exactly 1 .* found 2[\s\S]*Matching requests:\n {2}#2 POST \/shop\/orders[\s\S]*#1 POST/,
    );
  });

  it("never shows a credential's value in a difference", async () => {
    const error = (await mock.server
      .verify({ operation: "createOrder", headers: { authorization: "Bearer other" } })
      .catch((e: Error) => e)) as Error;
    expect(error.message).toContain('headers.authorization: expected "Bearer other", got "[redacted]"');
    expect(error.message).not.toContain("t-secret");
  });

  it.each([
    [{ times: -1 }, /times takes a whole number/],
    [{ times: 1, atLeast: 1 }, /not both/],
    [{ operation: "createOrdr" }, /no loaded contract has an operation "createOrdr"/],
  ])("refuses %j with MATCHER_INVALID", async (expectation, message) => {
    await expect(mock.server.verify(expectation)).rejects.toMatchObject({
      code: "MATCHER_INVALID",
      message: expect.stringMatching(message),
    });
  });
});

describe("mock.requests and mock.resetJournal", () => {
  it("returns the matching requests newest first, then forgets them all", async () => {
    const found = await mock.server.requests({ operation: "createOrder" });
    expect(found.map((r) => r.seq)).toEqual([2, 1]);
    expect(found[0]!.headers.authorization).toBe("[redacted]");
    expect(await mock.server.requests()).toHaveLength(3);
    await mock.server.resetJournal();
    expect(await mock.server.requests()).toHaveLength(0);
    await expect(mock.server.verify({ operation: "createOrder" })).rejects.toThrow(
      /found 0[\s\S]*No request reached the mock/,
    );
  });
});
