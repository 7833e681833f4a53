import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface SelfSigned {
  /** PEM file of the certificate: what NODE_EXTRA_CA_CERTS is given to trust it. */
  certFile: string;
  key: Buffer;
  cert: Buffer;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost, written into `dir` by openssl (Node
 * can sign, but not build an X.509 certificate). Nobody trusts it unless told to.
 */
export function selfSignedCertificate(dir: string): SelfSigned {
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ],
    { stdio: "pipe" },
  );
  return { certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
