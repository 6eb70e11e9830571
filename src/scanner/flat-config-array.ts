/**
 * ESLint's `Linter#verify` normalizes a plain config array into a `FlatConfigArray` on every call
 * (schema checks, language set-up, merging): about 4 % of a scan's CPU time on the benchmark. A
 * `FlatConfigArray` built once is used as is and caches each file's merged config. ESLint does
 * not export the class, so it is loaded from its package by path; if that ever fails (ESLint
 * moved it), the plain array is returned and `verify` normalizes it per call as before.
 */
import { createRequire } from "node:module";
import type { Linter } from "eslint";

type FlatConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => Linter.Config[] & { normalizeSync(): void };

function loadFlatConfigArray(): FlatConfigArrayClass | undefined {
  try {
    const eslintPackage = createRequire(import.meta.url).resolve("eslint/package.json");
    const loaded = createRequire(eslintPackage)("./lib/config/flat-config-array.js") as { FlatConfigArray?: FlatConfigArrayClass };
    return typeof loaded.FlatConfigArray === "function" ? loaded.FlatConfigArray : undefined;
  } catch {
    return undefined;
  }
}

const FlatConfigArray = loadFlatConfigArray();

/** The configs normalized once, as `Linter#verify` would per call (same base path: the linter's cwd). */
export function normalizedConfigs(configs: Linter.Config[], basePath: string): Linter.Config[] {
  if (FlatConfigArray === undefined) return configs;
  const array = new FlatConfigArray(configs, { basePath });
  array.normalizeSync();
  return array;
}
