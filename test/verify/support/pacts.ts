import { writeFileSync } from "node:fs";
import path from "node:path";

export interface PactInteraction {
  description: string;
  request: { method: string; path: string };
  response: { status: number; body?: unknown };
}

/** A V3 pact file of `web -> api` with these interactions, written into `dir`; returns its path. */
export function writePact(dir: string, name: string, interactions: PactInteraction[]): string {
  const file = path.join(dir, `${name}.json`);
  const pact = {
    consumer: { name: "web" },
    provider: { name: "api" },
    interactions,
    metadata: { pactSpecification: { version: "3.0.0" } },
  };
  writeFileSync(file, JSON.stringify(pact, null, 2));
  return file;
}

/** A contract of one JSON operation, `GET /things/{id}` answering a Thing, written into `dir`. */
export function writeThingsContract(dir: string): string {
  const file = path.join(dir, "things.yaml");
  writeFileSync(
    file,
    `openapi: 3.0.3
info: { title: Things, version: "1" }
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200":
          description: A thing.
          content:
            application/json:
              schema: { type: object, required: [id, name], properties: { id: { type: integer }, name: { type: string } } }
`,
  );
  return file;
}
