import type { IncomingMessage, ServerResponse } from "node:http";
import { VIOLATIONS_HEADER, violationsHeader } from "../http/problem.js";
import type { Violation } from "../schema/violation.js";
import { declaredOver, pipeRest, readBounded } from "./bounded-read.js";
import { relayedHeaderLines } from "./forward.js";
import { WARNING_HEADER } from "./proxied-exchange.js";

export interface RelayPlan {
  /** Read the body (bounded) before answering: checking or recording needs it. */
  readBody: boolean;
  limit: number;
  /** Headers the proxy adds: source, CORS. */
  extraHeaders: Record<string, string>;
  /** Request findings, sent first in the violations header. */
  requestViolations: Violation[];
  /** Response findings; `body` is undefined when the body was not read. */
  check(body: Buffer | undefined): Violation[];
  /** The upstream's answer broke off after its headers were relayed: the client's connection is cut too. */
  onBrokenStream(message: string): void;
}

export type Relayed =
  | { kind: "relayed"; responseViolations: Violation[]; body?: Buffer; unchecked?: string }
  /** The body broke off before anything was sent on: the caller answers 502. */
  | { kind: "broken"; message: string };

/**
 * Sends the upstream's response on. When the body must be checked it is read first (up to the limit)
 * so that the findings can go in a header; otherwise it streams, and only status and headers are
 * checked. A body over the limit streams too, with a warning header saying it was not checked.
 */
export async function relayResponse(response: IncomingMessage, res: ServerResponse, plan: RelayPlan): Promise<Relayed> {
  res.on("close", () => {
    if (!res.writableFinished) response.destroy();
  });
  if (plan.readBody && !declaredOver(response.headers, plan.limit)) {
    const reading = await readBounded(response, plan.limit).catch((error: Error) => error);
    if (reading instanceof Error || (!response.complete && reading.kind === "whole"))
      return { kind: "broken", message: brokenMessage(reading) };
    if (reading.kind === "whole") {
      const responseViolations = plan.check(reading.body);
      const headers = withFindings(
        { ...plan.extraHeaders, "content-length": String(reading.body.length) },
        plan.requestViolations,
        responseViolations,
      );
      res.writeHead(
        response.statusCode ?? 502,
        relayedHeaderLines(response.rawHeaders, response.headers.connection, headers),
      );
      res.end(reading.body);
      return { kind: "relayed", responseViolations, body: reading.body };
    }
    return streamOn(response, res, plan, reading.head);
  }
  return streamOn(response, res, plan, []);
}

function streamOn(response: IncomingMessage, res: ServerResponse, plan: RelayPlan, head: Buffer[]): Relayed {
  const responseViolations = plan.check(undefined);
  const unchecked = plan.readBody ? `response body over ${plan.limit} bytes: streamed, not checked` : undefined;
  const headers = withFindings(
    unchecked ? { ...plan.extraHeaders, [WARNING_HEADER]: unchecked } : plan.extraHeaders,
    plan.requestViolations,
    responseViolations,
  );
  response.once("close", () => {
    if (response.complete) return;
    plan.onBrokenStream(brokenMessage(undefined));
    res.destroy();
  });
  res.writeHead(
    response.statusCode ?? 502,
    relayedHeaderLines(response.rawHeaders, response.headers.connection, headers),
  );
  pipeRest(head, response, res);
  return { kind: "relayed", responseViolations, ...(unchecked ? { unchecked } : {}) };
}

function brokenMessage(error: Error | unknown): string {
  const why = error instanceof Error ? `: ${error.message}` : "";
  return `the upstream's answer broke off before its body was complete${why}`;
}

function withFindings(
  headers: Record<string, string>,
  request: Violation[],
  response: Violation[],
): Record<string, string> {
  const all = [...request, ...response];
  return all.length > 0 ? { ...headers, [VIOLATIONS_HEADER]: violationsHeader(all) } : headers;
}
