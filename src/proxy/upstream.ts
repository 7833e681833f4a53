import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { pipeRest } from "./bounded-read.js";
import { splitUrl } from "../http/url.js";
import { upstreamHeaders, upstreamPath } from "./forward.js";

/** The request body to send: bytes already read, or the first chunks plus the unread rest. */
export type OutgoingBody =
  { kind: "read"; body: Buffer | undefined } | { kind: "stream"; head: Buffer[]; rest: Readable };

export type UpstreamOutcome =
  | { kind: "response"; response: IncomingMessage }
  | { kind: "unreachable"; message: string }
  | { kind: "timeout"; message: string };

export interface UpstreamCall {
  outcome: Promise<UpstreamOutcome>;
  /** Stops the call (the client went away): the upstream sees the connection close. */
  abort(): void;
}

export interface UpstreamTarget {
  url: URL;
  agent: http.Agent;
  timeoutMs: number;
}

/**
 * Sends one request upstream, hop-by-hop headers dropped and Host rewritten. `timeoutMs` is an
 * inactivity limit: no byte either way for that long ends the call (a 50 MB upload that keeps
 * moving never times out; a backend that never answers does). Redirects are not followed: a 3xx is
 * just a response.
 */
export function callUpstream(
  target: UpstreamTarget,
  method: string,
  url: string,
  headers: IncomingMessage["headers"],
  body: OutgoingBody,
): UpstreamCall {
  const client = target.url.protocol === "https:" ? https : http;
  const outgoing = client.request({
    protocol: target.url.protocol,
    hostname: target.url.hostname,
    port: target.url.port,
    method,
    path: upstreamPath(target.url, url),
    headers: upstreamHeaders(headers, target.url),
    agent: target.agent,
  });
  let timedOut = false;
  outgoing.setTimeout(target.timeoutMs, () => {
    timedOut = true;
    outgoing.destroy(new Error(`the upstream sent nothing for ${target.timeoutMs} ms (--timeout)`));
  });
  const outcome = new Promise<UpstreamOutcome>((resolve) => {
    outgoing.once("response", (response) => resolve({ kind: "response", response }));
    outgoing.on("error", (error) => {
      // Without the query: the message is printed and journaled as it is, and a query may hold a credential.
      const message = `${method} ${target.url.origin}${splitUrl(upstreamPath(target.url, url)).pathname}: ${error.message}`;
      resolve(timedOut ? { kind: "timeout", message } : { kind: "unreachable", message });
    });
  });
  if (body.kind === "read") outgoing.end(body.body);
  else pipeRest(body.head, body.rest, outgoing);
  return { outcome, abort: () => outgoing.destroy() };
}
