/**
 * The one error type of mockpact. Every failure a user can cause (a broken contract, a hostile $ref,
 * a bad flag) is a MockpactError with a stable `code`, a message "Failed to X: why" that names the
 * file and place, and a hint that says what to do. docs/errors.md lists every error code, warning
 * code and problem kind of this file; a test keeps them in sync.
 */
export const ERROR_CODES = {
  CONTRACT_NOT_FOUND: "The contract file or folder does not exist.",
  CONTRACT_READ: "The contract file could not be read.",
  CONTRACT_PARSE: "The contract is not valid YAML or JSON.",
  CONTRACT_INVALID: "The document is not an OpenAPI or Swagger contract mockpact understands.",
  REF_NOT_FOUND: "A $ref points at a file or JSON pointer that does not exist.",
  REF_OUTSIDE_ROOT: "A $ref reads a file outside the contract's root folder.",
  REF_REMOTE: "A $ref points at a remote URL and remote refs are not allowed.",
  ROUTE_CONFLICT: "Two operations claim the same method and path.",
  SCHEMA_COMPILE: "A schema of the contract could not be compiled.",
  FAKE_TOO_LARGE: "A schema's fake takes more values than the fake budget allows, even with required properties only.",
  OPTION_INVALID: "An option or flag has a value mockpact cannot use.",
  SERVER_LISTEN: "The server could not listen on the host and port.",
  TLS_INVALID:
    "The certificate or key given with --cert and --key cannot be read, is not PEM, or the key is not the certificate's.",
  PACT_NOT_FOUND:
    "A pact file, folder or URL given with --pact (verify, compat, mock) does not exist or holds no pact.",
  PACT_INVALID:
    "A pact is not JSON, not a pact of a specification version Pact knows (1 to 4), or has an interaction without a request or response.",
  PROVIDER_UNREACHABLE: "The provider under verification does not answer at its base URL.",
  STATES_INVALID: "The provider-states file or URL cannot be used.",
  BROKER_ERROR: "The Pact Broker (or a pact URL) could not be read.",
  VERIFIER_FAILED: "Pact's verifier could not run with the options given.",
  REPORT_WRITE: "A report file could not be written.",
  MOCKS_NOT_FOUND: "A mocks file or folder given with --mocks does not exist.",
  MOCKS_PARSE: "A mocks file is not valid YAML or JSON.",
  MOCKS_INVALID:
    "A mocks file entry breaks the mocks file schema, or has a delay, template, example or scenario mockpact cannot use.",
  MOCKS_OPERATION_UNKNOWN: "A mocks file entry names an operation no loaded contract has (or one that several have).",
  MATCHER_INVALID:
    "A request matcher (an override's `when`, or a verification pattern) has an unknown keyword, a regex or JSONPath that cannot be used, or a value of the wrong type; the message names its JSON pointer.",
  STATE_FIXTURES_INVALID: "The fixtures folder given to seed the stateful store cannot be read.",
  FIXTURE_WRITE: "A fixture file or folder could not be written, or would lie outside the output folder.",
  BUNDLE_WRITE: "The bundle file of `mockpact bundle` could not be written.",
  BUNDLE_INVALID: "A bundle given to the MSW handlers is not one `mockpact bundle` of this version wrote.",
  MOCK_NOT_READY: "The MSW handlers were asked for an override before their contracts had loaded.",
  STORE_UNAVAILABLE: "The store given with --store (Redis) cannot be reached, or was lost while serving.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * What a contract can hold that loads but is ignored, read one way of several, or not served as
 * written: reported at load (the mock's start-up lines, `mockpact lint`) with the file and place.
 */
export const WARNING_CODES = {
  REF_SIBLINGS_IGNORED:
    "A $ref has sibling keywords, which OpenAPI 3.0 and Swagger 2.0 ignore; mockpact ignores them too.",
  NULLABLE_WITHOUT_TYPE: 'A schema has nullable: true without a type; mockpact reads it as "or null".',
  EXCLUSIVE_BOUND_BOOLEAN:
    "A 3.1/3.2 schema has a boolean exclusiveMinimum/exclusiveMaximum (OpenAPI 3.0's form); mockpact reads it as 3.0 did.",
  PROPERTIES_REF: "A schema has a $ref in place of its whole properties map; mockpact reads the map it names.",
  EXTENSION_REF_IGNORED:
    "A $ref inside an x- extension cannot be followed (missing, outside the root, or remote); the extension is no part of the API, so the $ref is ignored.",
  FORMAT_UNKNOWN:
    "A string schema has a format mockpact does not know; any string is accepted, and fakes are made from its type.",
  EMPTY_ENUM_IGNORED: "A schema has enum: [], which no value satisfies; mockpact ignores the empty enum.",
  REF_CYCLE: "A $ref leads to a cycle of $refs that never reaches a schema; requests that need it are answered 500.",
  PATH_FRAGMENT: "A path has a #fragment; routing ignores it.",
  PATH_QUERY:
    "A path key has a ?query, which no URL path holds; the operation is served at the path before it, the query ignored for routing.",
  DUPLICATE_OPERATION_ID: "An operationId is used more than once; each later operation is served under a numbered id.",
  EXAMPLE_EXTERNAL_UNREAD:
    "An example's externalValue cannot be read (a URL, outside the root, missing or too large); the example is skipped.",
  EXAMPLE_INVALID: "An example does not match its schema; the mock serves another example or a fake instead.",
  RESPONSE_UNWRITABLE:
    "A response has a status outside 100-599, a header name that is not a token, or a header value or media type with control or non-Latin-1 characters; answers that need it are a 500.",
} as const;

export type WarningCode = keyof typeof WARNING_CODES;

/**
 * Every problem mockpact answers with, the mock's, the proxy's and the admin API's: the kind is the
 * stable last part of the URN `type` (`urn:mockpact:problem:not-found`), with its status and title.
 */
export const PROBLEM_KINDS = {
  "not-found": [404, "No route matches the request"],
  "method-not-allowed": [405, "The route does not allow this method"],
  unauthorized: [401, "Credentials are missing"],
  "invalid-request": [400, "The request does not match the contract"],
  "invalid-body": [422, "The request body does not match its schema"],
  "unprocessable-request": [422, "The request does not match the contract"],
  "unsupported-media-type": [415, "The request's media type is not declared"],
  "not-acceptable": [406, "No declared media type is acceptable"],
  "payload-too-large": [413, "The request body is too large"],
  "no-response-defined": [500, "The contract defines no such response"],
  "mock-error": [500, "The mock failed to build a response"],
  "resource-not-found": [404, "No such item in the mock's state"],
  "state-full": [507, "The mock's state is full"],
  "store-unavailable": [503, "The mock's shared store cannot be reached"],
  "upstream-timeout": [504, "The upstream did not answer in time"],
  "upstream-unreachable": [502, "The upstream cannot be reached"],
  "upstream-incomplete": [502, "The upstream's answer broke off"],
  "admin-bad-request": [400, "Bad admin request"],
  "admin-not-found": [404, "No such admin route"],
  "admin-forbidden": [403, "The admin API refuses this request"],
  "admin-unauthorized": [401, "The admin API needs its token"],
  "admin-error": [500, "The admin API failed"],
} as const satisfies Record<string, readonly [number, string]>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export interface ErrorPlace {
  file?: string;
  /** JSON pointer inside the file, e.g. `#/paths/~1pets/get`. */
  pointer?: string;
  line?: number;
  column?: number;
}

export class MockpactError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly place: ErrorPlace;

  constructor(code: ErrorCode, message: string, options: { hint: string; place?: ErrorPlace; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "MockpactError";
    this.code = code;
    this.hint = options.hint;
    this.place = options.place ?? {};
  }

  /** One line for a terminal: `CODE file:line:col message (hint)`. */
  format(): string {
    return `${this.code} ${formatPlace(this.place)}${this.message}\n  hint: ${this.hint}`;
  }
}

export function formatPlace(place: ErrorPlace): string {
  if (!place.file) return place.pointer ? `${place.pointer}: ` : "";
  const lc = place.line ? `:${place.line}${place.column ? `:${place.column}` : ""}` : "";
  const ptr = place.pointer && !place.line ? ` ${place.pointer}` : "";
  return `${place.file}${lc}${ptr}: `;
}

export function isMockpactError(error: unknown): error is MockpactError {
  return error instanceof MockpactError;
}

/** What a validator of src/options offers: restated here, as errors.ts imports nothing. */
export interface OptionCheck<T> {
  expected: string;
  read(value: unknown): T | undefined;
}

/** The one error of an option whose value cannot be used: `Failed to read option --port: "x" is not ...`. */
export function invalidOption(
  name: string,
  value: unknown,
  expected: string,
  hint = `Give --${name} ${expected}.`,
): MockpactError {
  return new MockpactError("OPTION_INVALID", `Failed to read option --${name}: "${String(value)}" is not ${expected}`, {
    hint,
  });
}

/** Options that cannot be used together, or one missing that another needs: `Failed to start compat: no pact was given`. */
export function unusableOptions(what: string, why: string, hint: string): MockpactError {
  return new MockpactError("OPTION_INVALID", `Failed to start ${what}: ${why}`, { hint });
}

/** The value as `check` reads it, or the OPTION_INVALID error that names `--name` and what it expected. */
export function checkOption<T>(name: string, value: unknown, check: OptionCheck<T>): T {
  const read = check.read(value);
  if (read === undefined) throw invalidOption(name, value, check.expected);
  return read;
}
