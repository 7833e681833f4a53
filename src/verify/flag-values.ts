import { invalidOption } from "../errors.js";
import type { ConsumerVersionSelector } from "./options.js";

const SELECTORS_HINT = `Give a JSON object or a list of them, e.g. '[{"mainBranch":true}]'.`;

/** `--consumer-version-selectors '[{"mainBranch":true}]'` -> the list; one object stands for a list of one. */
export function parseSelectors(json: string): ConsumerVersionSelector[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw invalidOption("consumer-version-selectors", json, `JSON (${(cause as Error).message})`, SELECTORS_HINT);
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.every((s) => typeof s === "object" && s !== null && !Array.isArray(s)))
    return list as ConsumerVersionSelector[];
  throw invalidOption("consumer-version-selectors", json, "a JSON object or a list of them", SELECTORS_HINT);
}

/**
 * `--header 'Authorization: Bearer x'` -> { Authorization: "Bearer x" }, added to the headers before it;
 * the value may hold colons. A refused flag is shown up to its name only: its value may be a secret.
 */
export function parseHeader(flag: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = flag.indexOf(":");
  const name = colon > 0 ? flag.slice(0, colon).trim() : "";
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw invalidOption(
      "header",
      `${flag.slice(0, colon > 0 ? colon : 20)}...`,
      `"Name: value"`,
      "Give --header 'Name: value', e.g. --header 'Authorization: Bearer ...'.",
    );
  return { ...previous, [name]: flag.slice(colon + 1).trim() };
}
