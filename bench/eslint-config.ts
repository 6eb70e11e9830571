/**
 * The ESLint configuration the benchmark compares against: the plugin's `configs["recommended-all-languages"]` and
 * `configs.markdown`, with the corpus's `.gitignore` as ignores (flat config does not read it),
 * so that ESLint lints the same files as the scanner. `withRules: false` keeps every block's
 * files, language, parser and processor and drops the rules: the baseline of the plugin's
 * overhead inside ESLint.
 */
import type { ESLint, Linter } from "eslint";

/** The corpus's `.gitignore` (node_modules/, dist/, coverage/, *.log) as flat-config ignores. */
export const CORPUS_IGNORES = ["**/node_modules/", "**/dist/", "**/coverage/", "**/*.log"];

export function benchEslintConfig(plugin: ESLint.Plugin, withRules: boolean): Linter.Config[] {
  const configs = plugin.configs as Record<string, Linter.Config[]>;
  const blocks = [...configs["recommended-all-languages"]!, ...configs.markdown!];
  return [
    { name: "bench/ignores", ignores: CORPUS_IGNORES },
    ...(withRules ? blocks : blocks.map(({ rules: _rules, ...rest }) => rest)),
  ];
}

/** An `eslint.config.mjs` for the `eslint` binary: the built plugin and the same blocks. */
export function eslintConfigFileText(pluginUrl: string, builderUrl: string): string {
  return [
    `import plugin from ${JSON.stringify(pluginUrl)};`,
    `import { benchEslintConfig } from ${JSON.stringify(builderUrl)};`,
    "",
    "export default benchEslintConfig(plugin, true);",
    "",
  ].join("\n");
}
