import type { Callback, Contract } from "../../contract/model.js";
import { checkResponse } from "../../http/check-response.js";
import { utf8Bytes } from "../../http/bytes.js";
import type { RouteTarget } from "../../http/router.js";
import type { SchemaRegistry } from "../../schema/registry.js";
import type { Violation } from "../../schema/violation.js";
import type { JournalStore, OutgoingMark } from "../journal.js";
import { resolveCallbackUrl, type ExpressionSource } from "./expressions.js";
import { refusalOf } from "./policy.js";
import { outgoingRequest } from "./request.js";
import { send, type OutgoingRequest } from "./send.js";

export interface OutgoingOptions {
  /** Milliseconds between the answer and its callbacks (`--callback-delay`). */
  callbackDelayMs: number;
  /** Hosts beside loopback that calls may go to (`--allow-callbacks-to`), as `name` or `name:port`. */
  allowCallbacksTo: string[];
  seed: number;
}

/** An answered request whose operation has callbacks. */
export interface Answered extends ExpressionSource {
  target: RouteTarget;
  registry: SchemaRegistry;
  /** The journal `seq` of the request; unknown where the store numbers entries as it writes them (Redis). */
  trigger: number | undefined;
}

/** How one outgoing call ended, as the journal has it. */
export interface CallOutcome {
  /** Unknown where the store numbers entries as it writes them (Redis). */
  seq: number | undefined;
  method: string;
  url: string;
  status: number;
  findings: Violation[];
  error?: string;
}

export interface Outgoing {
  /** Fires the operation's callbacks after the delay; nothing is awaited, nothing thrown. */
  afterAnswer(answered: Answered): void;
  /** Fires a webhook to `url` at once, and resolves once it is answered, failed or refused. */
  fireWebhook(
    contract: Contract,
    webhook: Callback,
    registry: SchemaRegistry,
    url: string,
    given?: { body?: unknown },
  ): Promise<CallOutcome>;
  /** At server close: pending callbacks are dropped and calls in flight aborted, so close never waits on a target. */
  release(): void;
}

/** How long a target may take to answer. */
export const CALLBACK_TIMEOUT_MS = 5_000;
/** Calls waiting or in flight at once; past it a callback is refused (a flood of requests cannot open sockets without end). */
export const MAX_CALLBACKS_IN_FLIGHT = 64;

export function createOutgoing(options: OutgoingOptions, journal: JournalStore): Outgoing {
  const stop = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;

  const record = (
    call: { method: string; url: string; headers?: Record<string, string>; body?: string },
    target: RouteTarget,
    mark: OutgoingMark,
    result: { status?: number; findings?: Violation[]; error?: string },
  ): CallOutcome => {
    const request = {
      method: call.method,
      url: call.url,
      headers: call.headers ?? {},
      ...(call.body !== undefined ? { body: utf8Bytes(call.body) } : {}),
    };
    const findings = result.findings ?? [];
    const status = result.status ?? 0;
    const seq = journal.record({
      time: Date.now(),
      request,
      target,
      status,
      answeredBy: `${mark.kind} target`,
      findings,
      ...(result.error ? { error: result.error } : {}),
      outgoing: mark,
    });
    return {
      seq,
      method: call.method,
      url: call.url,
      status,
      findings,
      ...(result.error ? { error: result.error } : {}),
    };
  };

  /** Refused, or sent and checked against the call's documented responses: always one journal entry. */
  const call = async (
    request: OutgoingRequest,
    target: RouteTarget,
    registry: SchemaRegistry,
    mark: OutgoingMark,
    delayMs: number,
  ): Promise<CallOutcome> => {
    const refusal =
      refusalOf(request.url, options.allowCallbacksTo) ??
      (inFlight >= MAX_CALLBACKS_IN_FLIGHT
        ? `${MAX_CALLBACKS_IN_FLIGHT} calls are already waiting or in flight`
        : undefined);
    if (refusal) return record(request, target, mark, { error: `refused: ${refusal}` });
    inFlight++;
    try {
      if (delayMs > 0) await wait(delayMs, timers, stop.signal);
      if (stop.signal.aborted)
        return record(request, target, mark, { error: "the mock closed before the callback was sent" });
      const delivered = await send(request, CALLBACK_TIMEOUT_MS, stop.signal);
      if (!delivered.ok) return record(request, target, mark, { error: delivered.error });
      return record(request, target, mark, {
        status: delivered.status,
        findings: checkResponse(registry, target.operation, delivered),
      });
    } finally {
      inFlight--;
    }
  };

  return {
    afterAnswer(answered) {
      const { contract, operation } = answered.target;
      for (const callback of operation.callbacks ?? []) {
        const target = targetOf(contract, callback);
        const mark: OutgoingMark = { kind: "callback", name: callback.name, trigger: answered.trigger };
        const method = callback.operation.method.toUpperCase();
        const resolved = resolveCallbackUrl(callback.url, answered);
        if (!resolved.ok) {
          record({ method, url: callback.url }, target, mark, { error: `refused: ${resolved.reason}` });
          continue;
        }
        void buildThen(
          () => outgoingRequest(callback, contract, answered.registry, options.seed, resolved.url),
          method,
          resolved.url,
          target,
          mark,
          (request) => call(request, target, answered.registry, mark, options.callbackDelayMs),
        );
      }
    },
    async fireWebhook(contract, webhook, registry, url, given) {
      const target = targetOf(contract, webhook);
      const mark: OutgoingMark = { kind: "webhook", name: webhook.name };
      return buildThen(
        () => outgoingRequest(webhook, contract, registry, options.seed, url, given),
        webhook.operation.method.toUpperCase(),
        url,
        target,
        mark,
        (request) => call(request, target, registry, mark, 0),
      );
    },
    release() {
      stop.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };

  /** A body the mock cannot build (a schema too large to fake) is the call's error, not the server's. */
  function buildThen(
    build: () => OutgoingRequest,
    method: string,
    url: string,
    target: RouteTarget,
    mark: OutgoingMark,
    then: (request: OutgoingRequest) => Promise<CallOutcome>,
  ): Promise<CallOutcome> {
    let request: OutgoingRequest;
    try {
      request = build();
    } catch (error) {
      return Promise.resolve(
        record({ method, url }, target, mark, { error: `the request could not be built: ${(error as Error).message}` }),
      );
    }
    return then(request);
  }
}

/** The journal's operation of a call: the callback's own, in its contract. */
function targetOf(contract: Contract, call: Callback): RouteTarget {
  return { contract, operation: call.operation, paramNames: [], primary: true };
}

/** Resolves after `ms`, or at once when the server closes; the timer never keeps the process alive. */
function wait(ms: number, timers: Set<NodeJS.Timeout>, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      stop.removeEventListener("abort", done);
      resolve();
    }, ms);
    const done = () => {
      clearTimeout(timer);
      timers.delete(timer);
      resolve();
    };
    timers.add(timer.unref());
    stop.addEventListener("abort", done, { once: true });
  });
}
