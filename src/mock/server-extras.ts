import type { IncomingMessage, ServerResponse } from "node:http";
import { createAdminApp } from "./admin/app.js";
import { createDelivery } from "./delivery.js";
import type { LoadedMock } from "./load.js";
import type { ResolvedMockOptions } from "./options.js";
import type { MockRuntime } from "./runtime.js";
import type { MockResponse } from "./types.js";

/** What the standalone server adds around the core for issue 6: the admin API and the socket half of delays and faults. */
export interface ServerExtras {
  /** Serves the request when it is under the admin prefix (and the admin API is on); true when it did. */
  admin(req: IncomingMessage, res: ServerResponse): boolean;
  deliver(res: ServerResponse, response: MockResponse): void;
  release(): void;
}

export function createServerExtras(options: ResolvedMockOptions, runtime: MockRuntime, current: () => LoadedMock): ServerExtras {
  const delivery = createDelivery();
  const prefix = options.adminPrefix;
  const app = options.admin ? createAdminApp(prefix, { mock: current, runtime }) : undefined;
  return {
    admin(req, res) {
      const url = req.url ?? "/";
      if (!app || !(url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`))) return false;
      app(req, res);
      return true;
    },
    deliver: delivery.deliver,
    release: delivery.release,
  };
}
