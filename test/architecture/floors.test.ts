/**
 * The floors of DESIGN.md ("Each folder of src/ is one capability, and the arrows point one way"):
 * a folder of src/ may import only folders on a lower floor, so no two folders import each other and
 * the leaves (contract/, schema/, http/, pact/) never learn about servers, commands or the CLI.
 * Every relative import of every file under src/ is read with TypeScript's own parser: static and
 * dynamic imports, re-exports, `import type` and `typeof import(...)` all count.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The floors table of DESIGN.md; src/*.ts top-level files are units of their own. */
const FLOORS: Record<string, number> = {
  cli: 10,
  "index.ts": 10,
  verify: 9,
  compat: 9,
  lint: 9,
  proxy: 8,
  fixtures: 7,
  msw: 7,
  mock: 6,
  server: 5,
  pact: 4,
  report: 4,
  console: 4,
  http: 3,
  fake: 2,
  schema: 2,
  contract: 1,
  "errors.ts": 0,
  "redact.ts": 0,
  options: 0,
};

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

/** `mock/admin/app.ts` -> `mock`; `redact.ts` -> `redact.ts`. */
function unitOf(relative: string): string {
  const parts = relative.split(/[\\/]/);
  return parts.length === 1 ? parts[0]!.replace(/\.js$/, ".ts") : parts[0]!;
}

/** Every module specifier a file names: imports, re-exports, dynamic imports, `typeof import()` types. */
function specifiersOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      found.push(node.argument.literal.text);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    )
      found.push(node.moduleReference.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

interface Arrow {
  from: string;
  to: string;
  file: string;
}

/** The folder arrows of src/: one per file and relative import that leaves the file's own unit. */
function arrowsOfSrc(): Arrow[] {
  const arrows: Arrow[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter(
    (f) => /\.(ts|mts|tsx)$/.test(f) && !f.endsWith(".d.ts"),
  );
  for (const file of files) {
    for (const specifier of specifiersOf(file, readFileSync(path.join(SRC, file), "utf8"))) {
      if (!specifier.startsWith(".")) continue; // packages and node: builtins are not folders of src/
      const target = path.relative(SRC, path.resolve(SRC, path.dirname(file), specifier));
      if (target.startsWith("..")) continue;
      const from = unitOf(file);
      const to = unitOf(target);
      if (from !== to) arrows.push({ from, to, file: file.split(path.sep).join("/") });
    }
  }
  return arrows;
}

/** Why an arrow breaks the floors, or undefined when it points to a lower floor. */
function breaksFloors(arrow: Arrow): string | undefined {
  const from = FLOORS[arrow.from];
  const to = FLOORS[arrow.to];
  if (from === undefined) return `${arrow.from} has no floor in DESIGN.md (${arrow.file})`;
  if (to === undefined) return `${arrow.to} has no floor in DESIGN.md (${arrow.file})`;
  return to < from ? undefined : `${arrow.from} (floor ${from}) -> ${arrow.to} (floor ${to}) in ${arrow.file}`;
}

describe("the floors of src/", () => {
  it("every folder arrow points to a lower floor", () => {
    const arrows = arrowsOfSrc();
    // Guards the reader itself: a src/ with no arrows found would pass for the wrong reason.
    expect(arrows.length).toBeGreaterThan(100);
    expect(arrows.flatMap((a) => breaksFloors(a) ?? [])).toEqual([]);
  });

  it("every folder and top-level file of src/ has a floor", () => {
    const units = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() || /\.ts$/.test(e.name))
      .map((e) => e.name);
    expect(units.filter((u) => FLOORS[u] === undefined)).toEqual([]);
  });

  it("flags an arrow up, one across a floor, and a folder the table does not know", () => {
    expect(breaksFloors({ from: "http", to: "mock", file: "http/x.ts" })).toMatch(/floor 3.*floor 6/);
    expect(breaksFloors({ from: "pact", to: "report", file: "pact/x.ts" })).toMatch(/floor 4.*floor 4/);
    expect(breaksFloors({ from: "mock", to: "redact.ts", file: "mock/x.ts" })).toBeUndefined();
    expect(breaksFloors({ from: "widgets", to: "http", file: "widgets/x.ts" })).toMatch(/no floor/);
  });

  it("reads dynamic imports, re-exports and type-only imports as arrows too", () => {
    const text = `export { a } from "../b/a.js"; const c = await import("../c/c.js"); type D = typeof import("../d/d.js"); import type { E } from "../e/e.js";`;
    expect(specifiersOf("x.ts", text).sort()).toEqual(["../b/a.js", "../c/c.js", "../d/d.js", "../e/e.js"]);
  });
});
