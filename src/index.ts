/** The plugin object: `meta`, `rules`, `languages` and the configs computed from rule meta. */
import type { ESLint, Linter } from "eslint";
import { createRequire } from "node:module";
import { httpLanguage } from "./languages/http/index.js";
import { jsonLanguage } from "./languages/json/index.js";
import { shellLanguage } from "./languages/shell/index.js";
import { xmlLanguage } from "./languages/xml/index.js";
import { rules } from "../rules/index.js";
import { createConfigs, type ConfigName } from "./configs.js";
import { PLUGIN_NAMESPACE } from "./rule-id.js";
import { collectCredentials } from "./campaign/credential-ranges.js";

const { name, version } = createRequire(import.meta.url)("eslint-plugin-campaign-ims/package.json") as {
  name: string;
  version: string;
};

const NAMESPACE = PLUGIN_NAMESPACE;

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  // `campaign-ims/json` is @eslint/json's language (iterative traversal) under our namespace, so
  // our JSON rules never collide with however the user registered @eslint/json.
  languages: { xml: xmlLanguage, http: httpLanguage, shell: shellLanguage, json: jsonLanguage },
  configs: {} as Record<ConfigName, Linter.Config[]>,
  // Not an ESLint key: the scanner reads the credential ranges the rules report through it
  // (campaign/credential-ranges.ts), from the very module instance that ran the rules.
  credentialRanges: { collect: collectCredentials },
} satisfies ESLint.Plugin & Record<string, unknown>;

Object.assign(plugin.configs, createConfigs(plugin as ESLint.Plugin, rules, NAMESPACE));

export default plugin;

// `require("eslint-plugin-campaign-ims")` (Node 20.19+ loads ES modules with require) returns the
// plugin itself, not a namespace with `.default`.
export { plugin as "module.exports" };
