/** Swagger 2.0 and OpenAPI 3.1 documents for the dialect-specific keywords. */
const def = (name: string) => ({ $ref: `#/definitions/${name}` });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const swagger20: Record<string, unknown> = {
  swagger: "2.0",
  info: { title: "fake fixtures", version: "1" },
  paths: {
    "/file": { get: { responses: { "200": { description: "a file", schema: { type: "file" } } } } },
    "/pets": { get: { responses: { "200": { description: "ok", schema: { type: "array", items: def("Pet") } } } } },
  },
  definitions: {
    Pet: {
      type: "object",
      required: ["petType", "name", "tag"],
      discriminator: "petType",
      properties: {
        petType: { type: "string" },
        name: { type: "string" },
        tag: { type: "string", "x-nullable": true },
        id: { type: "integer", readOnly: true },
      },
    },
    Cat: {
      allOf: [
        def("Pet"),
        {
          type: "object",
          required: ["huntingSkill"],
          properties: { huntingSkill: { type: "string", enum: ["lazy", "adventurous"] } },
        },
      ],
    },
    Range: {
      type: "object",
      required: ["n"],
      properties: { n: { type: "number", minimum: 5, exclusiveMinimum: true, maximum: 6 } },
    },
    Tree: { type: "object", required: ["leaves"], properties: { leaves: { type: "array", items: def("Tree") } } },
  },
};

export const openapi31: Record<string, unknown> = {
  openapi: "3.1.0",
  info: { title: "fake fixtures", version: "1" },
  paths: {},
  components: {
    schemas: {
      Item: {
        type: "object",
        required: ["name", "count", "kind", "tuple", "score", "note"],
        properties: {
          name: { type: ["string", "null"], examples: ["a"] },
          count: { type: ["integer", "null"], minimum: 1 },
          kind: { const: "item" },
          tuple: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
          score: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
          note: { $ref: "#/components/schemas/Note", description: "a sibling of $ref, allowed in 3.1" },
          maybe: { oneOf: [{ type: "null" }, ref("Note")] },
        },
      },
      Note: {
        type: "object",
        required: ["text"],
        properties: { text: { type: "string", minLength: 1 } },
        additionalProperties: false,
      },
      Tree: {
        type: "object",
        required: ["children"],
        properties: {
          children: { type: "array", items: ref("Tree") },
          parent: { anyOf: [ref("Tree"), { type: "null" }] },
        },
      },
      Linked: {
        type: "object",
        required: ["value", "next"],
        properties: { value: { type: "integer" }, next: { oneOf: [ref("Linked"), { type: "null" }] } },
      },
    },
  },
};
