import type { IncomingMessage, ServerResponse } from "node:http";
import type { Violation } from "../schema/violation.js";
import { VIOLATIONS_HEADER, violationsHeader } from "../mock/problem.js";
import { declaredOver, pipeRest, readBounded } from "./bounded-read.js";
import { endToEndHeaders } from "./forward.js";
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
}

export interface Relayed {
  responseViolations: Violation[];
  /** The body, when it was read whole. */
  body?: Buffer;
  unchecked?: string;
}

/**
 * Sends the upstream's response on. When the body must be checked it is read first (up to the limit)
 * so that the findings can go in a header; otherwise it streams, and only status and headers are
 * checked. A body over the limit streams too, with a warning header saying it was not checked.
 */
export async function relayResponse(response: IncomingMessage, res: ServerResponse, plan: RelayPlan): Promise<Relayed> {
  response.on("error", () => res.destroy());
  res.on("close", () => {
    if (!res.writableFinished) response.destroy();
  });
  const status = response.statusCode ?? 502;
  const headers = { ...endToEndHeaders(response.headers), ...plan.extraHeaders };
  if (plan.readBody && !declaredOver(response.headers, plan.limit)) {
    const reading = await readBounded(response, plan.limit).catch(() => undefined);
    if (!reading) return { responseViolations: [], unchecked: "the upstream's response broke off" };
    if (reading.kind === "whole") {
      const responseViolations = plan.check(reading.body);
      res.writeHead(status, withFindings({ ...headers, "content-length": String(reading.body.length) }, plan.requestViolations, responseViolations));
      res.end(reading.body);
      return { responseViolations, body: reading.body };
    }
    return streamOn(response, res, status, headers, plan, reading.head);
  }
  return streamOn(response, res, status, headers, plan, []);
}

function streamOn(response: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, unknown>, plan: RelayPlan, head: Buffer[]): Relayed {
  const responseViolations = plan.check(undefined);
  const unchecked = plan.readBody ? `response body over ${plan.limit} bytes: streamed, not checked` : undefined;
  const sent = withFindings(unchecked ? { ...headers, [WARNING_HEADER]: unchecked } : headers, plan.requestViolations, responseViolations);
  res.writeHead(status, sent as Record<string, string>);
  pipeRest(head, response, res);
  return { responseViolations, ...(unchecked ? { unchecked } : {}) };
}

function withFindings<T extends Record<string, unknown>>(headers: T, request: Violation[], response: Violation[]): T {
  const all = [...request, ...response];
  return all.length > 0 ? { ...headers, [VIOLATIONS_HEADER]: violationsHeader(all) } : headers;
}
