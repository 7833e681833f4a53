/**
 * Contracts of a chosen size for the scaling curves, generated into a temporary folder (never
 * committed): `operations` operations over resources of two each (GET /rN/{id} with an example
 * answer, POST /rN with a validated body), each resource with a schema of its own. `split: true`
 * writes every path item and every schema to a file of its own, joined by relative `$ref`s, as large
 * contracts kept in many files are.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const SYNTHETIC_PROBE = "/r0/1";

export async function writeSyntheticContract(
  folder: string,
  operations: number,
  split: boolean,
): Promise<{ file: string; files: number }> {
  const resources = Math.max(1, Math.ceil(operations / 2));
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  if (split)
    await Promise.all([
      mkdir(join(folder, "paths"), { recursive: true }),
      mkdir(join(folder, "schemas"), { recursive: true }),
    ]);
  const writes: Array<Promise<void>> = [];
  for (let i = 0; i < resources; i++) {
    const schemaRef = split ? `../schemas/Item${i}.json` : `#/components/schemas/Item${i}`;
    const item = { get: getOperation(i, schemaRef) };
    const collection = { post: postOperation(i, schemaRef) };
    const schema = itemSchema(i);
    if (split) {
      writes.push(
        writeFile(join(folder, "paths", `r${i}-item.json`), JSON.stringify(item)),
        writeFile(join(folder, "paths", `r${i}.json`), JSON.stringify(collection)),
      );
      writes.push(writeFile(join(folder, "schemas", `Item${i}.json`), JSON.stringify(schema)));
      paths[`/r${i}/{id}`] = { $ref: `paths/r${i}-item.json` };
      paths[`/r${i}`] = { $ref: `paths/r${i}.json` };
    } else {
      paths[`/r${i}/{id}`] = item;
      paths[`/r${i}`] = collection;
      schemas[`Item${i}`] = schema;
    }
  }
  await Promise.all(writes);
  const document = {
    openapi: "3.0.3",
    info: { title: `Synthetic (${resources * 2} operations)`, version: "1.0.0" },
    paths,
    components: { schemas },
  };
  const file = join(folder, "openapi.json");
  await writeFile(file, JSON.stringify(document));
  return { file, files: split ? 1 + resources * 3 : 1 };
}

function getOperation(i: number, schemaRef: string) {
  return {
    operationId: `getItem${i}`,
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
    responses: {
      "200": {
        description: "The item",
        content: {
          "application/json": {
            schema: { $ref: schemaRef },
            example: { id: 1, name: `item ${i}`, tags: ["a"], price: 9.5 },
          },
        },
      },
      "404": { description: "None" },
    },
  };
}

function postOperation(i: number, schemaRef: string) {
  return {
    operationId: `createItem${i}`,
    requestBody: { required: true, content: { "application/json": { schema: { $ref: schemaRef } } } },
    responses: {
      "201": { description: "Created", content: { "application/json": { schema: { $ref: schemaRef } } } },
      "422": { description: "Invalid" },
    },
  };
}

function itemSchema(i: number) {
  return {
    type: "object",
    required: ["id", "name"],
    properties: {
      id: { type: "integer", minimum: 1 },
      name: { type: "string", maxLength: 64 },
      tags: { type: "array", items: { type: "string" }, maxItems: 5 },
      price: { type: "number", minimum: 0 },
      [`field${i}`]: { type: "string" },
    },
  };
}
