// @ts-check
/**
 * `npm run fuzz`: random exploration with the suite's property tests. `npm test` runs them with a
 * fixed seed (test/support/properties.ts); this runs them with a NEW seed each time, prints it
 * before and after the run, and hands it to every property in `FUZZ_SEED`.
 *
 *   npm run fuzz                                    # every property test file, a new seed
 *   FUZZ_RUNS=5000 npm run fuzz                     # more cases per property (never fewer than its own)
 *   FUZZ_SEED=123 npm run fuzz                      # this run again
 *   npm run fuzz -- test/robustness/languages.property.test.ts -t "mutated fixtures"   # some of them
 *
 * A failing property's message ends with the command that replays exactly its case
 * (`FUZZ_SEED=… FUZZ_PATH=… npx vitest run <file> -t "<test>"`). Exit code: vitest's.
 * Plain JavaScript so that it runs with Node alone (`npm run fuzz` builds first: the robustness
 * properties run on dist/).
 */
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");

/** Test files that use the shared property options: every property test and seeded sample. */
function propertyTestFiles() {
  return readdirSync(join(ROOT, "test"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => /\bpropertyOptions\(|\bpropertySeed\(/u.test(readFileSync(path, "utf8")))
    .map((path) => relative(ROOT, path).split("\\").join("/"))
    .sort();
}

const given = process.env.FUZZ_SEED;
if (given !== undefined && !Number.isSafeInteger(Number(given))) {
  process.stderr.write(`FUZZ_SEED must be an integer, got "${given}"\n`);
  process.exit(2);
}
const seed = given === undefined ? randomInt(-(2 ** 31), 2 ** 31) : Number(given);
const args = process.argv.slice(2);
const vitestArgs = args.some((arg) => arg.endsWith(".ts")) ? args : [...propertyTestFiles(), ...args];
const runs = process.env.FUZZ_RUNS === undefined ? "each property's own count" : `at least ${process.env.FUZZ_RUNS} per property`;
const banner = `fuzz seed ${seed} (${runs}); this run again: FUZZ_SEED=${seed} npm run fuzz`;

process.stdout.write(`${banner}\n\n`);
const run = spawnSync(process.execPath, [VITEST, "run", ...vitestArgs], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, FUZZ_SEED: String(seed) },
});
process.stdout.write(`\n${banner}\n`);
if (run.status !== 0) process.stdout.write("A failed property's message ends with the command that replays its case (Replay: …).\n");
process.exit(run.status ?? 2);
