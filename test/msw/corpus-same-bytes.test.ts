import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleMock } from "../../src/mock/bundle/write.js";
import { handlersFor } from "../../src/msw/node.js";
import { CORPUS, corpusAvailable, loadOptionsOf, readManifest, type ManifestEntry } from "../corpus/corpus.js";
import { buildRequest } from "../corpus/request.js";
import { IndependentValidator } from "../corpus/validator.js";
import { startMock, type RunningMock } from "../support/mock-server.js";
import { answerOf, BUNDLE_ORIGIN, interceptWith, type Call } from "./support.js";

/** Operations sent per document, spread over the document: bounds the work on the 1,223 of github-api. */
const OPERATIONS_PER_DOCUMENT = 25;
const SEED = 11;

const available = corpusAvailable();
if (!available) console.log("MSW corpus equality test skipped: ../shared/corpus/manifest.json does not exist");

/** A valid request per sampled operation, the same with `Prefer: dynamic=true`, and a path no operation has. */
async function callsOf(entry: ManifestEntry): Promise<Call[]> {
  const { loadContract } = await import("../../src/contract/index.js");
  const contract = await loadContract(path.join(CORPUS, entry.entry), loadOptionsOf(entry));
  const validator = new IndependentValidator(contract);
  const step = Math.max(1, Math.ceil(contract.operations.length / OPERATIONS_PER_DOCUMENT));
  const calls: Call[] = [{ path: "/mockpact-no-such-path" }];
  for (let i = 0; i < contract.operations.length; i += step) {
    const built = buildRequest(contract, contract.operations[i]!, validator, SEED);
    if (built.problem !== undefined) continue;
    const { method, url, headers, body } = built.request;
    const call = {
      method,
      path: url,
      headers: headers as Record<string, string>,
      ...(body ? { body: Buffer.from(body).toString("utf8") } : {}),
    };
    calls.push(call, { ...call, headers: { ...call.headers, prefer: "dynamic=true" } });
  }
  return calls;
}

/**
 * The bundle of each corpus document (prepared documents, YAML dates kept aside, loaded as a page
 * loads it) answers as `mockpact mock` serving the file: valid requests, dynamic fakes, and a 404.
 */
describe.skipIf(!available)("the MSW handlers of a bundle and mockpact mock, on the corpus", () => {
  const entries = available ? readManifest() : [];
  let intercepting: ReturnType<typeof interceptWith>;
  let compared = 0;
  beforeAll(() => {
    intercepting = interceptWith();
  });
  afterAll(() => intercepting?.close());

  for (const entry of entries) {
    it(
      entry.name,
      async () => {
        const file = path.join(CORPUS, entry.entry);
        const { refRoot } = loadOptionsOf(entry);
        let server: RunningMock | undefined;
        try {
          server = await startMock({ contracts: [file], seed: SEED, refRoot, mocks: [] });
          const { text } = await bundleMock({ contracts: [file], refRoot, mocks: [] });
          intercepting.resetHandlers(
            ...handlersFor(JSON.parse(text), { seed: SEED, baseUrl: BUNDLE_ORIGIN, unknownRoutes: "answer" }),
          );
          const calls = await callsOf(entry);
          const differences: string[] = [];
          for (const call of calls) {
            const expected = await answerOf(server.url, call);
            const actual = await answerOf(BUNDLE_ORIGIN, call);
            if (JSON.stringify(actual) !== JSON.stringify(expected))
              differences.push(
                `${call.method ?? "GET"} ${call.path} ${call.headers?.prefer ?? ""}:\n  mock: ${JSON.stringify(expected).slice(0, 600)}\n  msw:  ${JSON.stringify(actual).slice(0, 600)}`,
              );
          }
          expect(differences).toEqual([]);
          compared += calls.length;
        } finally {
          await server?.close();
        }
      },
      120_000,
    );
  }

  it("compared hundreds of answers over the corpus", () => {
    expect(compared).toBeGreaterThan(20 * entries.length);
  });
});
