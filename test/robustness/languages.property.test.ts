/**
 * Property: every language's parser and every rule, through ESLint's `Linter` with the plugin's
 * configs (strict + Markdown runbooks, then v8 with its fixes applied), on random texts and on
 * mutated fixtures, under every path and shell dialect: no exception escapes, no case runs past
 * its time budget (watchdog.ts), and every reported location and fix range is inside the file.
 * Each property also records which rules reported something, so a generator that stopped
 * reaching the rules (a keyword gate never opened) fails too.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { bytesOf, mutatedFixture } from "./support/mutations.js";
import { pathIn, textFor } from "./support/texts.js";
import { PATHS_BY_GROUP, type LanguageGroup } from "./support/corpus.js";
import { messageLocationProblems } from "./support/locations.js";
import { isReplay, propertyOptions } from "../support/properties.js";
import { Watchdog } from "./support/watchdog.js";

const GROUPS = Object.keys(PATHS_BY_GROUP) as LanguageGroup[];
const ALL_RULES = Object.keys(plugin.rules).map((name) => `campaign-ims/${name}`).sort();


let watchdog: Watchdog;
beforeAll(async () => {
  watchdog = await Watchdog.start();
}, 120_000);
afterAll(async () => watchdog?.close());

/** Lints one text and fails with every location outside the file, before and after the fixes; adds the rules that reported to `reported`. */
async function lintsInsideTheFile(path: string, text: string, reported: Set<string>): Promise<void> {
  const answer = await watchdog.lint(path, text);
  expect([
    ...messageLocationProblems(path, text, answer.messages),
    ...messageLocationProblems(path, answer.fixed.output, answer.fixed.messages),
  ]).toEqual([]);
  for (const message of answer.messages) if (ALL_RULES.includes(message.ruleId ?? "")) reported.add(message.ruleId!);
}

describe("every language and rule through ESLint's Linter", { timeout: 600_000 }, () => {
  for (const group of GROUPS) {
    it(`random ${group} texts under every path of the language`, async () => {
      const reported = new Set<string>();
      await fc.assert(
        fc.asyncProperty(pathIn(group), textFor(group), (path, text) => lintsInsideTheFile(path, text, reported)),
        propertyOptions(200),
      );
      if (!isReplay()) expect(reported.size).toBeGreaterThan(0);
    });
  }

  it("mutated fixtures (insertions, deletions, duplications, truncations, bit flips)", async () => {
    const reported = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutatedFixture(), (mutated) => lintsInsideTheFile(mutated.path, bytesOf(mutated).toString("utf8"), reported)),
      propertyOptions(1000),
    );
    if (!isReplay()) expect([...reported].sort()).toEqual(ALL_RULES);
  });
});
