import path from "node:path";
import type { Contract, Operation } from "../contract/model.js";
import { layOut } from "../fixtures/layout.js";
import {
  emptyManifest,
  MANIFEST_FILE,
  manifestText,
  readManifest,
  type FixturesManifest,
  type ManifestEntry,
} from "../fixtures/manifest.js";
import type { Fixture } from "../fixtures/model.js";
import { uniqueSegments } from "../fixtures/names.js";
import { OutFolder } from "../fixtures/safe-path.js";
import { writeIfChanged } from "../fixtures/write.js";
import type { RecordedExchange } from "./recording.js";

/**
 * Recordings in the layout of `mockpact fixtures` (its own writer's pieces): `DIR/<contract>/
 * <operationId>/<status>.json` holds the response body, `request.json` the request, and
 * `DIR/<contract>/index.json` the manifest. A recorded response is an example named `recorded`.
 * Entries of earlier runs (or of `mockpact fixtures`) stay; the same file is replaced.
 */
export class FixtureWriter {
  private readonly out: OutFolder;
  private readonly contractFolders: Map<string, string>;
  /** One `request.json` per operation: the request of its first recorded exchange, not overwritten by later statuses. */
  private readonly requestWritten = new Set<string>();

  constructor(
    dir: string,
    contracts: Contract[],
    private readonly seed: number,
  ) {
    this.out = new OutFolder(path.resolve(dir));
    this.contractFolders = uniqueSegments(contracts.map((c) => c.id));
  }

  async write(exchange: RecordedExchange, contract: Contract, operation: Operation): Promise<void> {
    const folder = this.contractFolders.get(contract.id) ?? contract.id;
    const opFolder = uniqueSegments(contract.operations.map((o) => o.operationId)).get(operation.operationId)!;
    const withRequest = !this.requestWritten.has(`${folder}/${opFolder}`);
    this.requestWritten.add(`${folder}/${opFolder}`);
    const fixtures = fixturesOf(exchange, operation).filter((f) => withRequest || f.kind === "response");
    const laid = layOut(opFolder, operation, fixtures, "json", this.seed);
    for (const file of laid.files) await this.put(`${folder}/${file.file}`, file.text);
    const manifestFile = this.out.resolve(`${folder}/${MANIFEST_FILE}`);
    const manifest = (await readManifest(manifestFile)) ?? emptyManifest(contract, this.seed, RECORDED_OPTIONS);
    const byFile = new Map<string, ManifestEntry>(manifest.files.map((e) => [e.file, e]));
    for (const entry of laid.entries) byFile.set(entry.file, entry);
    manifest.files = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    await this.put(`${folder}/${MANIFEST_FILE}`, manifestText(manifest));
  }

  private async put(relative: string, text: string): Promise<void> {
    const file = this.out.resolve(relative);
    await this.out.prepareFolderOf(file);
    await writeIfChanged(file, text);
  }
}

function fixturesOf(exchange: RecordedExchange, operation: Operation): Fixture[] {
  const { request, response } = exchange;
  const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  const search = new URLSearchParams(
    Object.entries(request.query).flatMap(([k, vs]) => vs.map((v): [string, string] => [k, v])),
  ).toString();
  return [
    {
      kind: "response",
      status: String(response.status),
      mediaType: response.headers["content-type"] ?? "",
      variant: 0,
      value: response.body ?? null,
      source: "example",
      example: "recorded",
    },
    {
      kind: "request",
      variant: 0,
      ...(request.headers["content-type"] ? { mediaType: request.headers["content-type"] } : {}),
      value: {
        operationId: operation.operationId,
        method: request.method,
        path: operation.path,
        url: search ? `${request.path}?${search}` : request.path,
        parameters: Object.keys(query).length > 0 ? { query } : {},
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      },
    },
  ];
}

/** What a recording says of itself in the manifest: one recorded exchange per operation and status. */
const RECORDED_OPTIONS: FixturesManifest["options"] = {
  count: 1,
  status: "recorded",
  requests: true,
  format: "json",
  operations: [],
  tags: [],
};
