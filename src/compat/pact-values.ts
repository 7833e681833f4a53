import { isObject } from "../contract/pointer.js";

/** One value of a pact body: its Pact path (`["$", "items", "0"]`) and its JSON pointer (`/items/0`). */
export interface PactValue {
  value: unknown;
  path: string[];
  pointer: string;
}

const MAX_VALUES = 10_000;

/** Every value of a body, parents before children, with a bound so a huge pact cannot stall compat. */
export function valuesOf(root: unknown): PactValue[] {
  const out: PactValue[] = [];
  const visit = (value: unknown, path: string[], pointer: string) => {
    if (out.length >= MAX_VALUES) return;
    out.push({ value, path, pointer });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, String(i)], `${pointer}/${i}`));
    else if (isObject(value))
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key], `${pointer}/${escape(key)}`);
  };
  visit(root, ["$"], "");
  return out;
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
