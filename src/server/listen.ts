import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MockpactError } from "../errors.js";

/** Binds like `mockpact mock` does: resolves with the URL, or a SERVER_LISTEN error naming host and port. */
export function listen(server: Server, port: number, host: string, scheme: "http" | "https" = "http"): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new MockpactError("SERVER_LISTEN", `Failed to listen on ${host}:${port}: ${error.code ?? error.message}`, {
          hint: "Choose another --port, or stop what holds this one.",
        }),
      );
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve(`${scheme}://${shownHost}:${address.port}`);
    });
  });
}
