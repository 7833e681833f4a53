import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadContract, type LoadOptions } from "../../src/contract/index.js";
import type { Contract, Operation } from "../../src/contract/model.js";
import { createMockCore } from "../../src/mock/core.js";
import { compileContracts } from "../../src/http/engine.js";
import { resolveMockOptions } from "../../src/mock/options.js";
import { checkResponse, type Verdict } from "./check.js";
import { buildRequest } from "./request.js";
import { IndependentValidator } from "./validator.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shared corpus beside the repository (`../shared/corpus`); never copied into it. */
export const CORPUS = path.resolve(repo, "../shared/corpus");

export interface ManifestEntry {
  name: string;
  entry: string;
  format: string;
}

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS, "manifest.json"));
}

export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as ManifestEntry[];
}

/**
 * How each document is loaded. oai-v2-petstore-separate's `$ref`s climb one folder above its entry
 * (`../common/Error.yaml`): its top folder is given as `refRoot`, which is what `--ref-root` is for.
 */
export function loadOptionsOf(entry: ManifestEntry): LoadOptions {
  if (entry.name === "oai-v2-petstore-separate") return { refRoot: path.join(CORPUS, entry.entry.split("/")[0]!) };
  return {};
}

export interface OperationResult {
  operation: Operation;
  /** The operation whose answer was checked: another one where the router serves the path to it. */
  answeredBy: Operation;
  method: string;
  url: string;
  verdict: Verdict;
}

export interface DocumentRun {
  contract: Contract;
  results: OperationResult[];
  /** Warnings the mock gave while building its router (shadowed routes among them). */
  routerWarnings: string[];
}

export const SEED = 20240601;

/** Loads one document, builds the pure core (no socket) and sends one valid request per operation. */
export async function runDocument(entry: ManifestEntry): Promise<DocumentRun> {
  const contract = await loadContract(path.join(CORPUS, entry.entry), loadOptionsOf(entry));
  const routerWarnings: string[] = [];
  const core = createMockCore(
    compileContracts([contract], { onRouteWarning: (m) => routerWarnings.push(m) }),
    resolveMockOptions({ seed: 1 }),
  );
  const validator = new IndependentValidator(contract);
  const results: OperationResult[] = [];
  for (const operation of contract.operations) {
    const built = buildRequest(contract, operation, validator, SEED);
    const { method, url } = built.request;
    if (built.problem !== undefined) {
      results.push({
        operation,
        answeredBy: operation,
        method,
        url,
        verdict: { reason: "no valid request", detail: built.problem },
      });
      continue;
    }
    // The operation that serves this method and path: where paths differ only by a `#fragment`
    // (box), one operation answers for all of them, and its own contract is what the answer must keep.
    const pathname = url.split("?")[0]!;
    const match = core.engine.router.find(method, pathname);
    const answeredBy = match.kind === "found" ? match.target.operation : operation;
    let verdict: Verdict;
    try {
      const response = await core.handle(built.request);
      // A request built for a shadowed operation may break the answering one's parameters (xero's
      // `{FileName}` where `{AttachmentID}` is a uuid): a rejection is then the right answer.
      const rejectedForAnother = answeredBy !== operation && response.headers["mockpact-violations"] !== undefined;
      if (match.kind !== "found") verdict = { reason: "not routed", detail: `${match.kind}: ${response.status}` };
      else verdict = rejectedForAnother ? undefined : checkResponse(answeredBy, response, validator);
    } catch (error) {
      verdict = { reason: "threw", detail: String((error as Error).stack ?? error).slice(0, 400) };
    }
    results.push({ operation, answeredBy, method, url, verdict });
  }
  return { contract, results, routerWarnings };
}
