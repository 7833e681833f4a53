import { describe, expect, it } from "vitest";
import { shellBlocks } from "./blocks.js";

const cases: Array<[string, string, Array<{ line: number; text: string }>]> = [
  [
    "a ```sh block, with its fence's line",
    "# T\n\n```sh\nnpx mockpact lint\n```\n",
    [{ line: 3, text: "npx mockpact lint" }],
  ],
  ["```console and ```text are not run", "```console\nnpm test\n```\n```text\nout\n```\n", []],
  ["an unlabelled fence is not run", "```\nmockpact verify http://x\n```\n", []],
  [
    "a longer fence holds a shorter one",
    "````md\n```sh\nrm -rf /\n```\n````\n```sh\ntrue\n```\n",
    [{ line: 6, text: "true" }],
  ],
  ["an indented fence in a list", "- step\n\n  ```sh\n  echo hi\n  ```\n", [{ line: 3, text: "  echo hi" }]],
  [
    "two blocks, in order",
    "```sh\na\n```\nx\n```sh\nb\nc\n```",
    [
      { line: 1, text: "a" },
      { line: 5, text: "b\nc" },
    ],
  ],
];

describe("the ```sh blocks of a document", () => {
  it.each(cases)("%s", (_name, markdown, expected) => {
    expect(shellBlocks("doc.md", markdown).map(({ line, text }) => ({ line, text }))).toEqual(expected);
  });
});
