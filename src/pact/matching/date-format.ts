/**
 * Pact's `date`, `time` and `datetime`/`timestamp` matchers carry a Java DateTimeFormatter pattern
 * (`yyyy-MM-dd'T'HH:mm:ssX`, `[...]` optional). mockpact turns the pattern into an anchored regex with field ranges
 * (month 01-12, hour 00-23...): enough to tell a value of that shape from one that is not, without
 * a calendar (31 February passes).
 */
const FIELDS: Record<string, (count: number) => string> = {
  y: (n) => (n === 2 ? "\\d{2}" : n >= 4 ? `\\d{${n}}` : "\\d{1,4}"),
  u: (n) => (n === 2 ? "\\d{2}" : "\\d{4}"),
  M: (n) => (n >= 4 ? "[A-Za-z]{3,9}" : n === 3 ? "[A-Za-z]{3}" : n === 2 ? "(?:0[1-9]|1[0-2])" : "(?:1[0-2]|0?[1-9])"),
  L: (n) => FIELDS.M!(n),
  d: (n) => (n === 2 ? "(?:0[1-9]|[12]\\d|3[01])" : "(?:[12]\\d|3[01]|0?[1-9])"),
  D: () => "\\d{1,3}",
  H: (n) => (n === 2 ? "(?:[01]\\d|2[0-3])" : "(?:1\\d|2[0-3]|0?\\d)"),
  k: () => "(?:[01]?\\d|2[0-4])",
  K: () => "(?:1[01]|0?\\d)",
  h: (n) => (n === 2 ? "(?:0[1-9]|1[0-2])" : "(?:1[0-2]|0?[1-9])"),
  m: (n) => (n === 2 ? "[0-5]\\d" : "[0-5]?\\d"),
  s: (n) => (n === 2 ? "(?:[0-5]\\d|60)" : "(?:[0-5]?\\d|60)"),
  S: (n) => `\\d{${n}}`,
  n: () => "\\d{1,9}",
  a: () => "(?:AM|PM|am|pm)",
  E: (n) => (n >= 4 ? "[A-Za-z]{6,9}" : "[A-Za-z]{3}"),
  e: () => "\\d",
  G: () => "(?:AD|BC)",
  w: () => "\\d{1,2}",
  W: () => "\\d",
  F: () => "\\d",
  X: (n) =>
    n === 1 ? "(?:Z|[+-]\\d{2}(?:\\d{2})?)" : n === 2 || n === 4 ? "(?:Z|[+-]\\d{4})" : "(?:Z|[+-]\\d{2}:\\d{2})",
  x: (n) => (n === 1 ? "[+-]\\d{2}(?:\\d{2})?" : n === 2 || n === 4 ? "[+-]\\d{4}" : "[+-]\\d{2}:\\d{2}"),
  Z: (n) => (n <= 3 ? "[+-]\\d{4}" : n === 4 ? "(?:GMT|UTC)(?:[+-]\\d{2}:\\d{2})?" : "(?:Z|[+-]\\d{2}:\\d{2})"),
  z: () => "[A-Za-z][A-Za-z0-9/_+-]{0,40}",
  V: () => "[A-Za-z][A-Za-z0-9/_+-]{0,40}",
  O: () => "GMT(?:[+-]\\d{1,2}(?::\\d{2})?)?",
};

/** The defaults Pact uses when a matcher names no format. */
export const DEFAULT_FORMATS: Record<string, string> = {
  date: "yyyy-MM-dd",
  time: "HH:mm:ss",
  datetime: "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]",
  timestamp: "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]",
};

const compiled = new Map<string, RegExp>();

export function matchesDateFormat(value: string, format: string): boolean {
  let regex = compiled.get(format);
  if (!regex) {
    regex = new RegExp(`^${toRegexSource(format)}$`);
    compiled.set(format, regex);
  }
  return regex.test(value);
}

function toRegexSource(format: string): string {
  let out = "";
  for (let i = 0; i < format.length;) {
    const c = format[i]!;
    if (c === "'") {
      const close = format.indexOf("'", i + 1);
      const literal = close < 0 ? format.slice(i + 1) : format.slice(i + 1, close);
      out += literal === "" ? "'" : escape(literal);
      i = close < 0 ? format.length : close + 1;
      continue;
    }
    let count = 1;
    while (format[i + count] === c) count++;
    const field = FIELDS[c];
    out += field
      ? field(count)
      : c === "["
        ? "(?:".repeat(count)
        : c === "]"
          ? ")?".repeat(count)
          : escape(c.repeat(count)); // [...] is optional
    i += count;
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
