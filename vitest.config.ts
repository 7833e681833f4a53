import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real servers, the Pact core and Prism run in these tests: two workers suit the 2-core machines.
    maxWorkers: 2,
    env: { PACT_DO_NOT_TRACK: "true" },
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
