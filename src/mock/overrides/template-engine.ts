import type Handlebars from "handlebars";
import { HELPERS, MAX_ITERATIONS, MAX_RENDERED_CHARS, NOT_LITERAL, type RenderSession } from "./template-helpers.js";
import { handlebarsPackage } from "../load-on-demand.js";
import { checkTemplate } from "./template-syntax.js";

type Options = Handlebars.HelperOptions & { data: { session: RenderSession } };

interface TemplateEngine {
  engine: typeof Handlebars;
  /** Every helper a template may call. */
  names: ReadonlySet<string>;
  compileOptions: CompileOptions;
}

let templateEngine: TemplateEngine | undefined;

/** Built on the first template, when Handlebars loads (load-on-demand.ts). */
function loadTemplateEngine(): TemplateEngine {
  if (templateEngine) return templateEngine;
  const engine = newEngine();
  const names = new Set(Object.keys(engine.helpers));
  const compileOptions = {
    noEscape: true,
    strict: false,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries([...names].map((n) => [n, true])),
  };
  return (templateEngine = { engine, names, compileOptions });
}

/**
 * One Handlebars environment of its own (the global one stays untouched), holding only mockpact's
 * helpers: no `log` (nothing outside cli/ prints), no `lookup` (paths are checked at load, a lookup by
 * a runtime name would not be), no partials. Handlebars' own guard against prototype access stays on.
 */
function newEngine(): typeof Handlebars {
  const engine = handlebarsPackage().create();
  const builtinEach = engine.helpers.each!;
  for (const name of Object.keys(engine.helpers))
    if (!["if", "unless", "each", "with", "blockHelperMissing", "helperMissing"].includes(name))
      engine.unregisterHelper(name);
  engine.registerHelper("each", function (this: unknown, list: unknown, options: Options) {
    const session = options.data.session;
    const size = list !== null && typeof list === "object" ? Object.keys(list).length : 0;
    session.iterations += size;
    if (session.iterations > MAX_ITERATIONS) throw new Error(`each went over ${MAX_ITERATIONS} items in one answer`);
    return builtinEach.call(this, list, options);
  });
  engine.registerHelper("__text", (value: unknown, options: Options) => {
    const text = asText(value);
    options.data.session.chars += text.length;
    if (options.data.session.chars > MAX_RENDERED_CHARS)
      throw new Error(`the rendered text went over ${MAX_RENDERED_CHARS} characters`);
    return text;
  });
  engine.registerHelper("__value", (value: unknown, options: Options) => {
    options.data.session.captured = value;
    return "";
  });
  for (const [name, helper] of Object.entries(HELPERS)) {
    engine.registerHelper(name, (...args: unknown[]) => {
      const options = args.pop() as Options;
      return helper.run(args, (options.hash ?? {}) as Record<string, unknown>, options.data.session);
    });
  }
  return engine;
}

/** A string template, compiled: its text, or its value where the string is one placeholder alone. */
export type StringTemplate = (root: object, session: RenderSession) => unknown;

/** Parses, checks and compiles one string at load; a message for the first problem. */
export function compileString(text: string): StringTemplate | string {
  const { engine, names, compileOptions } = loadTemplateEngine();
  const checked = checkTemplate(text, names);
  if (typeof checked === "string") return checked;
  const problem = checkHelperCalls(checked.program);
  if (problem) return problem;
  let render: HandlebarsTemplateDelegate;
  try {
    engine.precompile(checked.program, compileOptions); // compiles now, so that a mistake Handlebars finds is a load error too
    render = engine.compile(checked.program, compileOptions);
  } catch (error) {
    return (error as Error).message;
  }
  return (root, session) => {
    session.captured = undefined;
    const text = render(root, {
      data: { session },
      allowProtoMethodsByDefault: false,
      allowProtoPropertiesByDefault: false,
    });
    return checked.whole ? session.captured : text;
  };
}

/** Each helper call whose helper checks its arguments, with the literals as written. */
function checkHelperCalls(node: hbs.AST.Node): string | undefined {
  const call = node as Partial<hbs.AST.SubExpression>;
  const helper =
    call.path?.type === "PathExpression" ? HELPERS[(call.path as hbs.AST.PathExpression).original] : undefined;
  if (helper?.check && call.params) {
    const hash = Object.fromEntries((call.hash?.pairs ?? []).map((p) => [p.key, literalOf(p.value)]));
    const problem = helper.check(call.params.map(literalOf), hash);
    if (problem) return problem;
  }
  for (const value of Object.values(node)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (item === null || typeof item !== "object" || typeof (item as hbs.AST.Node).type !== "string") continue;
      const problem = checkHelperCalls(item as hbs.AST.Node);
      if (problem) return problem;
    }
  }
  return undefined;
}

function literalOf(expression: hbs.AST.Expression): unknown {
  if (
    expression.type === "StringLiteral" ||
    expression.type === "NumberLiteral" ||
    expression.type === "BooleanLiteral"
  )
    return (expression as hbs.AST.StringLiteral).value;
  return NOT_LITERAL;
}

/** How a value reads inside text: nothing for a missing one, JSON for a list or object, ISO 8601 for a date. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
