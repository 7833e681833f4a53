import { checkRules } from "./check-rule.js";
import type { Mismatch } from "./mismatch.js";
import { formatPath } from "./path-expression.js";
import type { RuleEntry } from "./rules.js";
import { selectAmong } from "./select.js";
import { parseXml, type XmlElement } from "./xml-parse.js";

interface XmlContext {
  rules: RuleEntry[] | undefined;
  allowUnexpectedKeys: boolean;
  out: Mismatch[];
}

/** An element's path, and the other spellings a rule may use for it (the first is reported). */
type Paths = string[][];

/** More spellings than this per element are not followed: nested groups would double them at each level. */
const MAX_SPELLINGS = 8;

/**
 * Pact's XML comparison. Paths name elements (`$.animals.alligator`), attributes (`['@name']`) and
 * text (`#text`). An element's rule checks its name and, with `min`/`max`, the number of its
 * children; children group by name, and under a rule every received child is compared with the
 * first expected one. Such a child is also addressed with its index before its name
 * (`$.animals[*].alligator`, as V4 pacts write it): the better-weighted spelling wins.
 */
export function compareXml(
  expectedText: string,
  actualText: string,
  rules: RuleEntry[] | undefined,
  allowUnexpectedKeys: boolean,
): Mismatch[] {
  let expected: XmlElement;
  let actual: XmlElement;
  try {
    expected = parseXml(expectedText);
    actual = parseXml(actualText);
  } catch (error) {
    return [{ part: "body", where: "$", message: (error as Error).message }];
  }
  const context: XmlContext = { rules, allowUnexpectedKeys, out: [] };
  compareElement([["$", expected.name]], expected, actual, context);
  return context.out;
}

function compareElement(paths: Paths, expected: XmlElement, actual: XmlElement, context: XmlContext): void {
  if (expected.name !== actual.name)
    return report(paths, `expected element <${expected.name}> but received <${actual.name}>`, context);
  const selected = selectAmong(context.rules, paths);
  if (selected && !selected.cascaded) {
    const sizeRules = {
      combine: "AND" as const,
      rules: selected.list.rules.filter((r) => r.match === "type" || r.match === "min" || r.match === "max"),
    };
    for (const m of checkRules(sizeRules, expected.children, actual.children, { cascaded: false, text: false }))
      report(paths, m, context);
  }
  compareAttributes(paths, expected, actual, context);
  compareChildren(paths, expected, actual, context);
  if (expected.text !== "" || actual.text !== "") check(below(paths, "#text"), expected.text, actual.text, context);
}

function compareAttributes(paths: Paths, expected: XmlElement, actual: XmlElement, context: XmlContext): void {
  for (const [name, value] of expected.attributes) {
    const received = actual.attributes.get(name);
    if (received === undefined) report(paths, `expected attribute ${name}="${value}" but it was missing`, context);
    else check(below(paths, `@${name}`), value, received, context);
  }
  const unexpected = [...actual.attributes.keys()].filter((name) => !expected.attributes.has(name));
  if (unexpected.length > 0 && !context.allowUnexpectedKeys)
    report(paths, `unexpected attribute(s) ${unexpected.join(", ")}`, context);
}

function compareChildren(paths: Paths, expected: XmlElement, actual: XmlElement, context: XmlContext): void {
  const expectedGroups = groupByName(expected.children);
  const actualGroups = groupByName(actual.children);
  for (const [name, group] of expectedGroups) {
    const received = actualGroups.get(name) ?? [];
    const groupPaths = below(paths, name);
    if (received.length === 0) report(groupPaths, `expected child <${name}/> but it was missing`, context);
    else if (selectAmong(context.rules, groupPaths)) {
      received.forEach((child, i) =>
        compareElement(
          [...groupPaths, ...paths.map((p) => [...p, String(i), name])].slice(0, MAX_SPELLINGS),
          group[0]!,
          child,
          context,
        ),
      );
    } else {
      if (group.length !== received.length)
        report(
          groupPaths,
          `expected ${group.length} <${name}> child element(s) but received ${received.length}`,
          context,
        );
      group.forEach((child, i) => received[i] && compareElement(groupPaths, child, received[i], context));
    }
  }
  const unexpected = [...actualGroups.keys()].filter((name) => !expectedGroups.has(name));
  if (unexpected.length > 0 && !context.allowUnexpectedKeys)
    report(paths, `unexpected child element(s) ${unexpected.map((n) => `<${n}>`).join(", ")}`, context);
}

function check(paths: Paths, expected: string, actual: string, context: XmlContext): void {
  const selected = selectAmong(context.rules, paths);
  const failures = selected
    ? checkRules(selected.list, expected, actual, { cascaded: selected.cascaded, text: true })
    : expected === actual
      ? []
      : [`expected "${expected}" but was "${actual}"`];
  for (const failure of failures) report(paths, failure, context);
}

function below(paths: Paths, fragment: string): Paths {
  return paths.map((p) => [...p, fragment]);
}

function groupByName(children: XmlElement[]): Map<string, XmlElement[]> {
  const groups = new Map<string, XmlElement[]>();
  for (const child of children) {
    const group = groups.get(child.name);
    if (group) group.push(child);
    else groups.set(child.name, [child]);
  }
  return groups;
}

function report(paths: Paths, message: string, context: XmlContext): void {
  context.out.push({ part: "body", where: formatPath(paths[0]!), message });
}
