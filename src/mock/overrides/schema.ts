/**
 * The JSON Schema of a mocks file, published as schemas/mocks.schema.json for editor completion
 * (a test keeps the two equal). The loader checks each entry against `definitions.entry`, then the
 * meaning (operations, delays, templates) in compile.ts, where messages can be more precise.
 */
const scalar = { type: ["string", "number", "boolean"] };

export const MOCKS_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "mockpact mocks file",
  description:
    "Overrides and scenarios for `mockpact mock`: a list of entries, tried by priority, then in file order; the first that matches a request answers it.",
  anyOf: [
    { type: "array", items: { $ref: "#/definitions/entry" } },
    {
      type: "object",
      required: ["mocks"],
      additionalProperties: false,
      properties: { $schema: { type: "string" }, mocks: { type: "array", items: { $ref: "#/definitions/entry" } } },
    },
  ],
  definitions: {
    entry: {
      type: "object",
      // Each branch names its properties again: strict JSON Schema tools want a required property defined where it is required.
      anyOf: [
        { properties: { operation: true }, required: ["operation"] },
        { properties: { method: true, path: true }, required: ["method", "path"] },
      ],
      additionalProperties: false,
      properties: {
        operation: {
          type: "string",
          minLength: 1,
          description: "An operationId (`getOrder`) or a method and path of the contract (`GET /orders/{orderId}`).",
        },
        method: {
          type: "string",
          pattern: "^[A-Za-z]+$",
          description:
            "With `path`, instead of `operation`: the method of a route (`GET`). A route no contract has is answered as written, not validated.",
        },
        path: {
          type: "string",
          pattern: "^/",
          description:
            "With `method`: the path of a route (`/health`, `/legacy/{id}`), inside a contract (with or without its base path) or outside them all.",
        },
        contract: {
          type: "string",
          minLength: 1,
          description: "The contract file name (`shop.yaml`), where two loaded contracts share the operationId.",
        },
        name: { type: "string", description: "A label shown in the request journal." },
        priority: {
          type: "integer",
          minimum: 1,
          description: "Entries are tried lowest priority first (default 5, as in WireMock), then in file order.",
        },
        when: { $ref: "#/definitions/when" },
        respond: {
          description: "The answer; or a list of answers sent in turn, one per matching request (a sequence).",
          if: { type: "array" },
          then: { type: "array", minItems: 1, maxItems: 1000, items: { $ref: "#/definitions/respond" } },
          else: { $ref: "#/definitions/respond" },
        },
        then: {
          enum: ["repeat-last", "cycle"],
          description:
            "With a list in `respond`: after its last answer, send that one again (`repeat-last`, the default) or start from the first (`cycle`).",
        },
        scenario: { $ref: "#/definitions/scenario" },
      },
    },
    when: {
      type: "object",
      description:
        "All given conditions must hold. A plain value compares as text; an object is a matcher (docs/testing.md).",
      additionalProperties: false,
      properties: {
        path: {
          type: "object",
          additionalProperties: { anyOf: [scalar, { $ref: "#/definitions/matcher" }] },
          description: "Path parameters by name, decoded.",
        },
        query: {
          type: "object",
          additionalProperties: {
            anyOf: [scalar, { type: "array", items: scalar }, { $ref: "#/definitions/matcher" }],
          },
          description:
            "Query parameters: a value the parameter has, the exact list of its values, or a matcher any value satisfies.",
        },
        headers: {
          type: "object",
          additionalProperties: { anyOf: [scalar, { $ref: "#/definitions/matcher" }] },
          description: "Request headers (names without case).",
        },
        body: {
          type: "object",
          propertyNames: { pattern: "^\\$" },
          description: 'JSONPath (`$.a.b[0]`, `$.items[?(@.qty > 5)]`) to a value or matcher: `{ "$.status": paid }`.',
        },
      },
    },
    matcher: {
      type: "object",
      minProperties: 1,
      description: "Several keywords must all hold.",
      properties: {
        equals: { description: "The value (text comparison for scalars, deep for objects and lists)." },
        regex: { type: "string", description: "The whole value matches this regular expression." },
        contains: {
          type: ["string", "number", "boolean"],
          description: "Text containing this, or a list containing an element equal to it.",
        },
        absent: { const: true },
        present: { const: true },
        gt: { type: "number" },
        gte: { type: "number" },
        lt: { type: "number" },
        lte: { type: "number" },
        equalToJson: { description: "JSON equality (types count), optionally with `ignore` and `ignoreExtraFields`." },
        ignore: {
          type: "array",
          items: { type: "string", pattern: "^\\$" },
          description: "JSONPaths left out of `equalToJson`.",
        },
        ignoreExtraFields: {
          type: "boolean",
          description: "With `equalToJson`: the request may have more object fields.",
        },
        and: { type: "array", minItems: 1 },
        or: { type: "array", minItems: 1 },
        not: {},
      },
      additionalProperties: false,
    },
    respond: {
      type: "object",
      additionalProperties: false,
      properties: {
        status: {
          type: "integer",
          minimum: 100,
          maximum: 599,
          description: "Default: the operation's lowest documented 2xx.",
        },
        headers: { type: "object", additionalProperties: scalar },
        body: { description: "The body to send, as is (or as a template with `template: true`)." },
        example: { type: "string", description: "The contract's named example to send for `status`." },
        fake: { type: "boolean", description: "A fake from the schema of `status`, seeded per request." },
        template: {
          type: "boolean",
          description:
            "Render `body` and `headers` as Handlebars templates: {{request.path.x}}, {{request.query.x}}, {{request.headers.x}}, {{request.body.x}} and the helpers of docs/testing.md ({{now offset='+3 days'}}, {{#each}}, {{faker 'number.int' min=1 max=9}}, ...).",
        },
        delay: { type: ["string", "integer"], description: "`250ms`, `1.5s` or a range `100ms-400ms` (at most 60 s)." },
        fault: {
          enum: ["reset", "timeout", "malformed", "empty"],
          description: "A broken answer instead of this one.",
        },
      },
    },
    scenario: {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: { type: "string", minLength: 1 },
        "when-state": {
          type: "string",
          minLength: 1,
          description: "Match only in this state (every scenario starts in `Started`).",
        },
        "next-state": { type: "string", minLength: 1, description: "The state after this entry answers." },
      },
    },
  },
} as const;
