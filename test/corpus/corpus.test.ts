/**
 * Issue 2, test (a): the corpus of real API descriptions in ../shared/corpus.
 *
 * For every document of the manifest: it loads; and for every operation, a request built from the
 * contract alone (required path, query, header and cookie parameters and the required body, filled
 * with fakes that an independent ajv accepts, serialised by style and explode; a dummy credential for
 * the security requirement) gets a documented status whose body validates against the documented
 * schema for the returned Content-Type. The judge is the test's own ajv (validator.ts), not mockpact's.
 * Requests go to the pure core (`handle`, no sockets). Exceptions are listed in exceptions.ts and in
 * docs/corpus-limits.md, each with its reason.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { notes } from "./check.js";
import { corpusAvailable, readManifest, runDocument, type OperationResult } from "./corpus.js";
import { EXCEPTIONS, REASONS, type Reason } from "./exceptions.js";

const available = corpusAvailable();
if (!available) console.log("corpus test skipped: ../shared/corpus/manifest.json does not exist");

const LIMITS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/corpus-limits.md");

describe.skipIf(!available)("corpus: every operation of every document answers a valid request as documented", () => {
  const manifest = available ? readManifest() : [];
  const totals = { documents: 0, operations: 0, passed: 0 };
  const listed = new Map<Reason, number>();

  afterAll(() => {
    const perReason = [...listed].map(([reason, count]) => `${reason} ${count}`).join(", ");
    const exceptions = [...listed.values()].reduce((a, b) => a + b, 0);
    const noted = [...notes].map(([note, count]) => `${note}: ${count}`).join(", ");
    console.log(
      `corpus: ${totals.documents} documents, ${totals.operations} operations, ${totals.passed} passed, ${exceptions} listed exceptions (${perReason || "none"})` +
        (noted ? `; accepted with a note: ${noted}` : ""),
    );
  });

  it("lists every exception, with its reason, in docs/corpus-limits.md", () => {
    const limits = readFileSync(LIMITS_FILE, "utf8");
    const missing = EXCEPTIONS.filter(
      (e) => !limits.includes(`| ${e.document} | \`${e.operationId}\` | ${e.reason} |`),
    ).map((e) => `${e.document} ${e.operationId}`);
    expect(missing, "exceptions not in docs/corpus-limits.md").toEqual([]);
    for (const reason of Object.keys(REASONS)) expect(limits, `reason ${reason} explained`).toContain(`\`${reason}\``);
  });

  for (const entry of manifest) {
    it(`${entry.name} (${entry.format})`, async () => {
      const run = await runDocument(entry);
      const exceptions = new Map(
        EXCEPTIONS.filter((e) => e.document === entry.name).map((e) => [e.operationId, e.reason]),
      );
      const problems: string[] = [];
      for (const result of run.results) {
        const id = result.operation.operationId;
        const reason = exceptions.get(id);
        exceptions.delete(id);
        const failure = failureOf(result);
        if (failure === undefined) {
          if (reason !== undefined)
            problems.push(
              `${id}: listed as ${reason} but passes: remove it from exceptions.ts and docs/corpus-limits.md`,
            );
          else totals.passed++;
          continue;
        }
        const shadowed = result.answeredBy !== result.operation;
        if (reason === undefined) problems.push(`${id}: ${failure}`);
        else if (shadowed && (reason !== "shadowed-route" || result.verdict))
          problems.push(`${id}: listed as ${reason} but ${failure}`);
        else listed.set(reason, (listed.get(reason) ?? 0) + 1);
      }
      for (const [id, reason] of exceptions)
        problems.push(`${id}: listed as ${reason} but the document has no such operation`);
      totals.documents++;
      totals.operations += run.results.length;
      expect(problems, `${entry.name}: ${problems.length} operation(s) not answered as documented`).toEqual([]);
    }, 180_000);
  }
});

/** Why the operation counts as failed; undefined when it passed. A shadowed operation never passes. */
function failureOf(result: OperationResult): string | undefined {
  const { verdict, method, url } = result;
  if (result.answeredBy !== result.operation) {
    const also = verdict
      ? `; and the answer of ${result.answeredBy.operationId} fails: ${verdict.reason}: ${verdict.detail}`
      : "";
    return `shadowed: ${method} ${url} is answered by ${result.answeredBy.operationId}${also}`;
  }
  return verdict ? `${verdict.reason}: ${method} ${url.slice(0, 200)}: ${verdict.detail}` : undefined;
}
