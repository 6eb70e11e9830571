/**
 * The shareable configs, computed from rule meta rather than hand lists:
 * - `recommended`: rules whose `meta.docs.recommended` is true, at "error";
 * - `strict`: every rule, at "error";
 * - `v8`: `recommended` with each rule's `meta.v8Options` (Campaign v8.5+: fixes that rely on
 *   direct IMS bearer support are applied rather than offered as suggestions).
 * Each config is an array with one block per language, so a rule is only enabled on the files of
 * a language it supports (ESLint checks `meta.languages`).
 */
import type { ESLint, Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { LANGUAGE_IDS, type CampaignRule, type LanguageKey } from "./create-rule.js";

export const CONFIG_NAMES = ["recommended", "strict", "v8"] as const;
export type ConfigName = (typeof CONFIG_NAMES)[number];

/** Files each language lints under the plugin's configs. */
export const LANGUAGE_FILES: Record<LanguageKey, string[]> = {
  js: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
  xml: [],
  http: [],
  shell: [],
  json: [],
};

function languageBlock(key: LanguageKey): Partial<Linter.Config> {
  if (key === "js") {
    // One parser for JS and TS so `eslint .` works on TypeScript with nothing else configured.
    return { languageOptions: { parser: tsParser as Linter.Parser } };
  }
  return { language: LANGUAGE_IDS[key] };
}

function ruleEntry(rule: CampaignRule<string, any>, config: ConfigName): Linter.RuleEntry | undefined {
  if (config === "strict") return "error";
  if (!rule.meta.docs.recommended) return undefined;
  if (config === "v8" && rule.meta.v8Options !== undefined) return ["error", ...rule.meta.v8Options];
  return "error";
}

export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, CampaignRule<string, any>>,
  namespace: string,
): Record<ConfigName, Linter.Config[]> {
  const build = (config: ConfigName): Linter.Config[] =>
    (Object.keys(LANGUAGE_IDS) as LanguageKey[]).flatMap((key) => {
      const enabled: Linter.RulesRecord = {};
      for (const [name, rule] of Object.entries(rules)) {
        if (!rule.meta.languages.includes(LANGUAGE_IDS[key])) continue;
        const entry = ruleEntry(rule, config);
        if (entry !== undefined) enabled[`${namespace}/${name}`] = entry;
      }
      if (LANGUAGE_FILES[key].length === 0 || Object.keys(enabled).length === 0) return [];
      return [
        {
          name: `${namespace}/${config}/${key}`,
          files: LANGUAGE_FILES[key],
          plugins: { [namespace]: plugin },
          ...languageBlock(key),
          rules: enabled,
        },
      ];
    });
  return { recommended: build("recommended"), strict: build("strict"), v8: build("v8") };
}
