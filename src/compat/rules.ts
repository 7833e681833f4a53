/**
 * The rule codes of `mockpact compat`: stable names a CI log, a JUnit report or a suppression list
 * can rely on. An `error` means the provider, as its contract describes it, would fail the pact; a
 * `warning` means the pact relies on something the contract allows but does not promise.
 * docs/compat.md lists them all; a test keeps the two in sync.
 */
export const COMPAT_RULES = {
  "request.path.unknown": ["error", "No operation of the contract has the interaction's path."],
  "request.method.unknown": ["error", "The contract has the path, but not with the interaction's method."],
  "request.path.incompatible": ["error", "A path parameter's value breaks its schema."],
  "request.query.incompatible": [
    "error",
    "A query parameter is missing though required, or its value breaks its schema.",
  ],
  "request.query.unknown": ["warning", "The interaction sends a query parameter the operation does not document."],
  "request.header.incompatible": [
    "error",
    "A header parameter is missing though required, or its value breaks its schema.",
  ],
  "request.header.unknown": [
    "warning",
    "The interaction sends a header the operation does not document (standard and credential headers aside).",
  ],
  "request.cookie.incompatible": [
    "error",
    "A cookie parameter is missing though required, or its value breaks its schema.",
  ],
  "request.authorization.missing": ["error", "The operation requires credentials the interaction does not send."],
  "request.content-type.missing": ["warning", "The interaction sends a body without a Content-Type header."],
  "request.content-type.incompatible": ["error", "The interaction's Content-Type is not one the operation accepts."],
  "request.accept.incompatible": [
    "error",
    "The interaction's Accept header accepts none of the media types the response documents.",
  ],
  "request.body.unknown": ["warning", "The interaction sends a body to an operation that documents none."],
  "request.body.missing": ["error", "The operation requires a body the interaction does not send."],
  "request.body.incompatible": ["error", "The interaction's request body breaks the operation's schema."],
  "request.body.matcher.incompatible": [
    "warning",
    "A request matcher lets the consumer send values the schema refuses (a type matcher where the schema has an enum).",
  ],
  "response.status.unknown": [
    "error",
    "The operation documents no response with the interaction's status (nor a range or default that covers it).",
  ],
  "response.status.default": ["warning", "Only the operation's `default` response covers the interaction's status."],
  "response.header.incompatible": ["error", "A response header the consumer expects breaks its documented schema."],
  "response.header.unknown": ["warning", "The consumer expects a response header the contract does not document."],
  "response.content-type.incompatible": ["error", "The consumer expects a media type the response does not document."],
  "response.body.unknown": ["error", "The consumer expects a body where the response documents none."],
  "response.body.incompatible": ["error", "The body the consumer expects breaks the response schema."],
  "response.body.property.forbidden": [
    "error",
    "The consumer expects a property the schema forbids (additionalProperties: false, or writeOnly).",
  ],
  "response.body.property.optional": [
    "warning",
    "The consumer relies on a property the schema declares but does not require: the provider may leave it out.",
  ],
  "response.body.property.undeclared": [
    "warning",
    "The consumer relies on a property the schema does not declare (extra properties are allowed, not promised).",
  ],
  "response.body.matcher.incompatible": [
    "warning",
    "A response matcher rejects values the schema allows (an enum value or a format its regex refuses, null under a type matcher).",
  ],
  "message.unknown": [
    "error",
    "No AsyncAPI message has a payload schema to check the message against, or no message or schema has the name --message-schema gives.",
  ],
  "message.body.incompatible": ["error", "The message the consumer expects breaks its payload schema."],
  "message.body.property.forbidden": [
    "error",
    "The message the consumer expects has a property its payload schema forbids (additionalProperties: false).",
  ],
} as const satisfies Record<string, readonly ["error" | "warning", string]>;

export type CompatRule = keyof typeof COMPAT_RULES;
export type Severity = "error" | "warning";

export function severityOf(rule: CompatRule): Severity {
  return COMPAT_RULES[rule][0];
}
