/**
 * The golden table of compat: each pact of cases/pacts/ against its contract of cases/contracts/,
 * with the rule codes mockpact reports (errors and warnings, sorted), and where
 * swagger-mock-validator's pass/fail verdict deliberately differs, the reason.
 */
export interface GoldenCase {
  pact: string;
  contract: "pets.yaml" | "store-swagger.yaml";
  rules: string[];
  smvDiffers?: string;
}

export const GOLDEN: GoldenCase[] = [
  { pact: "ok-list-pets.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-get-pet.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-create-pet.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-v2-matchers.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-v4-delete.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-required-subset.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-bad-request-interaction.json", contract: "pets.yaml", rules: [] },
  { pact: "ok-swagger-basepath.json", contract: "store-swagger.yaml", rules: [] },
  { pact: "path-unknown.json", contract: "pets.yaml", rules: ["request.path.unknown"] },
  { pact: "method-unknown.json", contract: "pets.yaml", rules: ["request.method.unknown"] },
  { pact: "path-incompatible.json", contract: "pets.yaml", rules: ["request.path.incompatible"] },
  { pact: "query-incompatible.json", contract: "pets.yaml", rules: ["request.query.incompatible"] },
  { pact: "query-unknown.json", contract: "pets.yaml", rules: ["request.query.unknown"] },
  { pact: "header-incompatible.json", contract: "pets.yaml", rules: ["request.header.incompatible"] },
  { pact: "header-missing.json", contract: "pets.yaml", rules: ["request.header.incompatible"] },
  { pact: "header-unknown.json", contract: "pets.yaml", rules: ["request.header.unknown"] },
  { pact: "authorization-missing.json", contract: "pets.yaml", rules: ["request.authorization.missing"] },
  { pact: "content-type-missing.json", contract: "pets.yaml", rules: ["request.content-type.missing"] },
  { pact: "content-type-incompatible.json", contract: "pets.yaml", rules: ["request.content-type.incompatible"] },
  { pact: "accept-incompatible.json", contract: "pets.yaml", rules: ["request.accept.incompatible"] },
  { pact: "request-body-unknown.json", contract: "pets.yaml", rules: ["request.body.unknown"] },
  { pact: "request-body-missing.json", contract: "pets.yaml", rules: ["request.body.missing"] },
  { pact: "request-body-incompatible.json", contract: "pets.yaml", rules: ["request.body.incompatible"] },
  { pact: "request-body-additional.json", contract: "pets.yaml", rules: ["request.body.incompatible"] },
  { pact: "request-matcher-enum.json", contract: "pets.yaml", rules: ["request.body.matcher.incompatible"] },
  { pact: "status-unknown.json", contract: "pets.yaml", rules: ["response.status.unknown"] },
  { pact: "status-default.json", contract: "pets.yaml", rules: ["response.status.default"] },
  {
    pact: "status-range.json",
    contract: "pets.yaml",
    rules: [],
    smvDiffers:
      "the operation documents 4XX, which covers 409; swagger-mock-validator reads no status ranges and reports response.status.unknown (a false positive)",
  },
  { pact: "response-header-incompatible.json", contract: "pets.yaml", rules: ["response.header.incompatible"] },
  {
    pact: "response-header-unknown.json",
    contract: "pets.yaml",
    rules: ["response.header.unknown"],
    smvDiffers:
      "a header the response does not document is not promised, but not forbidden either: mockpact warns, swagger-mock-validator fails",
  },
  {
    pact: "response-content-type-incompatible.json",
    contract: "pets.yaml",
    rules: ["response.content-type.incompatible"],
  },
  { pact: "response-body-unknown.json", contract: "pets.yaml", rules: ["response.body.unknown"] },
  { pact: "response-body-incompatible.json", contract: "pets.yaml", rules: ["response.body.incompatible"] },
  {
    pact: "response-property-forbidden.json",
    contract: "pets.yaml",
    rules: ["response.body.property.forbidden", "response.body.property.optional"],
  },
  {
    pact: "response-property-writeonly.json",
    contract: "pets.yaml",
    rules: ["response.body.property.forbidden"],
    smvDiffers:
      "the consumer expects `secret`, which is writeOnly: a provider never returns it, so the pact would fail verification; swagger-mock-validator ignores writeOnly (a false negative)",
  },
  { pact: "response-property-optional.json", contract: "pets.yaml", rules: ["response.body.property.optional"] },
  {
    pact: "response-property-undeclared.json",
    contract: "pets.yaml",
    rules: ["response.body.property.undeclared"],
    smvDiffers:
      "the schema allows extra properties (no additionalProperties: false); swagger-mock-validator closes every response object by default and fails, mockpact warns that the property is allowed, not promised",
  },
  {
    pact: "response-matcher-regex-enum.json",
    contract: "pets.yaml",
    rules: ["response.body.matcher.incompatible", "response.body.property.optional"],
  },
  {
    pact: "response-matcher-nullable.json",
    contract: "pets.yaml",
    rules: ["response.body.matcher.incompatible", "response.body.property.optional"],
  },
  {
    pact: "cookie-incompatible.json",
    contract: "pets.yaml",
    rules: ["request.cookie.incompatible"],
    smvDiffers:
      "the operation requires a `session` cookie the interaction does not send; swagger-mock-validator does not read cookie parameters (a false negative)",
  },
  {
    pact: "servers-base-path.json",
    contract: "pets.yaml",
    rules: [],
    smvDiffers:
      "the path carries the base path of `servers` (/api); swagger-mock-validator ignores OpenAPI 3 servers and reports request.path-or-method.unknown (a false positive)",
  },
  { pact: "swagger-body-incompatible.json", contract: "store-swagger.yaml", rules: ["request.body.incompatible"] },
];
