import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPAT_RULES } from "../../src/compat/index.js";

describe("docs/compat.md", () => {
  it("lists every rule code of src/compat/rules.ts with its severity and meaning, and no other", () => {
    const doc = readFileSync(new URL("../../docs/compat.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| `([a-z.-]+)` \| (error|warning) \| (.+) \|$/gm)].map((m) => [
      m[1],
      [m[2], m[3]],
    ]);
    expect(Object.fromEntries(rows)).toEqual(COMPAT_RULES);
  });
});
