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
