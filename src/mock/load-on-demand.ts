import { createRequire } from "node:module";
import type { UTCDate } from "@date-fns/utc";
import type Handlebars from "handlebars";
import type Jsep from "jsep";
import type { JSONPath } from "jsonpath-plus";
import type { add } from "date-fns/add";
import type { format } from "date-fns/format";
import type { isValid } from "date-fns/isValid";
import type { parse } from "date-fns/parse";
import type * as Yaml from "yaml";

/**
 * Handlebars, yaml, date-fns, jsonpath-plus and jsep load when the first mocks file, template or
 * JSONPath needs them, not at every start: importing them is ~50 ms of CPU that a contract served
 * without mocks files never uses. They ship CommonJS, so require() loads them synchronously and the APIs that compile a template (`use()`,
 * the admin API, MSW's `override()`) stay synchronous. date-fns loads one module per function: its
 * index loads every function and locale. @date-fns/utc builds an Intl.DateTimeFormat when imported,
 * which loads the locale data (~6 ms). The browser build swaps this file for
 * load-on-demand-browser.ts (package.json's `browser` field), which imports them as any bundle does.
 */
const requireFromHere = createRequire(import.meta.url);

let handlebars: typeof Handlebars | undefined;
let yaml: typeof Yaml | undefined;
let dates: DateFunctions | undefined;
let jsonPath: typeof JSONPath | undefined;
let jsep: typeof Jsep | undefined;

export interface DateFunctions {
  add: typeof add;
  format: typeof format;
  isValid: typeof isValid;
  parse: typeof parse;
  UTCDate: typeof UTCDate;
}

export function handlebarsPackage(): typeof Handlebars {
  return (handlebars ??= requireFromHere("handlebars") as typeof Handlebars);
}

export function yamlPackage(): typeof Yaml {
  return (yaml ??= requireFromHere("yaml") as typeof Yaml);
}

export function dateFunctions(): DateFunctions {
  return (dates ??= {
    add: (requireFromHere("date-fns/add") as { add: typeof add }).add,
    format: (requireFromHere("date-fns/format") as { format: typeof format }).format,
    isValid: (requireFromHere("date-fns/isValid") as { isValid: typeof isValid }).isValid,
    parse: (requireFromHere("date-fns/parse") as { parse: typeof parse }).parse,
    UTCDate: (requireFromHere("@date-fns/utc") as { UTCDate: typeof UTCDate }).UTCDate,
  });
}

export function jsonPathFunction(): typeof JSONPath {
  return (jsonPath ??= (requireFromHere("jsonpath-plus") as { JSONPath: typeof JSONPath }).JSONPath);
}

export function jsepParser(): typeof Jsep {
  return (jsep ??= requireFromHere("jsep") as typeof Jsep);
}
