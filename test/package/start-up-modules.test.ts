import { tmpdir } from "node:os";
import path from "node:path";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

/** Packages a contract served without mocks files never uses: mockpact loads them on first use. */
const ON_DEMAND = ["handlebars", "yaml", "date-fns", "@date-fns/utc", "jsonpath-plus", "jsep", "@faker-js/faker"];

/** The bundle's files that its entry imports statically, directly or not: what every start of the CLI loads. */
function loadedAtStart(meta: Metafile, entry: string): string[] {
  const loaded = new Set([entry]);
  for (const file of loaded)
    for (const { path: imported, kind } of meta.outputs[file]!.imports)
      if (kind === "import-statement" && meta.outputs[imported]) loaded.add(imported);
  return [...loaded];
}

function packageOf(input: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

describe("the CLI bundle", () => {
  it("loads at start none of the packages that mocks files, templates, JSONPath and realism fakes need", async () => {
    // @ts-expect-error: the build script is plain JavaScript, without types
    const { bundleOptions } = (await import("../../scripts/bundle-cli.mjs")) as {
      bundleOptions(outdir: string): Parameters<typeof build>[0];
    };
    const outdir = path.join(tmpdir(), "mockpact-bundle-never-written");
    const { metafile } = await build({ ...bundleOptions(outdir), write: false, metafile: true, logLevel: "silent" });
    const entry = Object.keys(metafile.outputs).find((file) => file.endsWith("/main.bundle.js"))!;
    const packages = new Set(
      loadedAtStart(metafile, entry).flatMap((file) => Object.keys(metafile.outputs[file]!.inputs).map(packageOf)),
    );
    expect(packages).toContain("find-my-way"); // the router: what a start does load is in the set
    expect(ON_DEMAND.filter((name) => packages.has(name))).toEqual([]);
  });
});
