import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { shellBlocks } from "./blocks.js";
import { runDocument } from "./run-document.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = (markdown: string) => runDocument(ROOT, shellBlocks("docs/example.md", markdown), 60_000);

describe("running a document's blocks", () => {
  it("names the file and line of the block that fails, with what it printed", async () => {
    const result = await run("```sh\ntrue\n```\n\ntext\n\n```sh\necho before\nfalse\necho after\n```\n");
    expect(result.failedAt).toBe("docs/example.md:7");
    expect(result.output).toContain("before");
    expect(result.output).not.toContain("after");
  });

  it("keeps a server a block starts with ` &` for the next blocks, once it listens", async () => {
    const server = "node -e \"require('http').createServer((q, s) => s.end('up')).listen(4999, '127.0.0.1')\" &";
    const result = await run(`\`\`\`sh\n${server}\n\`\`\`\n\n\`\`\`sh\ncurl -sf http://127.0.0.1:4999/\n\`\`\`\n`);
    expect(result.failedAt, result.output).toBeUndefined();
    expect(result.output).toContain("up");
  });

  it("fails at once when the server of a ` &` line exits before it listens", async () => {
    const result = await run("```sh\nnode -e 'process.exit(3)' &\n```\n");
    expect(result.failedAt).toBe("docs/example.md:1");
    expect(result.output).toContain("exited before it listened");
  });

  it("leaves nothing in the repository: the blocks run in a copy", async () => {
    const result = await run("```sh\ntouch left-behind.txt\ntest -f package.json\n```\n");
    expect(result.failedAt, result.output).toBeUndefined();
    const { existsSync } = await import("node:fs");
    expect(existsSync(`${ROOT}/left-behind.txt`)).toBe(false);
  });
});
