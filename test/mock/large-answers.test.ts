import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

// Long enough for the core to keep the cached answer's bytes; non-ASCII, so that bytes and characters differ.
const TEXT = "Grüße aus Köln. ".repeat(400);
const CONTRACT = `openapi: 3.0.3
info: { title: reports, version: "1" }
paths:
  /reports/{reportId}:
    get:
      operationId: getReport
      parameters: [{ name: reportId, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: a report
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string }, text: { type: string } } }
              example: { id: r-1, text: ${JSON.stringify(TEXT)} }
`;

let dir: string;
let plain: RunningMock;
let faulty: RunningMock;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mockpact-large-"));
  const file = path.join(dir, "reports.yaml");
  await writeFile(file, CONTRACT);
  [plain, faulty] = await Promise.all([
    startMock({ contracts: [file], mocks: [] }),
    startMock({ contracts: [file], mocks: [], faultRate: 1, faults: ["malformed"] }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain.close(), faulty.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe("large answers the mock keeps ready", () => {
  it("are sent whole, with a Content-Length of their bytes, each time they are asked for", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await call(`${plain.url}/reports/r-1`);
      expect(res.json).toEqual({ id: "r-1", text: TEXT });
      expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(res.text));
    }
  });

  it("send the echoed body where a path parameter changes it, with its own length", async () => {
    const res = await call(`${plain.url}/reports/r-123456`);
    expect(res.json).toEqual({ id: "r-123456", text: TEXT });
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(res.text));
  });

  it("are cut by a malformed fault, with a Content-Length that fits the cut body", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await call(`${faulty.url}/reports/r-1`);
      expect(res.text).toMatch(/<<mockpact fault: malformed>>$/);
      expect(res.text.length).toBeLessThan(TEXT.length);
      expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(res.text));
    }
  });
});
