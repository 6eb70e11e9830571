/**
 * Found by the hostile-file cases: a Postman collection nested a few hundred folders deep parsed,
 * then @eslint/json's recursive traversal overflowed the stack and the exception escaped
 * `Linter#verify` (ESLint crashed on the file). The plugin's JSON language now traverses
 * iteratively (src/languages/json/), and nesting too deep even to parse is a clear parse error.
 */
import { readFileSync } from "node:fs";
import { JSONLanguage, JSONSourceCode } from "@eslint/json";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { jsonLanguage } from "../../src/languages/json/index.js";
import { FIXTURES } from "./support/corpus.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const COLLECTION = "/repo/postman/campaign.postman_collection.json";

/** The demo repository's requests (a logon, a push with tokens) inside `depth` nested folders. */
const DEMO = JSON.parse(readFileSync(`${FIXTURES}legacy-repo/postman/campaign.postman_collection.json`, "utf8")) as { info: unknown; item: unknown[] };
const nestedCollection = (depth: number): string =>
  `{"info":${JSON.stringify(DEMO.info)},"item":` + '[{"name":"folder","item":'.repeat(depth) + JSON.stringify(DEMO.item) + "}]".repeat(depth) + "}";

const lint = (text: string): Linter.LintMessage[] => linter.verify(text, plugin.configs.strict, { filename: COLLECTION });

/**
 * The deepest nesting that Momoa's recursive parser accepts inside `Linter#verify` here (binary
 * search; with the recursive traversal, verify threw long before this depth).
 */
function deepestParsed(): number {
  let low = 1;
  let high = 100_000;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lint(nestedCollection(middle)).some((message) => message.fatal)) high = middle - 1;
    else low = middle;
  }
  return low;
}

describe("the JSON language on deep nesting", () => {
  it("lints a collection nested almost as deep as the parser goes: the same findings as at the top", () => {
    const atTheTop = lint(nestedCollection(0)).map((message) => `${message.ruleId}: ${message.message}`);
    expect(atTheTop.length).toBeGreaterThan(2);
    // A margin under the limit: how deep the parser gets varies a little with the JIT's frames.
    const depth = Math.floor(deepestParsed() * 0.8);
    expect(depth).toBeGreaterThan(500);
    expect(lint(nestedCollection(depth)).map((message) => `${message.ruleId}: ${message.message}`)).toEqual(atTheTop);
  });

  it("deeper than the parser goes: a parse error that says so", () => {
    expect(lint(nestedCollection(100_000)).map(({ ruleId, fatal, line, column, message }) => ({ ruleId, fatal, line, column, message }))).toEqual([
      { ruleId: null, fatal: true, line: 1, column: 1, message: "Parsing error: JSON nested too deeply to parse" },
    ]);
  });

  it("traverses in @eslint/json's order, with its parents, on every JSON fixture", () => {
    for (const path of ["legacy-repo/package.json", "legacy-repo/postman/campaign.postman_collection.json"]) {
      const text = readFileSync(`${FIXTURES}${path}`, "utf8");
      const file = { body: text, path, physicalPath: path, bom: false, id: path } as never;
      const original = new JSONLanguage({ mode: "json" });
      const parsed = original.parse(file, { languageOptions: {} } as never);
      if (!parsed.ok) throw new Error(`${path} does not parse`);
      const reference = new JSONSourceCode({ text, ast: parsed.ast });
      const ours = jsonLanguage.createSourceCode(file, parsed);
      const steps = (code: JSONSourceCode) => [...code.traverse()].map((step) => [step.phase, step.target, step.args[1]]);
      expect(steps(ours)).toEqual(steps(reference));
      expect([...ours.traverse()].every((step) => ours.getParent(step.target) === reference.getParent(step.target))).toBe(true);
    }
  });
});
