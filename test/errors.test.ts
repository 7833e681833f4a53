import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, PROBLEM_KINDS, WARNING_CODES } from "../src/errors.js";

const DOC = readFileSync(new URL("../docs/errors.md", import.meta.url), "utf8");

/** The rows of the table under `## heading` of docs/errors.md, as cells, each row's first cell a `code`. */
function rowsUnder(heading: string): string[][] {
  const section = DOC.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? "";
  expect(section, `a "## ${heading}" section in docs/errors.md`).not.toBe("");
  return [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map((m) => [m[1]!, ...m[2]!.split(" | ")]);
}

/** Each code once, and every cell filled: a duplicate row or an empty "how to fix" fails as a wrong one does. */
function expectWholeRows(rows: string[][], cells: number): void {
  expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  for (const row of rows)
    expect(row.length === cells && row.every((cell) => cell.trim() !== ""), row.join(" | ")).toBe(true);
}

describe("docs/errors.md", () => {
  it("lists every error code of src/errors.ts, with the same meaning, and no other", () => {
    const rows = rowsUnder("Error codes");
    expectWholeRows(rows, 2);
    expect(Object.fromEntries(rows.map(([code, meaning]) => [code, meaning]))).toEqual(ERROR_CODES);
  });

  it("lists every warning code, with the same meaning and how to fix it, and no other", () => {
    const rows = rowsUnder("Warning codes");
    expectWholeRows(rows, 3);
    expect(Object.fromEntries(rows.map(([code, meaning]) => [code, meaning]))).toEqual(WARNING_CODES);
  });

  it("lists every problem kind, with the same status and title and how to fix it, and no other", () => {
    const rows = rowsUnder("Problem kinds");
    expectWholeRows(rows, 4);
    expect(Object.fromEntries(rows.map(([kind, status, title]) => [kind, [Number(status), title]]))).toEqual(
      PROBLEM_KINDS,
    );
  });
});
