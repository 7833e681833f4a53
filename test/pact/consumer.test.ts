import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shopClient } from "../support/shop-client.js";
import { PACTS_DIR, writeLegacyPact, writeMobilePact, writeWebPact } from "../support/consumer-pacts.js";

/**
 * The example consumer's pacts are written by Pact's own consumer DSL: this test regenerates them
 * into a temp dir and checks that they equal the committed fixtures/pacts/ (less the tool versions
 * in `metadata`). `UPDATE_PACTS=1 npx vitest run test/pact/consumer.test.ts` rewrites the fixtures.
 */
const out = process.env.UPDATE_PACTS ? PACTS_DIR : mkdtempSync(path.join(tmpdir(), "mockpact-pacts-"));
afterAll(() => {
  if (out !== PACTS_DIR) rmSync(out, { recursive: true, force: true });
});

describe("the example consumer's pacts", () => {
  it("writes a V4 pact for shop-web with the client's real calls", async () => {
    const seen = await writeWebPact(out, shopClient);
    expect(seen.product).toMatchObject({ status: 200, body: { id: "p-100" } });
    expect(seen.missing.status).toBe(404);
    expect(seen.tooExpensive).toMatchObject({ status: 422, body: { code: "PRODUCT_INVALID" } });
    expect(seen.order.status).toBe(201);
    expect(spec(out, "shop-web")).toBe("4.0");
  });

  it("writes a V3 pact for shop-mobile", async () => {
    const seen = await writeMobilePact(out, shopClient);
    expect(seen?.login.token).toBeTypeOf("string");
    expect(seen?.orders).toHaveLength(1);
    expect(spec(out, "shop-mobile")).toBe("3.0.0");
  });

  it("writes a V2 pact for shop-legacy", async () => {
    await writeLegacyPact(out, shopClient);
    expect(spec(out, "shop-legacy")).toBe("2.0.0");
  });

  it.skipIf(out === PACTS_DIR)("regenerates exactly the committed fixtures/pacts/", () => {
    const committed = readdirSync(PACTS_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed)
      expect(stable(path.join(out, file)), file).toEqual(stable(path.join(PACTS_DIR, file)));
  });
});

function pactFile(dir: string, consumer: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(dir, `${consumer}-shop-api.json`), "utf8")) as Record<string, any>;
}

function spec(dir: string, consumer: string): string {
  const metadata = pactFile(dir, consumer).metadata;
  return metadata.pactSpecification.version as string;
}

/** A pact without the fields that change with tool versions. */
function stable(file: string): unknown {
  const pact = JSON.parse(readFileSync(file, "utf8")) as { metadata?: Record<string, unknown> };
  return { ...pact, metadata: { pactSpecification: pact.metadata?.pactSpecification } };
}
