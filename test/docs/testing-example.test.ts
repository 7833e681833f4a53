/**
 * The vitest example of docs/testing.md, run as written: the block between the markers below is the
 * doc's ```ts block (a test compares them), with the import of the package pointed at the sources.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMockServer } from "../../src/index.js";

// example:start
describe("the product page's client", () => {
  it("asks for the product once, and shows the override's answer", async () => {
    const mock = await createMockServer({ contracts: ["contracts/shop.yaml"], mocks: [] });
    const url = await mock.listen(0); // port 0: a free port
    try {
      mock.use({ operation: "getProduct", when: { path: { productId: "p-1" } }, respond: { status: 404 } });

      const response = await fetch(`${url}/shop/products/p-1`); // the client code under test
      expect(response.status).toBe(404);

      await mock.verify({ operation: "getProduct", times: 1, pathParams: { productId: "p-1" } });
    } finally {
      await mock.close();
    }
  });
});
// example:end

describe("docs/testing.md's vitest example", () => {
  it("is the code above, as written", () => {
    const self = readFileSync(new URL(import.meta.url), "utf8");
    const code = self.slice(self.indexOf("// example:start\n") + 17, self.indexOf("// example:end"));
    const doc = readFileSync("docs/testing.md", "utf8");
    const block = /```ts\n((?:import[^\n]*\n)+)\n([\s\S]*?)```/.exec(doc);
    expect(block, "docs/testing.md has a ```ts block that starts with its imports").not.toBeNull();
    expect(block![1]).toBe(
      'import { describe, expect, it } from "vitest";\nimport { createMockServer } from "mockpact";\n',
    );
    expect(block![2]).toBe(code);
  });
});
