/**
 * The golden scenarios of the side-by-side test (test/prism/side-by-side.test.ts): each request goes to
 * Stoplight Prism 5.14 and to mockpact, each serving one sample contract of contracts/.
 *
 * `status` is what both answer, or a `Difference`: a deliberate one, with the status each answers and
 * why. Every Prism status below was observed by running Prism 5.14.2 on the contract, not assumed.
 * Paths are sent WITHOUT the contract's base path: Prism ignores `servers` / `basePath`, mockpact
 * serves both `/shop/products` and `/products`.
 *
 * `mockpact` lists what mockpact guarantees beyond the status (DESIGN.md, "The mock's behaviour"); the
 * test also checks, on every row, the guarantees that hold for every answer (see the test file).
 */

export type ContractName = "shop" | "catalog" | "legacy" | "cases";

export const CONTRACT_FILES: Record<ContractName, string> = {
  shop: "contracts/shop.yaml",
  catalog: "contracts/catalog-faker.yaml",
  legacy: "contracts/legacy-inventory.json",
  /** Prism's own areas of behaviour: query controls, status ranges and default, form bodies, 3.1 keywords in 3.0, Basic credentials. */
  cases: "test/contracts/faithful/prism-cases.yaml",
};

export type Body =
  /** Serialised JSON; Content-Type application/json unless `headers` set one (or `""` to send none). */
  | { json: unknown }
  /** Sent as it is, with the Content-Type of `headers` (none when they have none). */
  | { raw: string }
  /** application/x-www-form-urlencoded. */
  | { form: Record<string, string> }
  /** multipart/form-data; a part is text, or a file with its own media type. */
  | { multipart: Record<string, string | { filename: string; type: string; content: string }> };

export interface Difference {
  prism: number;
  mockpact: number;
  reason: string;
}

/** `in:where` of a violation, e.g. `query:limit`, `body:/price`, `body:` (the whole body). */
export type ViolationKey = string;

export interface MockpactExpectations {
  /**
   * On 400/422: every violation, as the set of `in:where`, exactly (in `Mockpact-Violations`, and in
   * the problem+json body when the body is mockpact's own).
   */
  violations?: ViolationKey[];
  /**
   * The error body: `own` is mockpact's problem+json (`urn:mockpact:problem:*`) listing the violations;
   * `documented` is the operation's own documented error response (its example), used where that
   * response's schema does not accept a problem+json body (DESIGN step 3).
   */
  errorBody?: "own" | "documented";
  /** The JSON body, deep-equal. */
  body?: unknown;
  contentType?: string;
  /** 405: the `Allow` header, exactly. */
  allow?: string;
  /** 401: the `WWW-Authenticate` header. */
  challenge?: string | RegExp;
  /** Other response headers, exactly or by pattern. */
  headers?: Record<string, string | RegExp>;
  /** Properties that must not appear at the top level of the JSON body (or of any item of a JSON array). */
  absent?: string[];
}

export interface Scenario {
  name: string;
  contract: ContractName;
  method: string;
  /** Path and query, without the base path. */
  path: string;
  headers?: Record<string, string>;
  body?: Body;
  status: number | Difference;
  mockpact?: MockpactExpectations;
}

