import type { Contract, Operation, SecurityScheme } from "../contract/model.js";
import type { Violation } from "../schema/violation.js";
import { queryValuesOf } from "./params.js";

export interface SecurityInput {
  headers: Record<string, string | string[] | undefined>;
  /** The raw query string: parsed only when an apiKey lives in the query. */
  queryText: string;
  cookies: Record<string, string>;
}

/**
 * DESIGN step 2: is a credential present for at least one of the operation's requirements? The
 * value is never checked. Returns the challenges for `WWW-Authenticate` when none is satisfied.
 */
export function missingCredentials(
  contract: Contract,
  operation: Operation,
  input: SecurityInput,
): string[] | undefined {
  if (operation.security.length === 0) return undefined;
  for (const requirement of operation.security) {
    if (requirement.every((name) => isPresent(contract.securitySchemes[name], input))) return undefined;
  }
  const first = operation.security[0] ?? [];
  return first.map((name) => challengeOf(contract.securitySchemes[name], name));
}

/**
 * What a 401 is missing, one finding per security scheme of the operation's first requirement (the
 * one `WWW-Authenticate` names): the scheme's name and where its credential goes, so that a journal
 * row or a log line says "header X-Api-Key", not only "unauthorized". Made on the 401 path only.
 */
export function credentialViolations(contract: Contract, operation: Operation): Violation[] {
  return (operation.security[0] ?? []).map((name) => credentialViolation(contract.securitySchemes[name], name));
}

function credentialViolation(scheme: SecurityScheme | undefined, name: string): Violation {
  const [location, where, what] = credentialPlace(scheme);
  return {
    in: location,
    where,
    keyword: "security",
    message: `missing credential of security scheme "${name}": ${what}`,
  };
}

function credentialPlace(scheme: SecurityScheme | undefined): [Violation["in"], string, string] {
  if (scheme?.type === "apiKey" && (scheme.in === "query" || scheme.in === "cookie"))
    return [scheme.in, scheme.name, `${scheme.in} ${scheme.name}`];
  if (scheme?.type === "apiKey") return ["header", scheme.name, `header ${scheme.name}`];
  if (scheme?.type === "http") return ["header", "Authorization", `Authorization ${scheme.scheme.toLowerCase()}`];
  return ["header", "Authorization", "Authorization bearer"]; // oauth2, openIdConnect, and names the contract does not declare
}

function isPresent(scheme: SecurityScheme | undefined, input: SecurityInput): boolean {
  if (!scheme) return true; // an undeclared scheme name: nothing to check against
  switch (scheme.type) {
    case "apiKey":
      // An empty value (`?api_key=`) is no credential: Prism and real gateways treat it as missing.
      if (scheme.in === "query") return (queryValuesOf(input.queryText).get(scheme.name) ?? []).some((v) => v !== "");
      if (scheme.in === "cookie") return Object.hasOwn(input.cookies, scheme.name) && input.cookies[scheme.name] !== "";
      return (header(input, scheme.name.toLowerCase()) ?? "") !== "";
    case "http":
      return (
        authorizationScheme(input) === scheme.scheme &&
        (scheme.scheme !== "basic" || isBasicCredential(header(input, "authorization")!))
      );
    case "oauth2":
    case "openIdConnect":
      return authorizationScheme(input) === "bearer";
    default:
      return true; // mutualTLS and unknown types cannot be seen in the request
  }
}

function header(input: SecurityInput, name: string): string | undefined {
  const value = input.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The scheme of `Authorization: <scheme> <credentials>`, only when credentials follow it. */
function authorizationScheme(input: SecurityInput): string | undefined {
  const value = header(input, "authorization")?.trim();
  if (!value) return undefined;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(space + 1).trim() === "") return undefined;
  return value.slice(0, space).toLowerCase();
}

/**
 * `Basic <base64 of id:password>` (RFC 7617): a value that is not base64, or whose decoding has no
 * `:`, is no Basic credential at all, so it is as missing as none (Prism answers it 401 too).
 */
function isBasicCredential(authorization: string): boolean {
  const value = authorization.trim();
  try {
    return atob(value.slice(value.indexOf(" ") + 1).trim()).includes(":"); // atob, not Buffer: the core also runs in browsers
  } catch {
    return false; // not base64
  }
}

function challengeOf(scheme: SecurityScheme | undefined, name: string): string {
  if (scheme?.type === "http") return `${capitalise(scheme.scheme)} realm="mockpact"`;
  if (scheme?.type === "oauth2" || scheme?.type === "openIdConnect") return `Bearer realm="mockpact"`;
  if (scheme?.type === "apiKey") return `ApiKey realm="mockpact", in="${scheme.in}", name="${scheme.name}"`;
  return `${name} realm="mockpact"`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
