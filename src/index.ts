/** The plugin object: `meta`, `rules`, `languages` and the configs computed from rule meta. */
import type { ESLint, Linter } from "eslint";
import { createRequire } from "node:module";
import { rules } from "../rules/index.js";
import { createConfigs, type ConfigName } from "./configs.js";

const { name, version } = createRequire(import.meta.url)("eslint-plugin-campaign-ims/package.json") as {
  name: string;
  version: string;
};

export const NAMESPACE = "campaign-ims";

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  languages: {},
  configs: {} as Record<ConfigName, Linter.Config[]>,
} satisfies ESLint.Plugin;

Object.assign(plugin.configs, createConfigs(plugin as ESLint.Plugin, rules, NAMESPACE));

export { rules };
export default plugin;
