export type Verdict = "passed" | "failed" | "pending";

/** One interaction of a pact of side-by-side/pacts, and the verdict Pact's core gives it. */
export interface VerifyCase {
  pact: string;
  interaction: string;
  verdict: Verdict;
  /** Where plain Pact JS gives another verdict than its core (and mockpact): what it gives, and why mockpact follows the core. */
  pactJs?: { verdict: Verdict; why: string };
}

const JOINED =
  "Pact JS's own proxy (http-proxy) joins the two lines into one `1, 1000`, which the core then reads as one value; mockpact's proxy passes the lines on as they came, as the core expects";
const REWRITTEN =
  'Pact JS\'s own proxy parses a form body and sends it on as JSON, cut at the form\'s length (the provider got `{"user":"ada","pi`); mockpact\'s proxy forwards the request unchanged, as the core sent it';
const SWALLOWED =
  "Pact JS's proxy answers the core 200 when a state handler throws, so the request goes out; the core, told of the failure (as by a states URL that answers 500), retries the setup and then fails the interaction without sending its request";

/** The golden table: every interaction of the pacts, through mockpact verify and plain Pact JS side by side. */
export const VERIFY_CASES: VerifyCase[] = [
  { pact: "v3-http.json", interaction: "a path from the state's values", verdict: "passed" },
  { pact: "v3-http.json", interaction: "a header from the state's values", verdict: "passed" },
  { pact: "v3-http.json", interaction: "a body field from the state's values", verdict: "passed" },
  { pact: "v3-http.json", interaction: "a response header that matches its regex", verdict: "passed" },
  { pact: "v3-http.json", interaction: "a response header with a tail after its regex", verdict: "failed" },
  { pact: "v3-http.json", interaction: "a body field with a tail after its regex", verdict: "failed" },
  { pact: "v3-http.json", interaction: "more items than max", verdict: "failed" },
  { pact: "v3-http.json", interaction: "include", verdict: "passed" },
  { pact: "v3-http.json", interaction: "a decimal where an integer is expected", verdict: "failed" },
  { pact: "v3-http.json", interaction: "a month out of range", verdict: "failed" },
  {
    pact: "v3-http.json",
    interaction: "a repeated response header under a matcher",
    verdict: "passed",
    pactJs: { verdict: "failed", why: JOINED },
  },
  { pact: "v3-http.json", interaction: "a binary response body", verdict: "passed" },
  { pact: "v3-http.json", interaction: "a repeated query parameter", verdict: "passed" },
  {
    pact: "v3-http.json",
    interaction: "a form body",
    verdict: "passed",
    pactJs: { verdict: "failed", why: REWRITTEN },
  },
  {
    pact: "v3-http.json",
    interaction: "a state whose setup fails",
    verdict: "failed",
    pactJs: { verdict: "passed", why: SWALLOWED },
  },
  { pact: "v3-http.json", interaction: "no state at all", verdict: "passed" },
  { pact: "v2-http.json", interaction: "V2 a response header with a tail after its regex", verdict: "failed" },
  { pact: "v2-http.json", interaction: "V2 min items", verdict: "passed" },
  { pact: "v2-http.json", interaction: "V2 a binary response body", verdict: "passed" },
  { pact: "v2-http.json", interaction: "V2 a binary response body that differs", verdict: "failed" },
  { pact: "v4-http.json", interaction: "arrayContains", verdict: "passed" },
  { pact: "v4-http.json", interaction: "a key that breaks eachKey", verdict: "failed" },
  { pact: "v4-http.json", interaction: "a status of the expected class", verdict: "passed" },
  { pact: "v4-http.json", interaction: "a status of another class", verdict: "failed" },
  { pact: "v4-http.json", interaction: "a V4 base64 response body", verdict: "passed" },
  { pact: "v4-http.json", interaction: "a random value in the request body", verdict: "passed" },
  { pact: "v4-http.json", interaction: "an interaction with comments", verdict: "failed" },
  { pact: "v3-messages.json", interaction: "an order created message", verdict: "passed" },
  { pact: "v3-messages.json", interaction: "a message with a wrong type", verdict: "failed" },
  { pact: "v3-messages.json", interaction: "a message on another topic", verdict: "failed" },
  { pact: "v3-messages.json", interaction: "a message with a tail after its regex", verdict: "failed" },
  { pact: "v4-messages.json", interaction: "V4 a stock message", verdict: "passed" },
  { pact: "v4-messages.json", interaction: "V4 a stock message with a bad product", verdict: "failed" },
  { pact: "pending (broker)", interaction: "a pending pact's failing interaction", verdict: "pending" },
  { pact: "pending (broker)", interaction: "a pending pact's passing interaction", verdict: "passed" },
  { pact: "WIP (broker)", interaction: "a pending pact's failing interaction", verdict: "pending" },
  { pact: "WIP (broker)", interaction: "a pending pact's passing interaction", verdict: "passed" },
];
