import type { Faker } from "@faker-js/faker";
import { seededFaker } from "../../fake/realism-faker.js";
import type { RequestView } from "../request-view.js";
import { parseJsonPath, valueAt } from "../matchers/jsonpath.js";

export interface TemplateContext {
  view: RequestView;
  /** The seeded faker of this response (seeded on first use). */
  faker(): Faker;
}

/** A compiled template: a value (a body, a header) with `{{...}}` placeholders, rendered per request. */
export type Template = (ctx: TemplateContext) => unknown;
type Lookup = (ctx: TemplateContext) => unknown;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Compiles every string in `value`. A string that is one placeholder alone takes the value's own
 * type (`"{{request.path.orderId}}"` gives 42 where the contract types orderId as an integer);
 * placeholders inside longer text are inserted as text. Returns a message for a bad placeholder.
 */
export function compileTemplate(value: unknown): Template | string {
  if (typeof value === "string") return compileString(value);
  if (Array.isArray(value)) return compileAll(value.map(compileTemplate), (parts, ctx) => parts.map((p) => p(ctx)));
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    return compileAll(Object.values(value).map(compileTemplate), (parts, ctx) => Object.fromEntries(parts.map((p, i) => [keys[i], p(ctx)])));
  }
  return () => value;
}

function compileAll(parts: Array<Template | string>, join: (parts: Template[], ctx: TemplateContext) => unknown): Template | string {
  const error = parts.find((p): p is string => typeof p === "string");
  if (error !== undefined) return error;
  return (ctx) => join(parts as Template[], ctx);
}

function compileString(text: string): Template | string {
  const pieces = text.split(PLACEHOLDER); // odd indexes are the expressions
  if (pieces.length === 1) return () => text;
  const lookups: Lookup[] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const lookup = compileExpression(pieces[i]!);
    if (typeof lookup === "string") return lookup;
    lookups.push(lookup);
  }
  if (pieces.length === 3 && pieces[0] === "" && pieces[2] === "") return lookups[0]!;
  return (ctx) => pieces.map((piece, i) => (i % 2 === 0 ? piece : asText(lookups[(i - 1) / 2]!(ctx)))).join("");
}

function compileExpression(expression: string): Lookup | string {
  const [root, kind, ...rest] = expression.split(".");
  if (root === "faker") return compileFaker(expression);
  if (root !== "request") return `template {{${expression}}} must start with request. or faker.`;
  const name = rest.join(".");
  if (kind === "method" && !name) return (ctx) => ctx.view.method;
  if (kind === "url" && !name) return (ctx) => ctx.view.request.url;
  if (kind === "path" && name) return (ctx) => ctx.view.param(name, "path");
  if (kind === "query" && name) return (ctx) => ctx.view.param(name, "query");
  if (kind === "headers" && name) return (ctx) => ctx.view.param(name, "header");
  if (kind?.startsWith("body")) return compileBody(expression.slice("request.body".length), expression);
  return `template {{${expression}}} is not one of request.method, request.url, request.path.NAME, request.query.NAME, request.headers.NAME, request.body.PATH`;
}

function compileBody(rest: string, expression: string): Lookup | string {
  const path = parseJsonPath(`$${rest}`);
  if (typeof path === "string") return `template {{${expression}}}: ${path.replace(/^JSONPath "\$/, 'path "')}`;
  return (ctx) => valueAt(ctx.view.body, path);
}

/**
 * `faker.person.firstName`: checked against a faker instance now, and called once, so that a typo or a
 * function that needs arguments (`faker.helpers.arrayElement` throws without a list) fails at load,
 * not on every request.
 */
function compileFaker(expression: string): Lookup | string {
  const path = expression.split(".").slice(1);
  const probe = seededFaker(0);
  const owner = walk(probe, path.slice(0, -1)) as Record<string, () => unknown> | undefined;
  if (path.length < 2 || typeof walk(probe, path) !== "function") return `template {{${expression}}} names no faker function (such as faker.person.firstName)`;
  try {
    owner![path[path.length - 1]!]!();
  } catch (error) {
    return `template {{${expression}}} fails when called without arguments (${(error as Error).message}); use a faker function that needs none`;
  }
  return (ctx) => {
    const faker = ctx.faker();
    const owner = walk(faker, path.slice(0, -1)) as Record<string, () => unknown>;
    return owner[path[path.length - 1]!]!();
  };
}

function walk(root: unknown, path: string[]): unknown {
  let node = root;
  for (const step of path) {
    if (node === null || (typeof node !== "object" && typeof node !== "function") || step.startsWith("_")) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
