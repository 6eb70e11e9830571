/**
 * ESLint's own RuleTester wired into vitest. JS/TS cases parse with @typescript-eslint/parser,
 * the parser `configs.recommended` uses; language rules pass `language` in each case's config.
 */
import { RuleTester } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, it } from "vitest";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A tester for TS/JS rules (default file name `file.ts`; set `filename` for .tsx/.js/.mjs). */
export const jsRuleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: "latest",
    sourceType: "module",
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

export { RuleTester };

/**
 * A tester for one of the plugin's languages (`xml`, `http`, `shell`, `json`): cases are linted
 * with the real plugin object registered under its namespace, as a user's config would.
 */
export async function languageRuleTester(language: "xml" | "http" | "shell" | "json"): Promise<RuleTester> {
  const { default: plugin } = await import("../../src/index.js");
  return new RuleTester({ plugins: { "campaign-ims": plugin }, language: `campaign-ims/${language}` });
}
