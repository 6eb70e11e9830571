/**
 * The suite's one way to read the project's fixtures (fixtures/ at the repository root), to
 * build multi-line test code, and to lint a fixture tree through a config with real ESLint.
 */
import { Linter } from "eslint";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The absolute path of fixtures/ (with a trailing separator). */
export const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** The text of a fixture, by its path below fixtures/. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), "utf8");
}

/** Lines joined with `\n` (no trailing newline). */
export const lines = (...text: string[]): string => text.join("\n");

/** Every file below `dir`, recursively, sorted by path. */
export function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    })
    .sort();
}

/** The configs with the listed rules alone (each config's other rules dropped). */
export function onlyRules(configs: Linter.Config[], ruleIds: readonly string[]): Linter.Config[] {
  return configs.map((config) =>
    config.rules === undefined ? config : { ...config, rules: Object.fromEntries(Object.entries(config.rules).filter(([id]) => ruleIds.includes(id))) },
  );
}

/**
 * Every message of every file below `root`, linted with `config` as ESLint's CLI would (the
 * Markdown code blocks the config matches included; Linter needs to be told), with the file's
 * path relative to `root`.
 */
export function lintTree(root: string, config: Linter.Config[]): Array<{ file: string; message: Linter.LintMessage }> {
  const linter = new Linter({ cwd: root });
  return files(root).flatMap((file) =>
    linter.verify(readFileSync(file, "utf8"), config, { filename: file, filterCodeBlock: () => true }).map((message) => ({ file: relative(root, file), message })),
  );
}