const PET_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const BEARER = { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln" };
const SHOP_KEY = { "x-api-key": "back-office-key" };
const BASIC = { authorization: `Basic ${Buffer.from("operator:secret").toString("base64")}` };
const SCANNER_KEY = { "x-inventory-key": "scanner-7" };
const PNG = { filename: "front.png", type: "image/png", content: "\u0089PNG\r\n\u001a\n-not-really-a-png" };
const ORDER = {
  items: [{ productId: "p-100", quantity: 2 }],
  shippingAddress: { line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
};
const CAT = { name: "Tom", petType: "cat", registration: "AB-1234", indoor: true };
const WAREHOUSE = {
  code: "WH-WEST-02",
  name: "Cologne port",
  region: "west",
  address: { street: "Hafenstrasse 2", city: "Cologne", postalCode: "50668", country: "DE" },
};
const STOCK = { description: "Hex bolt M8x40, zinc", quantity: 5, unit: "box" };

// The reasons, one per kind of deliberate difference.
const PARAM_400 =
  "DESIGN step 3: an invalid path/query/header/cookie parameter is 400 (the request is malformed); Prism answers 422 for every invalid request the operation documents no 400/422 for";
const UNDECLARED_MEDIA_415 =
  "DESIGN step 3: an undeclared Content-Type is 415; Prism answers the operation's documented 400/422 instead when it has one";
const PRISM_SKIPS_DEEP_OBJECT =
  "Prism 5.14 does not validate the members of a deepObject query parameter (types, bounds, additionalProperties: false); mockpact reads the style and validates the object (DESIGN step 3)";
const PRISM_SKIPS_COOKIES = "Prism 5.14 does not validate cookie parameters; mockpact does (DESIGN step 3)";

export const SCENARIOS: Scenario[] = [
  // ---------------------------------------------------------------- shop (OpenAPI 3.1, examples)
  {
    name: "valid request, public operation: the media type's first named example",
    contract: "shop",
    method: "GET",
    path: "/products",
    status: 200,
    mockpact: {
      body: {
        items: [
          {
            id: "p-100",
            name: "Steel widget",
            price: 9.99,
            currency: "EUR",
            category: "tools",
            tags: ["metal", "bestseller"],
            inStock: true,
            createdAt: "2024-03-01T09:30:00Z",
          },
          {
            id: "p-101",
            name: "Pocket gadget",
            price: 24.5,
            currency: "EUR",
            category: "electronics",
            tags: [],
            inStock: false,
            createdAt: "2024-03-02T14:00:00Z",
          },
        ],
        total: 2,
      },
    },
  },
  {
    name: "valid query: integers, an enum, an exploded form array (?tag=a&tag=b)",
    contract: "shop",
    method: "GET",
    path: "/products?limit=20&offset=0&category=tools&tag=metal&tag=bestseller",
    status: 200,
  },
  {
    name: "invalid query (below minimum): the documented 400, whose Problem schema accepts mockpact's problem+json",
    contract: "shop",
    method: "GET",
    path: "/products?limit=0",
    status: 400,
    mockpact: { violations: ["query:limit"], errorBody: "own", contentType: "application/problem+json" },
  },
  {
    name: "two invalid query parameters: both are listed",
    contract: "shop",
    method: "GET",
    path: "/products?limit=abc&category=food",
    status: 400,
    mockpact: { violations: ["query:limit", "query:category"], errorBody: "own" },
  },
  {
    name: "valid path parameter",
    contract: "shop",
    method: "GET",
    path: "/products/p-100",
    status: 200,
  },
  {
    name: "invalid path parameter (pattern)",
    contract: "shop",
    method: "GET",
    path: "/products/abc",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["path:productId"], errorBody: "own" },
  },
  {
    name: "Prefer: example=gadget picks a named example",
    contract: "shop",
    method: "GET",
    path: "/products/p-100",
    headers: { prefer: "example=gadget" },
    status: 200,
    mockpact: {
      body: {
        id: "p-101",
        name: "Pocket gadget",
        price: 24.5,
        currency: "EUR",
        category: "electronics",
        tags: [],
        inStock: false,
        createdAt: "2024-03-02T14:00:00Z",
      },
    },
  },
  {
    name: "Prefer: example=empty on a list",
    contract: "shop",
    method: "GET",
    path: "/products",
    headers: { prefer: "example=empty" },
    status: 200,
    mockpact: { body: { items: [], total: 0 } },
  },
  {
    name: "Prefer: example= naming no example",
    contract: "shop",
    method: "GET",
    path: "/products/p-100",
    headers: { prefer: "example=nope" },
    status: {
      prism: 404,
      mockpact: 200,
      reason:
        "mockpact falls back to the first example (DESIGN step 5: a named example, else the first) and says so in Mockpact-Warning; Prism answers 404 'exampleKey does not exist' (a 404 a client cannot tell from a missing resource)",
    },
    mockpact: {
      headers: { "mockpact-warning": /example "nope" is not defined/ },
      body: {
        id: "p-100",
        name: "Steel widget",
        price: 9.99,
        currency: "EUR",
        category: "tools",
        tags: ["metal", "bestseller"],
        inStock: true,
        createdAt: "2024-03-01T09:30:00Z",
      },
    },
  },
  {
    name: "Prefer: code=404 answers the documented 404 with its example",
    contract: "shop",
    method: "GET",
    path: "/products/p-100",
    headers: { prefer: "code=404" },
    status: 404,
    mockpact: {
      contentType: "application/problem+json",
      body: {
        type: "https://shop.example/problems/not-found",
        title: "Not found",
        status: 404,
        detail: "The requested resource does not exist.",
      },
    },
  },
  {
    name: "Prefer: code= naming an undocumented status",
    contract: "shop",
    method: "GET",
    path: "/products/p-100",
    headers: { prefer: "code=418" },
    status: {
      prism: 404,
      mockpact: 400,
      reason:
        "the Prefer header asks for a status the contract does not document: a client error, so mockpact answers 400 naming the documented statuses (violation header:prefer); Prism answers 404, which reads as 'no such resource'",
    },
    mockpact: { contentType: "application/problem+json", violations: ["header:prefer"], errorBody: "own" },
  },
  {
    name: "Accept mismatch: 406",
    contract: "shop",
    method: "GET",
    path: "/products",
    headers: { accept: "text/html" },
    status: 406,
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "Prefer: code=404 with an Accept the documented 404 cannot satisfy",
    contract: "shop",
    method: "GET",
    path: "/products/p-100",
    headers: { prefer: "code=404", accept: "application/json" },
    status: {
      prism: 200,
      mockpact: 404,
      reason:
        "DESIGN step 4: an error answer is never turned into a 406, so the client gets the 404 it asked for in its documented media type (application/problem+json) whatever Accept says; Prism silently drops the Prefer code and answers the 200",
    },
    mockpact: {
      contentType: "application/problem+json",
      body: {
        type: "https://shop.example/problems/not-found",
        title: "Not found",
        status: 404,
        detail: "The requested resource does not exist.",
      },
    },
  },
  {
    name: "unknown path",
    contract: "shop",
    method: "GET",
    path: "/nope",
    status: 404,
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "wrong method on a collection: 405 with Allow",
    contract: "shop",
    method: "PATCH",
    path: "/products",
    status: 405,
    mockpact: { allow: "GET, POST", contentType: "application/problem+json" },
  },
  {
    name: "wrong method on an item: 405 with Allow",
    contract: "shop",
    method: "DELETE",
    path: "/products/p-100",
    status: 405,
    mockpact: { allow: "GET", contentType: "application/problem+json" },
  },
  {
    name: "missing apiKey (header)",
    contract: "shop",
    method: "POST",
    path: "/products",
    body: { json: { name: "Steel widget", price: 9.99 } },
    status: 401,
    mockpact: { challenge: /^ApiKey .*in="header", name="X-API-Key"/, contentType: "application/problem+json" },
  },
  {
    name: "apiKey sent in the query where the contract wants a header",
    contract: "shop",
    method: "POST",
    path: "/products?X-API-Key=back-office-key",
    body: { json: { name: "Steel widget", price: 9.99 } },
    status: 401,
    mockpact: { challenge: /^ApiKey / },
  },
  {
    name: "valid JSON body with the apiKey: 201, Location from the header's example",
    contract: "shop",
    method: "POST",
    path: "/products",
    headers: SHOP_KEY,
    body: { json: { name: "Steel widget", price: 9.99, currency: "EUR" } },
    status: 201,
    mockpact: { headers: { location: "/shop/products/p-100" } },
  },
  {
    name: "body breaks its schema: the documented 422 (the shop's own shape, not problem+json)",
    contract: "shop",
    method: "POST",
    path: "/products",
    headers: SHOP_KEY,
    body: { json: { name: "", price: -1, extra: 1 } },
    status: 422,
    mockpact: {
      violations: ["body:/extra", "body:/name", "body:/price"],
      errorBody: "documented",
      contentType: "application/json",
      body: { code: "PRODUCT_INVALID", errors: [{ field: "price", message: "must be at most 10000" }] },
    },
  },
  {
    name: "body that does not parse, the operation documents only a 422",
    contract: "shop",
    method: "POST",
    path: "/products",
    headers: { ...SHOP_KEY, "content-type": "application/json" },
    body: { raw: '{"name":' },
    status: {
      prism: 400,
      mockpact: 422,
      reason:
        "DESIGN step 3: the documented client-error status wins, and createProduct documents 422 (not 400) for bad requests, so a client built against the contract gets a status the real API sends; Prism answers a body it cannot parse with its own 400 whatever is documented",
    },
    mockpact: { violations: ["body:"], errorBody: "documented", contentType: "application/json" },
  },
  {
    name: "wrong Content-Type (text/plain where only JSON is declared)",
    contract: "shop",
    method: "POST",
    path: "/products",
    headers: { ...SHOP_KEY, "content-type": "text/plain" },
    body: { raw: "Steel widget" },
    status: { prism: 422, mockpact: 415, reason: UNDECLARED_MEDIA_415 },
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "multipart body with a file and a caption",
    contract: "shop",
    method: "POST",
    path: "/products/p-100/image",
    headers: SHOP_KEY,
    body: { multipart: { file: PNG, caption: "Front view" } },
    status: 204,
  },
  {
    name: "multipart body without its required file part",
    contract: "shop",
    method: "POST",
    path: "/products/p-100/image",
    headers: SHOP_KEY,
    body: { multipart: { caption: "Front view" } },
    status: 422,
    mockpact: { violations: ["body:/file"], errorBody: "own" },
  },
  {
    name: "multipart text part over maxLength",
    contract: "shop",
    method: "POST",
    path: "/products/p-100/image",
    headers: SHOP_KEY,
    body: { multipart: { file: PNG, caption: "x".repeat(130) } },
    status: 422,
    mockpact: { violations: ["body:/caption"], errorBody: "own" },
  },
  {
    name: "multipart upload without the apiKey",
    contract: "shop",
    method: "POST",
    path: "/products/p-100/image",
    body: { multipart: { file: PNG } },
    status: 401,
    mockpact: { challenge: /^ApiKey / },
  },
  {
    name: "missing bearer token",
    contract: "shop",
    method: "GET",
    path: "/orders",
    status: 401,
    mockpact: { challenge: /^Bearer/, contentType: "application/problem+json" },
  },
  {
    name: "Basic credentials where a bearer token is required",
    contract: "shop",
    method: "GET",
    path: "/orders",
    headers: BASIC,
    status: 401,
    mockpact: { challenge: /^Bearer/ },
  },
  {
    name: "bearer token present (its value is not checked)",
    contract: "shop",
    method: "GET",
    path: "/orders",
    headers: BEARER,
    status: 200,
  },
  {
    name: "Prefer: code=401 with credentials: the documented 401 and its WWW-Authenticate example",
    contract: "shop",
    method: "GET",
    path: "/orders",
    headers: { ...BEARER, prefer: "code=401" },
    status: 401,
    mockpact: {
      challenge: "Bearer",
      body: { title: "Unauthorized", status: 401, detail: "No credentials were sent." },
    },
  },
  {
    name: "invalid enum query parameter, no documented 400",
    contract: "shop",
    method: "GET",
    path: "/orders?status=lost",
    headers: BEARER,
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["query:status"], errorBody: "own" },
  },
  {
    name: "invalid header parameter (format uuid)",
    contract: "shop",
    method: "GET",
    path: "/orders/1001",
    headers: { ...BEARER, "x-request-id": "not-a-uuid" },
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["header:X-Request-Id"], errorBody: "own" },
  },
  {
    name: "integer path parameter below its minimum",
    contract: "shop",
    method: "GET",
    path: "/orders/0",
    headers: BEARER,
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["path:orderId"], errorBody: "own" },
  },
  {
    name: "Prefer: example=paid",
    contract: "shop",
    method: "GET",
    path: "/orders/1001",
    headers: { ...BEARER, prefer: "example=paid" },
    status: 200,
    mockpact: {
      body: {
        id: 1002,
        status: "paid",
        items: [{ productId: "p-101", quantity: 1 }],
        total: 24.5,
        createdAt: "2024-04-02T08:15:00Z",
      },
    },
  },
  {
    name: "valid body with a writeOnly property: accepted, never returned",
    contract: "shop",
    method: "POST",
    path: "/orders",
    headers: BEARER,
    body: { json: { ...ORDER, paymentToken: "tok-test-0001" } },
    status: 201,
    mockpact: { absent: ["paymentToken"] },
  },
  {
    name: "body breaks its schema in three places, the operation documents only a 400",
    contract: "shop",
    method: "POST",
    path: "/orders",
    headers: BEARER,
    body: { json: { items: [], shippingAddress: { line1: "a", city: "b", postalCode: "1", country: "de" } } },
    status: 400,
    mockpact: {
      violations: ["body:/items", "body:/shippingAddress/postalCode", "body:/shippingAddress/country"],
      errorBody: "own",
    },
  },
  {
    name: "required body missing, the operation documents a 400",
    contract: "shop",
    method: "POST",
    path: "/orders",
    headers: { ...BEARER, "content-type": "application/json" },
    status: 400,
    mockpact: { violations: ["body:"], errorBody: "own" },
  },
  {
    name: "DELETE with no content",
    contract: "shop",
    method: "DELETE",
    path: "/orders/1001",
    headers: BEARER,
    status: 204,
  },
  {
    name: "Prefer: code=409 on DELETE: the documented problem+json example",
    contract: "shop",
    method: "DELETE",
    path: "/orders/1001",
    headers: { ...BEARER, prefer: "code=409" },
    status: 409,
    mockpact: {
      contentType: "application/problem+json",
      body: {
        type: "https://shop.example/problems/order-shipped",
        title: "Order already shipped",
        status: 409,
        detail: "Order 1002 has shipped and can no longer be cancelled.",
      },
    },
  },
  {
    name: "form-urlencoded body",
    contract: "shop",
    method: "POST",
    path: "/login",
    body: { form: { username: "ada", password: "correct-horse" } },
    status: 200,
    mockpact: {
      body: { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl", expiresAt: "2024-04-01T11:00:00Z" },
    },
  },
  {
    name: "form-urlencoded body missing a required field",
    contract: "shop",
    method: "POST",
    path: "/login",
    body: { form: { username: "ada" } },
    status: 422,
    mockpact: { violations: ["body:/password"], errorBody: "own" },
  },
  {
    name: "JSON body of the same operation breaking minLength",
    contract: "shop",
    method: "POST",
    path: "/login",
    body: { json: { username: "ada", password: "" } },
    status: 422,
    mockpact: { violations: ["body:/password"], errorBody: "own" },
  },
  {
    name: "undeclared Content-Type, no documented 400/422",
    contract: "shop",
    method: "POST",
    path: "/login",
    headers: { "content-type": "application/xml" },
    body: { raw: "<credentials/>" },
    status: 415,
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "body without any Content-Type",
    contract: "shop",
    method: "POST",
    path: "/login",
    body: { raw: '{"username":"ada","password":"correct-horse"}' },
    status: {
      prism: 422,
      mockpact: 415,
      reason:
        "mockpact does not guess the media type of a body sent without Content-Type (415, DESIGN step 3); Prism reads it as an empty/unknown body and answers 422 'must be object'",
    },
    mockpact: { contentType: "application/problem+json" },
  },

  // ---------------------------------------------------------------- catalog (OpenAPI 3.0, faked)
  {
    name: "deepObject and pipeDelimited query parameters",
    contract: "catalog",
    method: "GET",
    path: "/pets?filter[color]=black&filter[petType]=cat&tags=fluffy|small&limit=2",
    status: 200,
  },
  {
    name: "invalid deepObject member and pipeDelimited item: both listed",
    contract: "catalog",
    method: "GET",
    path: "/pets?filter[color]=pink&tags=A1|b",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["query:filter/color", "query:tags/0"], errorBody: "own" },
  },
  {
    name: "pipeDelimited array over maxItems",
    contract: "catalog",
    method: "GET",
    path: "/pets?tags=a|b|c|d|e|f",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["query:tags"], errorBody: "own" },
  },
  {
    name: "deepObject member the schema does not allow (additionalProperties: false)",
    contract: "catalog",
    method: "GET",
    path: "/pets?filter[size]=big",
    status: { prism: 200, mockpact: 400, reason: PRISM_SKIPS_DEEP_OBJECT },
    mockpact: { violations: ["query:filter/size"], errorBody: "own" },
  },
  {
    name: "deepObject member of the wrong type",
    contract: "catalog",
    method: "GET",
    path: "/pets?filter[maxWeight]=heavy",
    status: { prism: 200, mockpact: 400, reason: PRISM_SKIPS_DEEP_OBJECT },
    mockpact: { violations: ["query:filter/maxWeight"], errorBody: "own" },
  },
  {
    name: "valid cookie parameter",
    contract: "catalog",
    method: "GET",
    path: `/pets/${PET_ID}`,
    headers: { cookie: "session=abcdefghijklmnop1234" },
    status: 200,
  },
  {
    name: "invalid cookie parameter",
    contract: "catalog",
    method: "GET",
    path: `/pets/${PET_ID}`,
    headers: { cookie: "theme=dark; session=short" },
    status: { prism: 200, mockpact: 400, reason: PRISM_SKIPS_COOKIES },
    mockpact: { violations: ["cookie:session"], errorBody: "own" },
  },
  {
    name: "path parameter that is not a uuid",
    contract: "catalog",
    method: "GET",
    path: "/pets/not-a-uuid",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["path:petId"], errorBody: "own" },
  },
  {
    name: "required header parameter missing",
    contract: "catalog",
    method: "PUT",
    path: `/pets/${PET_ID}`,
    body: { json: CAT },
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["header:If-Match"], errorBody: "own" },
  },
  {
    name: "required header present, oneOf body valid: 200 with its ETag header",
    contract: "catalog",
    method: "PUT",
    path: `/pets/${PET_ID}`,
    headers: { "if-match": '"v1"' },
    body: { json: CAT },
    status: 200,
    mockpact: { headers: { etag: /./ } },
  },
  {
    name: "oneOf + discriminator body, readOnly id omitted",
    contract: "catalog",
    method: "POST",
    path: "/pets",
    body: { json: CAT },
    status: 201,
  },
  {
    name: "oneOf body matching no branch (cat without indoor)",
    contract: "catalog",
    method: "POST",
    path: "/pets",
    body: { json: { name: "Tom", petType: "cat", registration: "AB-1234" } },
    status: 422,
    mockpact: {
      violations: ["body:/indoor", "body:/breed", "body:/canTalk", "body:/petType", "body:"],
      errorBody: "own",
    },
  },
  {
    name: "required readOnly id (and readOnly createdAt) omitted from a request body, writeOnly password sent",
    contract: "catalog",
    method: "POST",
    path: "/users?api_key=staff-key",
    body: { json: { username: "ada_l", email: "ada@example.com", password: "correct-horse" } },
    status: 201,
    mockpact: { absent: ["password"] },
  },
  {
    name: "required writeOnly property missing from a request body",
    contract: "catalog",
    method: "POST",
    path: "/users?api_key=staff-key",
    body: { json: { username: "ada_l", email: "ada@example.com" } },
    status: 422,
    mockpact: { violations: ["body:/password"], errorBody: "own" },
  },
  {
    name: "missing apiKey (query)",
    contract: "catalog",
    method: "POST",
    path: "/users",
    body: { json: { username: "ada_l", email: "ada@example.com", password: "correct-horse" } },
    status: 401,
    mockpact: { challenge: /^ApiKey .*in="query", name="api_key"/, contentType: "application/problem+json" },
  },
  {
    name: "apiKey sent as a header where the contract wants the query",
    contract: "catalog",
    method: "GET",
    path: `/users/${PET_ID}`,
    headers: { api_key: "staff-key" },
    status: 401,
    mockpact: { challenge: /^ApiKey / },
  },
  {
    name: "writeOnly property never in a response (Prism returns `password`)",
    contract: "catalog",
    method: "GET",
    path: `/users/${PET_ID}?api_key=staff-key`,
    status: 200,
    mockpact: { absent: ["password"] },
  },
  {
    name: "apiKey query parameter present but empty",
    contract: "catalog",
    method: "GET",
    path: `/users/${PET_ID}?api_key=`,
    status: 401,
    mockpact: { challenge: /ApiKey/ },
  },
  {
    name: "query parameter over its maximum",
    contract: "catalog",
    method: "GET",
    path: "/categories/tree?depth=9",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["query:depth"], errorBody: "own" },
  },
  {
    name: "recursive schema, faked",
    contract: "catalog",
    method: "GET",
    path: "/categories/tree?depth=2",
    status: 200,
  },
  {
    name: "Accept mismatch on a faked response",
    contract: "catalog",
    method: "GET",
    path: "/categories/tree",
    headers: { accept: "application/xml" },
    status: 406,
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "Prefer: code=500 answers the `default` response",
    contract: "catalog",
    method: "GET",
    path: "/pets",
    headers: { prefer: "code=500" },
    status: 500,
    mockpact: { contentType: "application/json" },
  },
  {
    name: "wrong method: 405 with Allow",
    contract: "catalog",
    method: "DELETE",
    path: "/pets",
    status: 405,
    mockpact: { allow: "GET, POST" },
  },

  // ---------------------------------------------------------------- legacy (Swagger 2.0)
  {
    name: "csv array and enum query parameters, example with a faked header",
    contract: "legacy",
    method: "GET",
    path: "/warehouses?ids=1,2&region=north",
    status: 200,
    mockpact: { headers: { "x-total-count": /^\d+$/ } },
  },
  {
    name: "invalid csv items and enum: three violations",
    contract: "legacy",
    method: "GET",
    path: "/warehouses?ids=0,x&region=middle",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["query:ids/0", "query:ids/1", "query:region"], errorBody: "own" },
  },
  {
    name: "integer path parameter that is not a number",
    contract: "legacy",
    method: "GET",
    path: "/warehouses/abc",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["path:warehouseId"], errorBody: "own" },
  },
  {
    name: "two path parameters, valid",
    contract: "legacy",
    method: "GET",
    path: "/warehouses/1/stock/BOL-00042",
    status: 200,
  },
  {
    name: "second path parameter breaks its pattern",
    contract: "legacy",
    method: "GET",
    path: "/warehouses/1/stock/bad",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["path:sku"], errorBody: "own" },
  },
  {
    name: "invalid boolean query and an over-long header, both listed",
    contract: "legacy",
    method: "GET",
    path: "/warehouses/1/stock?belowReorderLevel=maybe",
    headers: { "x-correlation-id": "c".repeat(70) },
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["query:belowReorderLevel", "header:X-Correlation-Id"], errorBody: "own" },
  },
  {
    name: "valid csv of patterned strings, faked list",
    contract: "legacy",
    method: "GET",
    path: "/warehouses/1/stock?skus=ABC-12345,XYZ-00001&belowReorderLevel=true",
    status: 200,
  },
  {
    name: "basic credentials and a valid body",
    contract: "legacy",
    method: "POST",
    path: "/warehouses",
    headers: BASIC,
    body: { json: WAREHOUSE },
    status: 201,
  },
  {
    name: "missing basic credentials: the documented 401 (its Error schema does not accept problem+json)",
    contract: "legacy",
    method: "POST",
    path: "/warehouses",
    body: { json: WAREHOUSE },
    status: 401,
    mockpact: { challenge: /^Basic/, contentType: "application/json" },
  },
  {
    name: "bearer token where basic is required",
    contract: "legacy",
    method: "DELETE",
    path: "/warehouses/1",
    headers: BEARER,
    status: 401,
    mockpact: { challenge: /^Basic/ },
  },
  {
    name: "body breaks its schema, the operation documents only a 400",
    contract: "legacy",
    method: "POST",
    path: "/warehouses",
    headers: BASIC,
    body: { json: { code: "bad", region: "x" } },
    status: 400,
    mockpact: {
      violations: ["body:/name", "body:/address", "body:/code", "body:/region"],
      errorBody: "documented",
      contentType: "application/json",
    },
  },
  {
    name: "body that does not parse: the documented 400 and its example",
    contract: "legacy",
    method: "POST",
    path: "/warehouses",
    headers: { ...BASIC, "content-type": "application/json" },
    body: { raw: "{bad" },
    status: 400,
    mockpact: {
      violations: ["body:"],
      errorBody: "documented",
      contentType: "application/json",
      body: { code: "BAD_REQUEST", message: "delta must be an integer." },
    },
  },
  {
    name: "Prefer: code=409 with the documented example",
    contract: "legacy",
    method: "DELETE",
    path: "/warehouses/1",
    headers: { ...BASIC, prefer: "code=409" },
    status: 409,
    mockpact: { body: { code: "WAREHOUSE_NOT_EMPTY", message: "Warehouse 1 still holds 42 stock items." } },
  },
  {
    name: "apiKey header present, faked 200 (the lowest 2xx)",
    contract: "legacy",
    method: "PUT",
    path: "/warehouses/1/stock/BOL-00042",
    headers: SCANNER_KEY,
    body: { json: STOCK },
    status: 200,
  },
  {
    name: "Prefer: code=201 picks the other 2xx",
    contract: "legacy",
    method: "PUT",
    path: "/warehouses/1/stock/BOL-00042",
    headers: { ...SCANNER_KEY, prefer: "code=201" },
    body: { json: STOCK },
    status: 201,
  },
  {
    name: "missing apiKey (header) on Swagger 2.0",
    contract: "legacy",
    method: "PUT",
    path: "/warehouses/1/stock/BOL-00042",
    body: { json: STOCK },
    status: 401,
    mockpact: { challenge: /^ApiKey .*name="X-Inventory-Key"/ },
  },
  {
    name: "formData parameters sent form-urlencoded",
    contract: "legacy",
    method: "POST",
    path: "/warehouses/1/stock/BOL-00042/adjustments",
    headers: SCANNER_KEY,
    body: { form: { delta: "-5", reason: "shipped" } },
    status: 200,
    mockpact: { headers: { "x-ratelimit-remaining": /^-?\d+$/ } },
  },
  {
    name: "form body breaks its schema, the operation documents only a 400",
    contract: "legacy",
    method: "POST",
    path: "/warehouses/1/stock/BOL-00042/adjustments",
    headers: SCANNER_KEY,
    body: { form: { delta: "abc", reason: "lost" } },
    status: 400,
    mockpact: { violations: ["body:/delta", "body:/reason"], errorBody: "documented", contentType: "application/json" },
  },
  {
    name: "JSON sent where only form-urlencoded is declared",
    contract: "legacy",
    method: "POST",
    path: "/warehouses/1/stock/BOL-00042/adjustments",
    headers: SCANNER_KEY,
    body: { json: { delta: 1, reason: "shipped" } },
    status: { prism: 400, mockpact: 415, reason: UNDECLARED_MEDIA_415 },
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "unknown path under a known prefix",
    contract: "legacy",
    method: "GET",
    path: "/warehouses/1/shelves",
    status: 404,
    mockpact: { contentType: "application/problem+json" },
  },

  // ---------------------------------------------------------------- cases (OpenAPI 3.0, Prism's areas)
  {
    name: "?__code=404 (Prism's query control) answers the 4XX range, with the forced status",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__code=404",
    status: 404,
    mockpact: { body: { status: 400, message: "client error" } },
  },
  {
    name: "?__example= (Prism's query control) names an example",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__example=large",
    status: 200,
    mockpact: { body: { id: "w-2", name: "Large widget", size: 9 } },
  },
  {
    name: "a forced code documented exactly wins over default",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__code=503",
    status: 503,
    mockpact: { body: { status: 503, message: "maintenance" } },
  },
  {
    name: "a forced 5xx with no 5XX range answers default",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__code=500",
    status: 500,
    mockpact: { body: { status: 500, message: "unexpected" } },
  },
  {
    name: "a forced 4xx the contract does not list answers its 4XX range",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__code=418",
    status: 418,
  },
  {
    name: "Prefer: code=502 answers default",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1",
    headers: { prefer: "code=502" },
    status: 502,
  },
  {
    name: "the Prefer header wins over the query control",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__code=404",
    headers: { prefer: "code=200" },
    status: 200,
    mockpact: { body: { id: "w-1", name: "Small widget", size: 1 } },
  },
  {
    name: "?__dynamic=true fakes where examples exist",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1?__dynamic=true",
    status: 200,
  },
  {
    name: "a missing path segment (//) is a missing path parameter",
    contract: "cases",
    method: "GET",
    path: "/widgets//parts",
    status: { prism: 422, mockpact: 400, reason: PARAM_400 },
    mockpact: { violations: ["path:widgetId"], errorBody: "own" },
  },
  {
    name: "an empty query value where allowEmptyValue is set",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1/parts?color=",
    status: 200,
  },
  {
    name: "a query name without a value where allowEmptyValue is set",
    contract: "cases",
    method: "GET",
    path: "/widgets/w-1/parts?color",
    status: 200,
  },
  {
    name: "a body sent to an operation that declares none: 415",
    contract: "cases",
    method: "POST",
    path: "/widgets/w-1/archive",
    headers: { "content-type": "application/json" },
    body: { raw: "{}" },
    status: 415,
    mockpact: { contentType: "application/problem+json" },
  },
  {
    name: "the same operation without a body",
    contract: "cases",
    method: "POST",
    path: "/widgets/w-1/archive",
    status: 204,
  },
  {
    name: "form body with reserved characters in an allowReserved field and an encoded one",
    contract: "cases",
    method: "POST",
    path: "/search",
    body: { raw: "q=a%2Fb&filter=x/y:z" },
    headers: { "content-type": "application/x-www-form-urlencoded" },
    status: 200,
  },
  {
    name: "form body with an empty required field below its minLength",
    contract: "cases",
    method: "POST",
    path: "/search",
    body: { form: { q: "", filter: "x" } },
    status: 422,
    mockpact: { violations: ["body:/q"], errorBody: "own" },
  },
  {
    name: "multipart form body with an empty optional part",
    contract: "cases",
    method: "POST",
    path: "/search",
    body: { multipart: { q: "bolts", note: "" } },
    status: 200,
  },
  {
    name: "a 3.0 document using 3.1 keywords (examples on a property, const, contains) is served",
    contract: "cases",
    method: "GET",
    path: "/profile",
    status: 200,
    mockpact: { body: { name: "Ada Lovelace", kind: "person", tags: ["vip"] } },
  },
  {
    name: "Basic credentials that are base64 of id:password",
    contract: "cases",
    method: "GET",
    path: "/vault",
    headers: { authorization: `Basic ${Buffer.from("ada:pw").toString("base64")}` },
    status: 200,
  },
  {
    name: "Basic credentials that are not base64",
    contract: "cases",
    method: "GET",
    path: "/vault",
    headers: { authorization: "Basic not-base64!" },
    status: 401,
    mockpact: { challenge: /^Basic/ },
  },
  {
    name: "Basic credentials whose decoding has no colon",
    contract: "cases",
    method: "GET",
    path: "/vault",
    headers: { authorization: `Basic ${Buffer.from("nocolon").toString("base64")}` },
    status: 401,
    mockpact: { challenge: /^Basic/ },
  },
];
