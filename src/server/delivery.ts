import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { writeResponse } from "./node-adapter.js";
import { FAULT_TIMEOUT_MS, type HttpResponse } from "../http/types.js";

export { FAULT_TIMEOUT_MS } from "../http/types.js";

/** The adapter's half of delays and faults: what needs the socket (the core has done `malformed`). */
export interface Delivery {
  deliver(res: ServerResponse, response: HttpResponse): void;
  /** At server close: delayed answers and held connections are closed at once, so close() never waits on them. */
  release(): void;
}

export function createDelivery(): Delivery {
  const timers = new Set<NodeJS.Timeout>();
  const delayed = new Set<ServerResponse>();
  const held = new Set<Socket>();
  const later = (ms: number, run: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer.unref()); // never what keeps a process alive
    return timer;
  };
  const cancel = (timer: NodeJS.Timeout) => {
    clearTimeout(timer);
    timers.delete(timer);
  };

  /** `timeout`: the request is read and never answered; the client gives up first, or the bound closes it. */
  const hold = (socket: Socket) => {
    held.add(socket);
    const timer = later(FAULT_TIMEOUT_MS, () => socket.destroy());
    socket.once("close", () => {
      held.delete(socket);
      cancel(timer);
    });
  };

  const perform = (res: ServerResponse, response: HttpResponse) => {
    const socket = res.socket;
    if (response.fault === "reset")
      socket?.resetAndDestroy(); // TCP RST: the client sees ECONNRESET
    else if (response.fault === "empty")
      socket?.destroy(); // FIN without a byte of response
    else if (response.fault === "timeout") {
      if (socket) hold(socket);
    } else writeResponse(res, response);
  };

  return {
    deliver(res, response) {
      if (!response.delayMs) return perform(res, response);
      delayed.add(res);
      const timer = later(response.delayMs, () => {
        delayed.delete(res);
        perform(res, response);
      });
      res.once("close", () => {
        delayed.delete(res);
        cancel(timer);
      });
    },
    release() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of delayed) res.destroy();
      delayed.clear();
      for (const socket of held) socket.destroy();
      held.clear();
    },
  };
}
