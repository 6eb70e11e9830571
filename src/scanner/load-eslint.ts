/**
 * ESLint's `Linter`, loaded when the first lint engine is made instead of imported at start-up.
 * ESLint is a peer dependency: an installer that skips peers (yarn 1, `--legacy-peer-deps`) leaves
 * it out, and a static import made every command, even `--version`, crash with
 * ERR_MODULE_NOT_FOUND and exit 1 (the "findings" code). Now the scan stops with a configuration
 * error (exit 2) that says what to install. `eslint/universal` is the Linter alone (no ESLint
 * class, no caches); ESLint releases without that entry point get the package's own `Linter`.
 */
import { createRequire } from "node:module";
import type { Linter } from "eslint";
import { ScanConfigError } from "./types.js";

const require = createRequire(import.meta.url);

export const ESLINT_MISSING =
  'ESLint is not installed: campaign-ims lints with the "eslint" package (9.6 or later, or 10), a peer dependency. Install it next to the plugin: npm install --save-dev eslint';

const NOT_FOUND = new Set(["MODULE_NOT_FOUND", "ERR_MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED"]);

const load = (specifier: string): typeof Linter | undefined => {
  try {
    return (require(specifier) as { Linter: typeof Linter }).Linter;
  } catch (error) {
    // Not found: that entry point (or the package) is absent. Anything else is ESLint's own error.
    if (NOT_FOUND.has((error as { code?: string }).code ?? "")) return undefined;
    throw error;
  }
};

let linter: typeof Linter | undefined;

export function loadLinter(): typeof Linter {
  linter ??= load("eslint/universal") ?? load("eslint");
  if (linter === undefined) throw new ScanConfigError(ESLINT_MISSING);
  return linter;
}
