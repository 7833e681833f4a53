import { Journal, type JournalEntry, type JournalStore } from "../journal.js";
import type { LoadedMock } from "../make-mock.js";
import { compilePattern, type RequestPattern } from "./pattern.js";
import { matchingRecords, searchContext, SHARED_JOURNAL } from "./search.js";
import { verifyRequests, type Expectation } from "./verify.js";

/** The verification helpers of the programmatic mock: what a test asks after its client code ran. */
export interface VerificationApi {
  /**
   * Resolves when the journal holds the expected requests (`times`, `atLeast`, `atMost`; default at
   * least one); else rejects with an Error listing the closest requests and the fields that differ.
   */
  verify(expectation: Expectation): Promise<void>;
  /** The requests that match the pattern (all when none is given), newest first, credentials redacted. */
  requests(pattern?: RequestPattern): Promise<JournalEntry[]>;
  /** Forgets every request so far (`DELETE <prefix>/requests`). */
  resetJournal(): Promise<void>;
}

export function verificationApi(mock: () => LoadedMock, store: JournalStore): VerificationApi {
  if (!(store instanceof Journal)) {
    const refuse = async (): Promise<never> => Promise.reject(new Error(SHARED_JOURNAL));
    return { verify: refuse, requests: refuse, resetJournal: async () => store.clear() };
  }
  const journal = store;
  return {
    verify: async (expectation) => verifyRequests(searchContext(mock(), journal), expectation),
    requests: async (pattern = {}) => {
      const ctx = searchContext(mock(), journal);
      const found = new Set(
        matchingRecords(journal.kept(), compilePattern(pattern, ctx.operationIds).conditions, ctx.router),
      );
      return journal.entries(journal.size, ctx.secretNames, Infinity, (r) => found.has(r));
    },
    resetJournal: async () => journal.clear(),
  };
}
