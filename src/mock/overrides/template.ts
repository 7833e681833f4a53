import type { Faker } from "@faker-js/faker";
import type { RequestView } from "../request-view.js";
import { compileString, type StringTemplate } from "./template-engine.js";
import type { RenderSession } from "./template-helpers.js";

export interface TemplateContext {
  view: RequestView;
  /** The seeded faker of this response (seeded on first use). */
  faker(): Faker;
}

/** A compiled template: a value (a body, a header) with `{{...}}` placeholders, rendered per request. */
export type Template = (ctx: TemplateContext) => unknown;

/** Where a template failed to compile: the fields down to the string, and why. */
export interface TemplateProblem {
  at: Array<string | number>;
  message: string;
}

/**
 * Compiles every string in `value` (a Handlebars template with mockpact's helpers, see docs/testing.md).
 * A string that is one placeholder alone takes the value's own type (`"{{request.path.orderId}}"`
 * gives 42 where the contract types orderId as an integer); placeholders inside longer text are
 * inserted as text. `at` is where `value` sits in the entry, for the problem's place.
 */
export function compileTemplate(value: unknown, at: Array<string | number>): Template | TemplateProblem {
  const compiled = compileValue(value, at);
  if ("message" in compiled) return compiled;
  return (ctx) => {
    const session: RenderSession = { faker: ctx.faker, iterations: 0, chars: 0 };
    return compiled.render(requestRoot(ctx.view), session);
  };
}

type Compiled = { render: (root: object, session: RenderSession) => unknown } | TemplateProblem;

function compileValue(value: unknown, at: Array<string | number>): Compiled {
  if (typeof value === "string") return stringOf(value, at);
  if (Array.isArray(value)) {
    const parts = value.map((item, i) => compileValue(item, [...at, i]));
    const problem = parts.find((p): p is TemplateProblem => "message" in p);
    return (
      problem ?? {
        render: (root, session) =>
          (parts as Array<Exclude<Compiled, TemplateProblem>>).map((p) => p.render(root, session)),
      }
    );
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    const parts = Object.values(value).map((item, i) => compileValue(item, [...at, keys[i]!]));
    const problem = parts.find((p): p is TemplateProblem => "message" in p);
    const rendered = parts as Array<Exclude<Compiled, TemplateProblem>>;
    return (
      problem ?? {
        render: (root, session) => Object.fromEntries(rendered.map((p, i) => [keys[i], p.render(root, session)])),
      }
    );
  }
  return { render: () => value };
}

function stringOf(text: string, at: Array<string | number>): Compiled {
  if (!text.includes("{{")) return { render: () => text };
  const template: StringTemplate | string = compileString(text);
  if (typeof template === "string") return { at, message: `template "${text}" at ${pointerOf(at)}: ${template}` };
  return { render: template };
}

/** A JSON pointer to the field (`/respond/body/tags/0`). */
export function pointerOf(at: Array<string | number>): string {
  return at.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * What a template reads, and nothing else: `request` with its method, url, path, query and header
 * parameters (typed by the contract where it documents them; header names in lower case) and body.
 */
function requestRoot(view: RequestView): object {
  const params = (names: Iterable<string>, where: "path" | "query" | "header") => {
    const found: Record<string, unknown> = {};
    for (const name of names) found[name] = view.param(name, where);
    return found;
  };
  const request = {
    method: view.method,
    url: view.request.url,
    path: params(Object.keys(view.pathParams), "path"),
    query: params(new Set(view.query.keys()), "query"),
    headers: params(Object.keys(view.request.headers), "header"),
    body: view.body,
  };
  return { request };
}
