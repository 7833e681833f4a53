/**
 * Dates in one object that the names say come in order: `startDate` before `endDate`, `departureTime`
 * before `arrivalTime`, `createdAt` before `updatedAt`. Each is faked on its own, so half of them
 * came out backwards; where both are dates and the later-named one is earlier, the two are swapped
 * (each keeps a value its own schema was faked for).
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["start", "end"],
  ["begin", "end"],
  ["departure", "arrival"],
  ["depart", "arrive"],
  ["created", "updated"],
  ["created", "modified"],
  ["opened", "closed"],
  ["issued", "expires"],
  ["valid_from", "valid_until"],
  ["validFrom", "validUntil"],
  ["check_in", "check_out"],
  ["checkIn", "checkOut"],
  ["from", "to"],
];

/** Orders the date pairs of every object inside `value`, in place; bounded by the value's own size. */
export function orderDatePairs(value: unknown): unknown {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === "object" && node !== null) {
      orderObject(node as Record<string, unknown>);
      stack.push(...Object.values(node));
    }
  }
  return value;
}

function orderObject(object: Record<string, unknown>): void {
  for (const key of Object.keys(object)) {
    for (const partner of partnersOf(key)) {
      if (!Object.hasOwn(object, partner)) continue;
      const a = object[key];
      const b = object[partner];
      if (isDate(a) && isDate(b) && a.length === b.length && Date.parse(a) > Date.parse(b)) {
        object[key] = b;
        object[partner] = a;
      }
    }
  }
}

/**
 * The later-named partners of `key`, in the order of PAIRS (most keys have none). Property names
 * repeat from fake to fake, so each is worked out once; names made up by a fake (additional
 * properties) are not kept past a bound.
 */
const partnersByKey = new Map<string, readonly string[]>();
const MAX_KEYS_KEPT = 10_000;
const NO_PARTNERS: readonly string[] = [];

function partnersOf(key: string): readonly string[] {
  let partners = partnersByKey.get(key);
  if (partners === undefined) {
    const found = PAIRS.map(([first, second]) => partnerOf(key, first, second)).filter((p) => p !== undefined);
    partners = found.length > 0 ? found : NO_PARTNERS;
    if (partnersByKey.size < MAX_KEYS_KEPT) partnersByKey.set(key, partners);
  }
  return partners;
}

/** `startDate` -> `endDate`, `start_at` -> `end_at`, `StartTime` -> `EndTime`; undefined when `key` does not begin with `first`. */
function partnerOf(key: string, first: string, second: string): string | undefined {
  if (key.startsWith(first)) return rest(key, first) === undefined ? undefined : second + key.slice(first.length);
  const capital = first.charAt(0).toUpperCase() + first.slice(1);
  if (key.startsWith(capital) && rest(key, capital) !== undefined)
    return second.charAt(0).toUpperCase() + second.slice(1) + key.slice(first.length);
  return undefined;
}

/** What follows the word must start a new word (`_at`, `Date`, ``), so `fromage` and `starter` are no pairs. */
function rest(key: string, word: string): string | undefined {
  const tail = key.slice(word.length);
  return tail === "" || /^[_\-A-Z0-9]/.test(tail) ? tail : undefined;
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
}
