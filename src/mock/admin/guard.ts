import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { problem, type Problem } from "../../http/problem.js";
import { acceptedHost, crossSiteRefusal, hostName, isWildcard } from "./request-origin.js";

/** Who may use the admin API: the names it answers to, and the token a shared environment asks for. */
export interface AdminAccess {
  /** The host the server binds: its name is accepted in `Host` (unless it is a wildcard address). */
  boundHost: string;
  /** More names accepted in `Host` (`--admin-hosts`); `*` accepts any. */
  hosts: string[];
  /** `--admin-token`: every admin request but the console's own page and modules must carry it as a bearer token. */
  token?: string;
}

/**
 * On every admin answer: the console runs only its own scripts, talks only to its own origin, and is
 * never framed (clickjacking the reset button); JSON is never sniffed as HTML.
 */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The console's page and modules hold no data: a browser loads them without a token, then sends it. */
const CONSOLE_FILES = /^\/(?:console\/[a-z][a-z-]*\.js)?$/;

/**
 * The admin API reads the journal (request headers, bodies) and resets state, so a page from another
 * site must not reach it through the user's browser:
 * - DNS rebinding (a name of the attacker's that resolves to 127.0.0.1) shows in `Host`: only
 *   loopback names, IP literals (a page there is the server itself), the bound host and the names
 *   given are accepted;
 * - a cross-site form or `fetch` (CSRF) cannot send `Content-Type: application/json` without a
 *   preflight, which the admin API never grants, and says where it comes from in `Sec-Fetch-Site`
 *   and `Origin`: a state change needs the first and neither of the others saying "another site".
 */
export function adminGuard(access: AdminAccess): (req: Request, res: Response, next: NextFunction) => void {
  const names = new Set(
    ["localhost", ...access.hosts, ...(isWildcard(access.boundHost) ? [] : [access.boundHost])].map((n) =>
      n.toLowerCase(),
    ),
  );
  const anyHost = names.has("*");
  return (req, res, next) => {
    res.set(SECURITY_HEADERS);
    const host = hostName(req.headers.host);
    if (!anyHost && !acceptedHost(host, names))
      return refuse(
        res,
        problem("admin-forbidden", `Host "${host}" is not a name of this server (add it with --admin-hosts)`),
      );
    if (!SAFE_METHODS.has(req.method)) {
      const refusal = crossSiteRefusal(req);
      if (refusal) return refuse(res, problem("admin-forbidden", refusal));
    }
    if (
      access.token !== undefined &&
      !(req.method === "GET" && CONSOLE_FILES.test(req.path)) &&
      !carriesToken(req, access.token)
    ) {
      res.set("www-authenticate", 'Bearer realm="mockpact admin"');
      return refuse(
        res,
        problem("admin-unauthorized", "The admin API needs the --admin-token as `Authorization: Bearer <token>`"),
      );
    }
    next();
  };
}

function carriesToken(req: Request, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(res: Response, p: Problem): void {
  res.status(p.status).type("application/problem+json").send(JSON.stringify(p));
}
