import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { HttpRequest } from "../../src/http/types.js";
import { headersOf, readHttpInteractions } from "../../src/pact/read-interactions.js";
import { readBody } from "../../src/pact/read-body.js";
import type { PactHttpRequest } from "../../src/pact/http-interaction.js";

/** The Pact specification's own test cases, read in place (never copied into the repository). */
export const SUITES_ROOT = path.resolve("../shared/pact-suites");

export const SPEC_VERSIONS: Record<string, string> = {
  "version-1": "1.0.0",
  "version-1.1": "1.1.0",
  "version-2": "2.0.0",
  "version-3": "3.0.0",
  "version-4": "4.0",
};

export interface SpecCase {
  /** `version-3/body/missing key.json` */
  id: string;
  match: boolean;
  comment: string;
  expected: PactHttpRequest;
  actual: HttpRequest;
}

export function suitesPresent(): boolean {
  return existsSync(SUITES_ROOT);
}

export function requestCases(version: string): SpecCase[] {
  const root = path.join(SUITES_ROOT, version, "testcases", "request");
  if (!existsSync(root)) return [];
  return filesUnder(root).map((file) => readCase(version, root, file));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith(".json") ? [full] : [];
    });
}

function readCase(version: string, root: string, file: string): SpecCase {
  const doc = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as {
    match: boolean;
    comment?: string;
    expected: Record<string, unknown>;
    actual: Record<string, unknown>;
  };
  const specVersion = SPEC_VERSIONS[version]!;
  const pact = { interactions: [{ description: "case", request: doc.expected, response: { status: 200 } }] };
  const [interaction] = readHttpInteractions(pact, file, specVersion).interactions;
  return {
    id: `${version}/${path.relative(root, file)}`,
    match: doc.match,
    comment: doc.comment ?? "",
    expected: interaction!.request,
    actual: toHttpRequest(doc.actual, Number(specVersion.split(".")[0])),
  };
}

/** The case's `actual` request, in the pact format of its version, as the bytes an HTTP client would send. */
function toHttpRequest(actual: Record<string, unknown>, major: number): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [key, { value }] of headersOf(actual.headers)) headers[key] = value;
  const query = queryText(actual.query);
  const body = readBody(actual, "/body", headersOf(actual.headers), major);
  const bytes =
    body.kind !== "present"
      ? undefined
      : (body.bytes ?? Buffer.from(typeof body.value === "string" ? body.value : JSON.stringify(body.value)));
  return {
    method: typeof actual.method === "string" ? actual.method : "GET",
    url: `${typeof actual.path === "string" ? actual.path : "/"}${query ? `?${query}` : ""}`,
    headers,
    body: bytes,
  };
}

function queryText(query: unknown): string {
  if (typeof query === "string") return query;
  if (query === null || typeof query !== "object") return "";
  const parts: string[] = [];
  for (const [name, values] of Object.entries(query)) {
    for (const value of Array.isArray(values) ? values : [values])
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return parts.join("&");
}
