/** An OpenAPI 3.0 document exercising every keyword the fake generator handles. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const s = (format: string, type = "string") => ({ type, format });

export const openapi30: Record<string, unknown> = {
  openapi: "3.0.3",
  info: { title: "fake fixtures", version: "1" },
  paths: {
    "/pets": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: ref("Pet") } } } } } } },
  },
  components: {
    schemas: {
      Formats: {
        type: "object",
        required: ["email", "uri", "url", "uuid", "date", "dateTime", "time", "ipv4", "ipv6", "hostname", "byte", "binary", "password", "int32", "int64", "float", "double", "custom", "int64String"],
        properties: {
          email: s("email"), uri: s("uri"), url: s("url"), uuid: s("uuid"), date: s("date"), dateTime: s("date-time"), time: s("time"),
          ipv4: s("ipv4"), ipv6: s("ipv6"), hostname: s("hostname"), byte: s("byte"), binary: s("binary"), password: s("password"),
          int32: s("int32", "integer"), int64: s("int64", "integer"), float: s("float", "number"), double: s("double", "number"),
          custom: s("snowflake-id"), int64String: s("int64"),
        },
      },
      Numbers: {
        type: "object",
        required: ["open", "onlyEleven", "big", "small", "fives", "bounded"],
        properties: {
          open: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
          onlyEleven: { type: "integer", minimum: 10, exclusiveMinimum: true, maximum: 12, exclusiveMaximum: true },
          big: { type: "integer", minimum: 5000 },
          small: { type: "integer", maximum: -5000 },
          fives: { type: "integer", multipleOf: 5 },
          bounded: { type: "integer", format: "int32", minimum: 1, maximum: 2147483647 },
        },
      },
      Nullables: {
        type: "object",
        required: ["text", "object", "closedEnum", "openEnum", "number"],
        properties: {
          text: { type: "string", nullable: true },
          object: { type: "object", nullable: true, required: ["a"], properties: { a: { type: "integer" } } },
          closedEnum: { type: "string", enum: ["a", "b"], nullable: true },
          openEnum: { type: "string", enum: ["a", null], nullable: true },
          number: { type: "number", nullable: true, minimum: 3 },
        },
      },
      Annotated: {
        type: "object", example: { anything: 1 }, "x-internal": { yes: true }, xml: { name: "annotated" },
        externalDocs: { url: "https://example.com" }, deprecated: true, title: "t", description: "d", additionalProperties: { type: "integer" },
      },
      Strings: {
        type: "object",
        required: ["long", "short", "code", "choice", "list", "capped", "unique"],
        properties: {
          long: { type: "string", maxLength: 5000 }, short: { type: "string", minLength: 3, maxLength: 4 },
          code: { type: "string", pattern: "^[A-Z]{3}-\\d{4}$" }, choice: { type: "string", enum: ["x", "y"] },
          list: { type: "array", minItems: 5, items: { type: "integer" } }, capped: { type: "array", maxItems: 100, items: { type: "boolean" } },
          unique: { type: "array", uniqueItems: true, minItems: 2, items: { type: "string", enum: ["a", "b", "c"] } },
        },
      },
      Pet: {
        type: "object", required: ["id", "name", "password"],
        properties: { id: { type: "integer", format: "int64", readOnly: true }, name: { type: "string" }, password: { type: "string", writeOnly: true }, owner: ref("Owner") },
      },
      Owner: { type: "object", properties: { ownerId: { ...ref("ReadOnlyId") }, email: { type: "string" } }, required: ["ownerId"] },
      ReadOnlyId: { type: "string", format: "uuid", readOnly: true },
      Timestamped: { type: "object", properties: { createdAt: { type: "string", format: "date-time", readOnly: true } } },
      Doc: { allOf: [ref("Timestamped"), { type: "object", required: ["createdAt", "title"], properties: { title: { type: "string" } } }] },
      Animal: { oneOf: [ref("Cat"), ref("Dog"), ref("Lizard")], discriminator: { propertyName: "kind", mapping: { kitty: "#/components/schemas/Cat", doggo: "Dog" } } },
      Cat: { type: "object", required: ["kind", "lives"], properties: { kind: { type: "string" }, lives: { type: "integer", minimum: 1, maximum: 9 } } },
      Dog: { type: "object", required: ["kind", "bark"], properties: { kind: { type: "string" }, bark: { type: "boolean" } } },
      Lizard: { type: "object", required: ["kind", "scales"], properties: { kind: { type: "string" }, scales: { type: "integer" } } },
      Shape: { oneOf: [ref("Circle"), ref("Square")], discriminator: { propertyName: "shape" } },
      Circle: { type: "object", required: ["shape", "radius"], properties: { shape: { type: "string" }, radius: { type: "number" } } },
      Square: { type: "object", required: ["shape", "side"], properties: { shape: { type: "string" }, side: { type: "integer" } } },
      Vehicle: { type: "object", required: ["vehicleType"], properties: { vehicleType: { type: "string" } }, discriminator: { propertyName: "vehicleType" } },
      Car: { allOf: [ref("Vehicle"), { type: "object", required: ["doors"], properties: { doors: { type: "integer", minimum: 2, maximum: 5 } } }] },
      Category: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: ref("Category") }, parent: ref("Category") } },
      Node: { type: "object", required: ["value", "children"], properties: { value: { type: "integer" }, children: { type: "array", items: ref("Node") } } },
      ChannelTypes: { type: "integer", oneOf: [{ const: 1, title: "DM" }, { const: 3 }, { const: 0 }, { const: 12 }] },
      PrivateChannel: { type: "object", required: ["type"], properties: { type: { type: "integer", enum: [1, 3], allOf: [ref("ChannelTypes")] } } },
      Page: { type: "object", additionalProperties: false, properties: { page: { type: "integer" }, pages: { type: "integer" } } },
      ClosedEnvelope: { type: "object", additionalProperties: false, properties: { page: { type: "integer" } }, allOf: [ref("Page"), { properties: { data: { type: "array", items: { type: "string" } } } }] },
      NullTwice: { type: "object", required: ["value"], properties: { value: { oneOf: [{ type: "string", nullable: true }, { type: "integer", nullable: true }, { type: "array", nullable: true, items: { type: "string" } }] } } },
      YamlEnum: { type: "string", enum: [true, "local", "remote", false] },
      Login: { oneOf: [ref("PasswordLogin"), ref("OidcLogin")] },
      PasswordLogin: { type: "object", required: ["method", "password"], properties: { method: { type: "string" }, password: { type: "string" } } },
      OidcLogin: { type: "object", required: ["method", "provider"], properties: { method: { type: "string" }, provider: { type: "string" }, password: { type: "string" }, note: { type: "string" } } },
      Loop: { type: "object", required: ["next"], properties: { next: ref("Loop") } },
      Person: {
        type: "object",
        required: ["id", "firstName", "lastName", "email", "city", "country", "phone", "url", "price", "createdAt", "name", "tinyName", "patternEmail"],
        properties: {
          id: { type: "string" }, firstName: { type: "string" }, lastName: { type: "string" }, email: { type: "string" }, city: { type: "string" },
          country: { type: "string" }, phone: { type: "string" }, url: { type: "string" }, price: { type: "number", minimum: 0 },
          createdAt: { type: "string" }, name: { type: "string", minLength: 1 }, tinyName: { type: "string", maxLength: 2 },
          patternEmail: { type: "string", pattern: "^x+$" },
        },
      },
    },
  },
};
