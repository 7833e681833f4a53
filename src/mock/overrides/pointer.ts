/**
 * A field of an entry as a JSON pointer (`/respond/status`): what an error names where an entry has no
 * line, as one given to the admin API or `mock.use()`.
 */
export function pointerOf(path: Array<string | number>): string {
  return path.map((step) => "/" + String(step).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
