/**
 * Prints fakes as JSON, for the determinism test to run in a child process under another time
 * zone: the same seed must give the same bytes in any process.
 */
import { fakeValue } from "../../src/fake/index.js";
import { openapi30 } from "./fixtures-30.js";

const names = ["Formats", "Person", "Pet", "Category"];
const fakes = names.map((name) =>
  fakeValue(
    openapi30,
    { $ref: `#/components/schemas/${name}` },
    { seed: 99, direction: "response", dialect: "openapi-3.0" },
  ),
);
process.stdout.write(JSON.stringify(fakes));
