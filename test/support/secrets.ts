/**
 * The hard-coded secrets of the no-hardcoded-campaign-secret language tests, the error they
 * expect, and the check that no message shows a secret: one home for the four language files.
 */
import { Linter, type RuleTester } from "eslint";
import { expect } from "vitest";
import plugin from "../../src/index.js";
import { textAt } from "./positions.js";

/** A secret a case hard-codes, and the part of it a message must never show. */
export interface TestSecret {
  value: string;
  part: string;
}

/** The secrets every language's cases use. */
export const COMMON_SECRETS = {
  password: { value: "Zq7-Adm1n!Pw", part: "Zq7-Adm1n!Pw" },
  sessionToken: { value: "___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90", part: "8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90" },
  securityToken: { value: "@Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi", part: "Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi" },
  clientSecret: { value: "p8e-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz", part: "Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz" },
} as const satisfies Record<string, TestSecret>;

/** Each secret's value by name. */
export const valuesOf = <Names extends string>(secrets: Record<Names, TestSecret>): Record<Names, string> =>
  Object.fromEntries(Object.entries<TestSecret>(secrets).map(([name, secret]) => [name, secret.value])) as Record<Names, string>;

/** An error on `needle` (code in one of the plugin's languages) with the masked value and place its message must show. */
export function secretError(code: string, messageId: string, needle: string, masked: string, place: string, nth = 0): RuleTester.TestCaseError {
  const label = messageId === "privateKey" && masked.startsWith("LS0t") ? "base64 private key" : "private key";
  return { messageId, ...textAt(code, needle, nth), data: { masked, place, label }, suggestions: [] };
}

/**
 * Lints every invalid case with this rule alone: each case gives as many messages as it expects
 * errors, no message shows a secret or any 6-character part of it, each shows a mask; `checked`
 * messages in all. Without `language`, through the plugin's own config (its file globs pick the
 * language from the case's file name); with it, as `file.<language>` in that language with the
 * case's options.
 */
export function expectNoSecretInMessages(
  invalid: readonly RuleTester.InvalidTestCase[],
  secrets: Record<string, TestSecret>,
  checked: number,
  language?: "xml" | "http",
): void {
  const linter = new Linter({ configType: "flat" });
  const pluginConfig = plugin.configs["recommended-all-languages"].map((block) =>
    block.rules === undefined ? block : { ...block, rules: { "campaign-ims/no-hardcoded-campaign-secret": block.rules["campaign-ims/no-hardcoded-campaign-secret"] ?? "off" } },
  );
  const languageConfig = (testCase: RuleTester.InvalidTestCase): Linter.Config[] => [
    {
      files: [`**/*.${language}`],
      plugins: { "campaign-ims": plugin },
      language: `campaign-ims/${language}`,
      rules: { "campaign-ims/no-hardcoded-campaign-secret": ["error", ...(testCase.options ?? [])] as Linter.RuleEntry },
    },
  ];
  let seen = 0;
  for (const testCase of invalid) {
    const messages = (
      language === undefined
        ? linter.verify(testCase.code, pluginConfig, { filename: `${process.cwd()}/${testCase.filename!}` })
        : linter.verify(testCase.code, languageConfig(testCase), { filename: `file.${language}` })
    ).filter((message) => message.ruleId !== null);
    expect(messages.length).toBe((testCase.errors as RuleTester.TestCaseError[]).length);
    for (const message of messages) {
      for (const secret of Object.values(secrets)) {
        for (let i = 0; i + 6 <= secret.part.length; i++) expect(message.message).not.toContain(secret.part.slice(i, i + 6));
      }
      expect(message.message).toContain("****");
      seen++;
    }
  }
  expect(seen).toBe(checked);
}
