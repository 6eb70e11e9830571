import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that spawn the real `eslint` binary need more than the 5 s default on a 2-core machine.
    testTimeout: 60_000,
  },
});
