import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { MockpactError } from "../errors.js";

/** Where the server's certificate comes from: none (plain HTTP), made at start, or the user's files. */
export type TlsSource = { kind: "none" } | { kind: "self-signed" } | { kind: "files"; cert: string; key: string };

/** What an HTTPS server is started with, and what the user is shown to trust it. */
export interface TlsMaterial {
  /** PEM of the certificate: a client given it as its CA trusts the server. */
  cert: string;
  key: string;
  /** SHA-256 fingerprint, colon-separated hex, as browsers and `openssl x509 -fingerprint` show it. */
  fingerprint: string;
  selfSigned: boolean;
}

/** Made-at-start certificates live as long as a dev session; a fresh one is made at every start. */
const SELF_SIGNED_DAYS = 30;

/** The certificate and key of the source, or undefined for plain HTTP. Files are checked at start, not at the first handshake. */
export async function loadTls(source: TlsSource): Promise<TlsMaterial | undefined> {
  if (source.kind === "none") return undefined;
  if (source.kind === "self-signed") return selfSignedCertificate();
  const cert = await readPem(source.cert, "certificate");
  const key = await readPem(source.key, "key");
  return { cert, key, fingerprint: fingerprintOf(cert, key, source), selfSigned: false };
}

/** For localhost, 127.0.0.1 and ::1: what a browser or a client on this machine reaches the mock by. */
async function selfSignedCertificate(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000); // a client clock a little behind still accepts it
  const notAfterDate = new Date(notBeforeDate.getTime() + SELF_SIGNED_DAYS * 86_400_000);
  const { generate } = await import("selfsigned"); // its X.509 builder loads only when a certificate is made
  const pems = await generate(
    [
      { name: "commonName", value: "localhost" },
      { name: "organizationName", value: "mockpact" },
    ],
    {
      keyType: "ec",
      algorithm: "sha256",
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
            { type: 7, ip: "::1" },
          ],
        },
      ],
    },
  );
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    selfSigned: true,
  };
}

async function readPem(file: string, what: "certificate" | "key"): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw tlsError(
      file,
      `the ${what} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/** The certificate parses, the key parses, and the key is the certificate's: else the first handshake would fail instead. */
function fingerprintOf(cert: string, key: string, source: { cert: string; key: string }): string {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw tlsError(source.cert, "it is not a PEM certificate");
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw tlsError(source.key, "it is not a PEM private key (an encrypted key is not supported)");
  }
  if (!certificate.checkPrivateKey(privateKey))
    throw tlsError(source.key, `it is not the private key of ${source.cert}`);
  return certificate.fingerprint256;
}

function tlsError(file: string, why: string): MockpactError {
  return new MockpactError("TLS_INVALID", `Failed to use ${file} for HTTPS: ${why}`, {
    hint: "Give --cert a PEM certificate and --key its PEM private key, or use --https alone for a certificate made at start.",
  });
}
