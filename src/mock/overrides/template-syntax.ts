import { handlebarsPackage } from "../load-on-demand.js";

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type Path = hbs.AST.PathExpression;

/** The parts of `request` a template may read. */
const REQUEST_PARTS = ["method", "url", "path", "query", "headers", "body"];
/** Names that lead out of the data into JavaScript's objects: refused wherever they appear. */
const FORBIDDEN_SEGMENT = /^(__.*|constructor|prototype)$/;
/** Helpers that change `this` inside their block: paths there name the item, not the root. */
const SCOPING_BLOCKS = new Set(["each", "with"]);

/** A template parsed and checked: its AST, rewritten so that every placeholder goes through mockpact's own output helpers. */
export interface CheckedTemplate {
  program: hbs.AST.Program;
  /** The text is one placeholder alone: its value keeps its type (a number, a list, an object). */
  whole: boolean;
}

/**
 * Parses `text` as Handlebars and checks it against mockpact's sandbox: no partials or decorators (no
 * recursion), no path through `__proto__`, `constructor` or `prototype`, only the listed helpers, and
 * top-level paths under `request` (`{{this}}` and `@index` inside `each` name the item). Returns a
 * message for the first problem.
 */
export function checkTemplate(text: string, helpers: ReadonlySet<string>): CheckedTemplate | string {
  let program: hbs.AST.Program;
  try {
    program = handlebarsPackage().parse(withIndexSegments(text));
  } catch (error) {
    return `does not parse: ${(error as Error).message.split("\n").join(" ")}`;
  }
  const problem = checkNode(program, helpers, true);
  if (problem) return problem;
  const whole = program.body.length === 1 && program.body[0]!.type === "MustacheStatement";
  rewriteNode(program, helpers, whole);
  return { program, whole };
}

/** `items[0]` (the JSONPath-like form mockpact's first templates used) as Handlebars writes it: `items.[0]`. */
function withIndexSegments(text: string): string {
  const step = /('[^']*'|"[^"]*")|([^\s.[('"])\[(\d+)\]/g; // quoted text (a JSONPath argument) stays as written
  return text.replace(/\{\{[^{}]*\}\}/g, (mustache) =>
    mustache.replace(step, (all, quoted?: string, before?: string, index?: string) => quoted ?? `${before}.[${index}]`),
  );
}

function checkNode(node: Node, helpers: ReadonlySet<string>, topLevel: boolean): string | undefined {
  if (/Partial|Decorator/.test(node.type)) return "partials and decorators are not available in mockpact templates";
  if (node.type === "PathExpression") return checkPath(node as Path, helpers, topLevel);
  const call = node as Partial<Pick<hbs.AST.MustacheStatement, "path" | "params" | "hash">>;
  if (
    call.path &&
    (call.params?.length || call.hash || node.type !== "MustacheStatement") &&
    call.path.type === "PathExpression"
  ) {
    const name = (call.path as Path).original;
    if (!helpers.has(name) && !isLegacyFaker(call.path as Path))
      return `${name} is not a template helper (helpers: ${[...helpers].filter((h) => !/^__|Missing$/.test(h)).join(", ")})`;
  }
  const scoped =
    node.type === "BlockStatement" && SCOPING_BLOCKS.has(((node as hbs.AST.BlockStatement).path as Path).original);
  for (const [key, child] of children(node)) {
    const problem = checkNode(child, helpers, topLevel && !(scoped && (key === "program" || key === "inverse")));
    if (problem) return problem;
  }
  return undefined;
}

function checkPath(path: Path, helpers: ReadonlySet<string>, topLevel: boolean): string | undefined {
  const bad = path.parts.find((part) => FORBIDDEN_SEGMENT.test(part));
  if (bad !== undefined) return `{{${path.original}}} reads "${bad}", which templates may not`;
  const [head, part] = path.data && path.parts[0] === "root" ? path.parts.slice(1) : path.parts;
  if (path.data && path.parts[0] !== "root") return undefined;
  if (head === "request" && (part === undefined || REQUEST_PARTS.includes(part))) return undefined;
  if (head === "request")
    return `{{${path.original}}} is not one of ${REQUEST_PARTS.map((p) => `request.${p}`).join(", ")}`;
  if (!topLevel || path.depth > 0 || helpers.has(path.original) || isLegacyFaker(path) || path.parts.length === 0)
    return undefined;
  return `{{${path.original}}} must start with request. (or name a helper such as now, uuid or faker)`;
}

function isLegacyFaker(path: Path): boolean {
  return !path.data && path.parts[0] === "faker" && path.parts.length >= 3;
}

/** The child nodes of `node` with the field they sit in. */
function children(node: Node): Array<[string, Node]> {
  const found: Array<[string, Node]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key === "strip") continue;
    const list =
      key === "hash" && value
        ? (value as hbs.AST.Hash).pairs.map((p) => p.value)
        : Array.isArray(value)
          ? value
          : [value];
    for (const item of list)
      if (item && typeof item === "object" && typeof (item as Node).type === "string") found.push([key, item as Node]);
  }
  return found;
}

/**
 * Every `{{x}}` becomes `{{__text x}}` (or `{{__value x}}` for a whole value), so that mockpact decides how
 * a value is written; `faker.person.firstName` becomes `(faker 'person.firstName')`; a helper named
 * without arguments where a value is expected (`{{date now}}`) is called; header names lose their case.
 */
function rewriteNode(node: Node, helpers: ReadonlySet<string>, whole: boolean): void {
  const call = node as Partial<hbs.AST.MustacheStatement>;
  if (call.params) call.params = call.params.map((p) => asValue(p, helpers));
  if (call.hash) for (const pair of call.hash.pairs) pair.value = asValue(pair.value, helpers);
  if (node.type === "MustacheStatement") {
    const mustache = node as hbs.AST.MustacheStatement;
    const inner =
      mustache.params.length > 0 || mustache.hash
        ? subExpression(mustache.path as Path, mustache.params, mustache.hash)
        : asValue(mustache.path, helpers);
    Object.assign(mustache, {
      path: pathOf(whole ? "__value" : "__text", mustache.loc),
      params: [inner],
      hash: undefined,
    });
  }
  if (node.type === "PathExpression") lowerHeaderName(node as Path);
  for (const [, child] of children(node)) rewriteNode(child, helpers, whole && node.type === "Program");
}

function asValue(expression: Expression, helpers: ReadonlySet<string>): Expression {
  if (expression.type !== "PathExpression") return expression;
  const path = expression as Path;
  if (isLegacyFaker(path))
    return subExpression(pathOf("faker", path.loc), [
      {
        type: "StringLiteral",
        value: path.parts.slice(1).join("."),
        original: "",
        loc: path.loc,
      } as hbs.AST.StringLiteral,
    ]);
  if (!path.data && path.depth === 0 && path.parts.length === 1 && helpers.has(path.original))
    return subExpression(path, []);
  return path;
}

function lowerHeaderName(path: Path): void {
  const at = path.data && path.parts[0] === "root" ? 1 : 0;
  if (path.parts[at] === "request" && path.parts[at + 1] === "headers" && path.parts[at + 2])
    path.parts[at + 2] = path.parts[at + 2]!.toLowerCase();
}

function subExpression(path: Path, params: Expression[], hash?: hbs.AST.Hash): Expression {
  return { type: "SubExpression", path, params, hash, loc: path.loc } as unknown as Expression;
}

function pathOf(name: string, loc: hbs.AST.SourceLocation): Path {
  return { type: "PathExpression", data: false, depth: 0, parts: [name], original: name, loc };
}
