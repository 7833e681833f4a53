import type jsep from "jsep";
import { jsepParser } from "../load-on-demand.js";

/** How deep a filter expression may nest: enough for `@.a.b.c > 1 && (@.d == 'x' || !@.e)`. */
const MAX_FILTER_DEPTH = 32;

/** Comparisons, logic and arithmetic: what a filter needs to select values, and nothing that runs code. */
const OPERATORS = new Set(["==", "!=", "===", "!==", "<", "<=", ">", ">=", "&&", "||", "+", "-", "*", "/", "%", "!"]);

/** jsonpath-plus's names for the current value and its place: `@`, `@property`, `@parent`, `@path`, `@root`. */
const NAMES = /^_\$_(?:v|property|parent|parentProperty|path|root)$/;

/**
 * Why a filter or script expression (`@.qty > 5`) is refused, or undefined when it may run.
 * jsonpath-plus's safe evaluator runs no `eval`, but it does call methods on values, so
 * `@.name.match(/(a+)+$/)` or `@.s.repeat(1e9)` would stall or fill the server: calls, regex
 * literals and assignments are refused here, at load, leaving comparisons of values.
 */
export function filterProblem(expression: string): string | undefined {
  let ast: jsep.Expression;
  try {
    ast = jsepParser()(expression.replace(/@([a-zA-Z]*)/g, (_m, name: string) => `_$_${name || "v"}`));
  } catch (error) {
    return `the filter (${expression}) does not parse: ${(error as Error).message}`;
  }
  return refusal(ast, 0, expression);
}

function refusal(node: jsep.Expression, depth: number, expression: string): string | undefined {
  if (depth > MAX_FILTER_DEPTH) return `the filter (${expression}) nests deeper than ${MAX_FILTER_DEPTH}`;
  const next = (child: jsep.Expression | null | undefined) =>
    child ? refusal(child, depth + 1, expression) : undefined;
  switch (node.type) {
    case "Literal":
      return undefined;
    case "Identifier":
      return NAMES.test(String(node.name))
        ? undefined
        : `the filter (${expression}) names "${String(node.name)}": use @ for the value, with comparisons`;
    case "MemberExpression":
      return (
        next(node.object as jsep.Expression) ?? (node.computed ? next(node.property as jsep.Expression) : undefined)
      );
    case "BinaryExpression":
    case "UnaryExpression":
      if (!OPERATORS.has(String(node.operator)))
        return `the filter (${expression}) uses the operator ${String(node.operator)}`;
      return node.type === "UnaryExpression"
        ? next(node.argument as jsep.Expression)
        : (next(node.left as jsep.Expression) ?? next(node.right as jsep.Expression));
    default:
      return `the filter (${expression}) has a ${node.type === "CallExpression" ? "function call" : node.type}: only comparisons of values (@.qty > 5 && @.sku == 'A') are allowed`;
  }
}
