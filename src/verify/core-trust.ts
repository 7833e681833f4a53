import { devNull } from "node:os";
import { isObject } from "../contract/pointer.js";
import type { PactFile } from "../pact/pact-file.js";
import { isUrl } from "../pact/sources.js";
import type { ResolvedVerifyOptions } from "./options.js";

/** Whether Pact's core needs the system's CA certificates in a run: only when it may speak TLS itself. */
export type CoreTrust = "system" | "none";

/**
 * Pact's core builds a new HTTP client for every interaction and for every state change, and each
 * one reads every CA certificate of the system (hundreds of files under /etc/ssl/certs): most of
 * the ~50 ms an interaction costs on a loaded machine. The core talks TLS only to a broker or to
 * pact URLs (and publishes results to a broker); to the provider and the state endpoint it talks
 * plain HTTP, through mockpact's proxy on loopback. So when every pact is a local file, nothing is
 * published and no pact asks for plugins, its trust store can be empty.
 */
export function coreTrust(pacts: PactFile[], options: ResolvedVerifyOptions): CoreTrust {
  if (options.broker || options.publish) return "system";
  if (pacts.some((pact) => isUrl(pact.source) || declaresPlugins(pact))) return "system";
  return "none";
}

/** The environment of the core's process for that trust: an empty certificate file and no folder. */
export function coreEnvironment(trust: CoreTrust): Record<string, string | undefined> {
  return trust === "none" ? { SSL_CERT_FILE: devNull, SSL_CERT_DIR: undefined } : {};
}

function declaresPlugins(pact: PactFile): boolean {
  const metadata = pact.document.metadata;
  return isObject(metadata) && Array.isArray(metadata.plugins) && metadata.plugins.length > 0;
}
