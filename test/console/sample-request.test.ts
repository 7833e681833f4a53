import { describe, expect, it } from "vitest";
import { loadContract } from "../../src/contract/index.js";
import { sampleRequest } from "../../src/console/sample-request.js";

describe("the console's try-it request, built from the contract", async () => {
  const shop = await loadContract("contracts/shop.yaml");
  const operation = (id: string) => shop.operations.find((o) => o.operationId === id)!;

  it("fills path parameters from the parameter's example, under the base path", () => {
    expect(sampleRequest(shop, operation("getProduct")).path).toBe("/shop/products/p-100");
  });

  it("adds a credential of the first security requirement, and the first body example", () => {
    const sample = sampleRequest(shop, operation("createProduct"));
    expect(sample.headers).toEqual({ "X-API-Key": "console-key" });
    expect(sample).toMatchObject({ mediaType: "application/json", body: { name: "Steel widget", price: 9.99 } });
  });

  it("gives every operation of the sample contracts a path without template braces", async () => {
    for (const file of ["contracts/shop.yaml", "contracts/legacy-inventory.json", "contracts/catalog-faker.yaml"]) {
      const contract = await loadContract(file);
      for (const op of contract.operations)
        expect(sampleRequest(contract, op).path, op.operationId).not.toMatch(/[{}]/);
    }
  });
});
