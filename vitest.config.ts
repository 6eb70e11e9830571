import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Time limits are hang detectors, never speed checks: generous enough for a 2-core machine
    // running other CPU-heavy work beside the suite (tests that spawn the real `eslint` binary
    // or the built command take seconds each there). Tests that check that work stays linear
    // bound its CPU time (test/support/cpu-time.ts), the robustness watchdog its worker's CPU time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
