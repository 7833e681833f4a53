/**
 * The browser build's stand-in for default-mocks.ts (package.json's `browser` field swaps the file):
 * a page has no folders to look in. Its mocks files come inside the bundle `mockpact bundle` wrote.
 */
export function defaultMocks(_contracts: string[]): string[] {
  return [];
}
