/**
 * fast-check options for every property test in the suite, one home for seeds and case counts.
 *
 * - `npm test` (and `npx vitest run …`): a FIXED seed and each property's own case count, so a
 *   run checks the same cases on every machine, today and tomorrow; a failure is a regression,
 *   never bad luck.
 * - `npm run fuzz` (test/fuzz.mjs): random exploration. It draws a new seed per run, prints it,
 *   and passes it in `FUZZ_SEED`; `FUZZ_RUNS` raises the case count of every property (never
 *   lowers it: some properties also check that their cases reached every rule).
 * - Replaying a failure: the failure message ends with the command, e.g.
 *   `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run <file> -t "<test>"` (the path is
 *   fast-check's counterexample path, valid for that one property, hence `-t`).
 *
 * Every `fc.assert` passes `propertyOptions(n)` (and `fc.sample` passes `propertySeed()`): an
 * `fc.assert` without it would draw a new seed each run (fast-check's default).
 */
import fc, { type Parameters, type RunDetails } from "fast-check";
import { expect } from "vitest";

/** The seed of `npm test`. Any fixed value does; this one is the day the suite became deterministic. */
export const FIXED_SEED = 20_261_207;

const integerFrom = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
};

/** The seed of this run: `FUZZ_SEED` (set by `npm run fuzz`, or to replay), else the fixed seed. */
export function propertySeed(): number {
  return integerFrom("FUZZ_SEED") ?? FIXED_SEED;
}

/** Replaying one failing case (`FUZZ_PATH`): checks about the whole set of cases do not apply. */
export const isReplay = (): boolean => process.env.FUZZ_PATH !== undefined;

/** The command that replays a failed property: this file, this test, the failure's seed and path. */
function replayCommand(details: RunDetails<unknown>): string {
  const { testPath, currentTestName } = expect.getState();
  const file = testPath === undefined ? "<test file>" : testPath.slice(testPath.lastIndexOf("/test/") + 1);
  const name = (currentTestName ?? "").split(" > ").at(-1) ?? "";
  return `FUZZ_SEED=${details.seed} FUZZ_PATH="${details.counterexamplePath ?? ""}" npx vitest run ${file} -t ${JSON.stringify(name)}`;
}

/** fast-check's own report, followed by the command that replays exactly the failing case. */
function reportWithReplay(details: RunDetails<unknown>): void {
  if (!details.failed) return;
  const message = fc.defaultReportMessage(details) ?? `Property failed (seed ${details.seed})`;
  throw new Error(`${message}\n\nReplay: ${replayCommand(details)}`, { cause: details.errorInstance });
}

/**
 * Options for one `fc.assert`: `runs` cases (or `FUZZ_RUNS` if larger) from this run's seed, and a
 * failure report that names the replay command.
 */
export function propertyOptions<T>(runs: number): Parameters<T> {
  const fuzzRuns = integerFrom("FUZZ_RUNS");
  const options: Parameters<T> = {
    numRuns: fuzzRuns === undefined ? runs : Math.max(fuzzRuns, runs),
    seed: propertySeed(),
    reporter: reportWithReplay as (details: RunDetails<T>) => void,
  };
  if (process.env.FUZZ_PATH !== undefined) options.path = process.env.FUZZ_PATH;
  return options;
}
