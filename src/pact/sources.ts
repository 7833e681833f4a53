import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MockpactError } from "../errors.js";
import { networkFailure } from "./network-failure.js";
import { parsePact, type PactFile } from "./pact-file.js";

export const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * Expands `--pact` inputs (files, folders of *.json, URLs) into pacts, read and checked before
 * anything runs: a pact that cannot be used stops the run with its name, rather than as a line
 * of Pact's log. URLs are read with the broker token, as Pact's core reads them.
 */
export async function readPactSources(
  inputs: string[],
  auth: { token?: string; timeoutMs: number },
): Promise<PactFile[]> {
  const pacts: PactFile[] = [];
  for (const input of inputs) {
    if (isUrl(input)) pacts.push(parsePact(await fetchPact(input, auth), input));
    else for (const file of await pactFilesOf(input)) pacts.push(parsePact(await readFile(file, "utf8"), file));
  }
  return pacts;
}

async function pactFilesOf(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info) throw notFound(input, "it does not exist");
  if (info.isFile()) return [path.resolve(input)];
  const names = (await readdir(input)).filter((n) => n.toLowerCase().endsWith(".json")).sort();
  if (names.length === 0) throw notFound(input, "the folder holds no *.json pact files");
  return names.map((n) => path.resolve(input, n));
}

async function fetchPact(url: string, auth: { token?: string; timeoutMs: number }): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: "application/hal+json, application/json",
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      },
      signal: AbortSignal.timeout(auth.timeoutMs),
    });
  } catch (cause) {
    throw new MockpactError(
      "BROKER_ERROR",
      `Failed to fetch the pact ${url}: ${networkFailure(cause, auth.timeoutMs)}`,
      { hint: "Check the URL and that the server is up.", place: { file: url }, cause },
    );
  }
  if (response.status === 404) throw notFound(url, "the server answered 404");
  if (!response.ok)
    throw new MockpactError("BROKER_ERROR", `Failed to fetch the pact ${url}: HTTP ${response.status}`, {
      hint: "Check the URL and the broker token (--broker-token or PACT_BROKER_TOKEN).",
      place: { file: url },
    });
  return response.text();
}

function notFound(input: string, why: string): MockpactError {
  return new MockpactError("PACT_NOT_FOUND", `Failed to find the pact ${input}: ${why}`, {
    hint: "Give a pact file, a folder of pact files, or a pact URL with --pact (or a broker with --broker-url).",
    place: { file: input },
  });
}
