/**
 * fast-check options for the robustness properties: the given number of cases, or more with
 * `ROBUSTNESS_RUNS` for a longer hunt (`ROBUSTNESS_RUNS=5000 npx vitest run test/robustness`);
 * never fewer, since the properties also check that their cases reached every rule.
 * A failure prints fast-check's seed and path; `ROBUSTNESS_SEED=<seed> ROBUSTNESS_PATH=<path>`
 * replays exactly that case.
 */
import type { Parameters } from "fast-check";

export function propertyOptions(defaultRuns: number): Parameters<unknown> {
  const configured = Number(process.env.ROBUSTNESS_RUNS);
  const options: Parameters<unknown> = { numRuns: Number.isInteger(configured) ? Math.max(configured, defaultRuns) : defaultRuns };
  const seed = Number(process.env.ROBUSTNESS_SEED);
  if (process.env.ROBUSTNESS_SEED !== undefined && Number.isInteger(seed)) options.seed = seed;
  if (process.env.ROBUSTNESS_PATH !== undefined) options.path = process.env.ROBUSTNESS_PATH;
  return options;
}

/** Replaying one failing case (`ROBUSTNESS_PATH`): checks about the whole set of cases do not apply. */
export const isReplay = (): boolean => process.env.ROBUSTNESS_PATH !== undefined;
