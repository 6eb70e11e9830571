import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests that spawn the real `eslint` binary need more than the 5 s default on a 2-core machine.
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**"] } },
      {
        extends: true,
        test: {
          // The packed tarball installed into temporary projects with ESLint 9 and 10 (test/e2e/setup.ts).
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/setup.ts"],
          hookTimeout: 600_000,
          testTimeout: 300_000,
        },
      },
    ],
  },
});
