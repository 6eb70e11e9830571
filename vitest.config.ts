import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import { LongPolesFirst } from "./test/support/sequencer.js";

/** Test files that need a module graph of their own (vi.mock replaces a module for the whole file). */
const ISOLATED = ["test/scanner/prefilter-soundness.test.ts"];

export default defineConfig({
  test: {
    // Time limits are hang detectors, never speed checks: generous enough for a 2-core machine
    // running other CPU-heavy work beside the suite (tests that spawn the real `eslint` binary
    // or the built command take seconds each there). Tests that check that work stays linear
    // bound its CPU time (test/support/cpu-time.ts), the robustness watchdog its worker's CPU time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // One build of dist/ for every test that runs the built package, before any test file starts.
    globalSetup: ["test/support/built-package.ts"],
    // One test file per core (vitest's default leaves one core to itself: half of a 2-core machine),
    // the minutes-long robustness suites first.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongPolesFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ISOLATED, "test/e2e/**"],
          // A worker runs file after file in one module graph: ESLint, TypeScript, the parsers and
          // the plugin load once per worker instead of once per file (most of a file's time).
          // Test files keep no state between files: support modules with state reset it per test.
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
      {
        extends: true,
        test: {
          // The packed tarball installed into temporary projects with ESLint 9 and 10 (test/e2e/setup.ts).
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/setup.ts"],
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
