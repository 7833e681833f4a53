/**
 * The corpus operations that do not get a documented, schema-valid answer to a valid request, each
 * with the reason. Every entry is also in docs/corpus-limits.md (the test checks that), and the test
 * fails both for a failure missing here and for an entry that passes (remove it then).
 */
export const REASONS = {
  "shadowed-route":
    "Another operation of the same contract claims the same method and path (box's `#fragment` path keys, xero's `{AttachmentID}` and `{FileName}` templates): the first in document order answers, this one is never reached. The test checks the answer against the operation that answered.",
  "no-responses":
    "The operation documents no response at all (OpenAPI 3.1+ allows it): there is no documented status to answer with; mockpact answers 500 no-response-defined.",
  "unsatisfiable-request-schema":
    "No value satisfies the request body's schema as JSON Schema reads it: `allOf` branches with `additionalProperties: false` that exclude each other's required properties (linode), or `oneOf` branches that overlap and are told apart only by a discriminator none of them constrains (ory-kratos). A real client's request gets 422.",
  "readonly-required-in-oneof":
    "mockpact bug: a readOnly property listed in `required` inside a `oneOf` branch is still required in requests. mockpact drops such `required` errors after validation, which cannot rescue a `oneOf` branch that has already failed.",
  "fake-breaks-response-schema":
    "mockpact's faker builds a response body that breaks its schema (a `oneOf` of many overlapping object schemas); the mock says so in a Mockpact-Warning header.",
} as const;

export type Reason = keyof typeof REASONS;

export interface CorpusException {
  document: string;
  operationId: string;
  reason: Reason;
}

const shadowed = (document: string, ids: string[]): CorpusException[] =>
  ids.map((operationId) => ({ document, operationId, reason: "shadowed-route" }));

export const EXCEPTIONS: CorpusException[] = [
  ...shadowed("box", [
    "post_oauth2_token#refresh",
    "put_metadata_templates_enterprise_securityClassification-6VMVochwUWo_schema#update",
    "post_metadata_templates_schema#classifications",
    "get_files_id#get_shared_link",
    "put_files_id#add_shared_link",
    "put_files_id#update_shared_link",
    "put_files_id#remove_shared_link",
    "get_shared_items#folders",
    "get_folders_id#get_shared_link",
    "put_folders_id#add_shared_link",
    "put_folders_id#update_shared_link",
    "put_folders_id#remove_shared_link",
    "get_shared_items#web_links",
    "get_web_links_id#get_shared_link",
    "put_web_links_id#add_shared_link",
    "put_web_links_id#update_shared_link",
    "put_web_links_id#remove_shared_link",
    "get_shared_items#app_items",
  ]),
  ...shadowed("xero-accounting", [
    "getAccountAttachmentByFileName",
    "getBankTransactionAttachmentByFileName",
    "getBankTransferAttachmentByFileName",
    "getContact",
    "getContactAttachmentByFileName",
    "getCreditNoteAttachmentByFileName",
    "getInvoiceAttachmentByFileName",
    "getJournalByNumber",
    "getManualJournalAttachmentByFileName",
    "getPurchaseOrderByNumber",
    "getPurchaseOrderAttachmentByFileName",
    "getQuoteAttachmentByFileName",
    "getReceiptAttachmentByFileName",
    "getRepeatingInvoiceAttachmentByFileName",
  ]),
  { document: "learn-v32-tags-example", operationId: "get_flights", reason: "no-responses" },
  { document: "learn-v32-tags-example", operationId: "get_flights_international", reason: "no-responses" },
  { document: "learn-v32-tags-example", operationId: "get_flights_domestic", reason: "no-responses" },
  { document: "learn-v32-tags-example", operationId: "get_flights_delayed", reason: "no-responses" },
  { document: "linode", operationId: "post-linode-instance", reason: "unsatisfiable-request-schema" },
  { document: "linode", operationId: "post-rebuild-linode-instance", reason: "unsatisfiable-request-schema" },
  { document: "linode", operationId: "post-rebuild-node-balancer-config", reason: "unsatisfiable-request-schema" },
  { document: "ory-kratos", operationId: "updateRegistrationFlow", reason: "unsatisfiable-request-schema" },
  { document: "ory-kratos", operationId: "updateSettingsFlow", reason: "unsatisfiable-request-schema" },
  { document: "redocly-openapi-starter", operationId: "createMenuItem", reason: "readonly-required-in-oneof" },
  {
    document: "github-api",
    operationId: "activity/list-received-public-events-for-user",
    reason: "fake-breaks-response-schema",
  },
];
