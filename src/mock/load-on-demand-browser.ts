import { UTCDate } from "@date-fns/utc";
import { add } from "date-fns/add";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import Handlebars from "handlebars";
import jsep from "jsep";
import { JSONPath } from "jsonpath-plus";
import * as Yaml from "yaml";
import type { DateFunctions } from "./load-on-demand.js";

/**
 * The browser build's stand-in for load-on-demand.ts (package.json's `browser` field swaps the file):
 * a page has no require(), and its bundle holds these packages anyway.
 */
export function handlebarsPackage(): typeof Handlebars {
  return Handlebars;
}

export function yamlPackage(): typeof Yaml {
  return Yaml;
}

export function dateFunctions(): DateFunctions {
  return { add, format, isValid, parse, UTCDate };
}

export function jsonPathFunction(): typeof JSONPath {
  return JSONPath;
}

export function jsepParser(): typeof jsep {
  return jsep;
}
