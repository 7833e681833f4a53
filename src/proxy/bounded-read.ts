import type { Readable, Writable } from "node:stream";

/** A body read whole, or the first chunks of one that turned out larger than the limit (the rest unread). */
export type BoundedReading = { kind: "whole"; body: Buffer } | { kind: "partial"; head: Buffer[] };

/**
 * Reads a stream up to `limit` bytes. Past the limit it stops reading (paused, nothing dropped) and
 * hands back what it has, so the caller can stream head + rest on: memory stays bounded by `limit`.
 */
export function readBounded(stream: Readable, limit: number): Promise<BoundedReading> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= limit) return;
      stream.pause();
      cleanup();
      resolve({ kind: "partial", head: chunks });
    };
    const onEnd = () => {
      cleanup();
      resolve({ kind: "whole", body: Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A stream cut short may close without an error: never wait for an end that cannot come.
    const onClose = () => onError(new Error("the connection closed before the body ended"));
    const cleanup = () => {
      stream.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    stream.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/** Writes the chunks already read, then pipes the rest: the unread remainder of a partial reading. */
export function pipeRest(head: Buffer[], rest: Readable, to: Writable): void {
  for (const chunk of head) to.write(chunk);
  rest.pipe(to);
  rest.resume();
}

/** A declared Content-Length over the limit: no point reading the start of it. */
export function declaredOver(headers: Record<string, string | string[] | undefined>, limit: number): boolean {
  return Number(headers["content-length"] ?? 0) > limit;
}
