import { mkdir, readFile } from "node:fs/promises";
import { replaceFile } from "../report/write-file.js";
import path from "node:path";
import type { RecordedExchange } from "./recording.js";

type Json = Record<string, unknown>;
const TYPE_MATCHER = { combine: "AND", matchers: [{ match: "type" }] };

/**
 * Recorded exchanges as a V4 pact: one Synchronous/HTTP interaction per operation and status, the
 * response body under a type matcher (shape, not values: a starting point for a consumer's own
 * contract). Interactions of an earlier run are kept; one of the same description is replaced.
 */
export class PactWriter {
  private interactions: Map<string, Json> | undefined;

  constructor(
    private readonly file: string,
    private readonly consumer: string,
    private readonly provider: string,
  ) {}

  async write(exchange: RecordedExchange): Promise<void> {
    const interactions = await this.load();
    const interaction = toInteraction(exchange);
    interactions.set(interaction.description as string, interaction);
    const sorted = [...interactions.values()].sort((a, b) =>
      String(a.description).localeCompare(String(b.description)),
    );
    await writeJson(this.file, {
      consumer: { name: this.consumer },
      provider: { name: this.provider },
      interactions: sorted,
      metadata: { pactSpecification: { version: "4.0" }, mockpact: { recordedBy: "mockpact proxy" } },
    });
  }

  private async load(): Promise<Map<string, Json>> {
    if (this.interactions) return this.interactions;
    this.interactions = new Map();
    const text = await readFile(this.file, "utf8").catch(() => undefined);
    const list = text ? ((JSON.parse(text) as { interactions?: Json[] }).interactions ?? []) : [];
    for (const interaction of list) this.interactions.set(String(interaction.description), interaction);
    return this.interactions;
  }
}

function toInteraction(exchange: RecordedExchange): Json {
  const { request, response } = exchange;
  const hasQuery = Object.keys(request.query).length > 0;
  return {
    type: "Synchronous/HTTP",
    description: `${exchange.operationId} answers ${response.status}`,
    pending: false,
    request: {
      method: request.method,
      path: request.path,
      ...(hasQuery ? { query: request.query } : {}),
      ...headersOf(request.headers),
      ...bodyOf(request.body, request.headers["content-type"]),
    },
    response: {
      status: response.status,
      ...headersOf(response.headers),
      ...bodyOf(response.body, response.headers["content-type"]),
      ...(response.body !== undefined ? { matchingRules: { body: { $: TYPE_MATCHER } } } : {}),
    },
  };
}

/** V4 writes header values as lists. */
function headersOf(headers: Record<string, string>): Json {
  const entries = Object.entries(headers);
  return entries.length === 0 ? {} : { headers: Object.fromEntries(entries.map(([k, v]) => [k, [v]])) };
}

function bodyOf(body: unknown, contentType: string | undefined): Json {
  if (body === undefined) return {};
  return { body: { content: body, contentType: contentType ?? "application/json", encoded: false } };
}

/** Written beside, then renamed: a reader (a verifier, an editor) never sees half a pact. */
async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await replaceFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
