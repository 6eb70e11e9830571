/**
 * The keyword prefilter loses nothing: every rule (strict profile, Markdown fences on) runs on
 * every file under fixtures/, once through the scanner's pipeline (file-level `containsAnyKeyword`
 * prefilter, JS/TS files with keywords only in comments left out, then createRule's per-rule keyword gate) and once through ESLint's Linter directly
 * with both gates off. The findings must be identical.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it, vi } from "vitest";
import { containsAnyKeyword, hasRuleKeyword } from "../../src/campaign/keywords.js";
import { isScriptPath, keywordsOnlyInComments } from "../../src/scanner/commented-keywords.js";
import { LintEngine, loadPlugin } from "../../src/scanner/lint-engine.js";
import { readCandidate } from "../../src/scanner/read-file.js";
import { DEFAULT_MAX_FILE_SIZE } from "../../src/scanner/scan-settings.js";
import { FIXTURES, REAL_PLUGIN_MODULE } from "./support/scan-fixture.js";

// createRule's per-rule gate, switchable: on for the scanner's side, off for the reference side.
const gate = vi.hoisted(() => ({ enabled: true }));
vi.mock(import("../../src/campaign/keywords.js"), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, hasRuleKeyword: (...args: Parameters<typeof actual.hasRuleKeyword>) => !gate.enabled || actual.hasRuleKeyword(...args) };
});

function* filesUnder(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

type Row = string;
const row = (path: string, finding: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }): Row =>
  `${path}:${finding.line}:${finding.column}-${finding.endLine ?? finding.line}:${finding.endColumn ?? finding.column} ${finding.ruleId}`;

describe("keyword prefilter soundness", () => {
  it("finds exactly what the rules find without any keyword gate, on every fixture", async () => {
    const plugin = await loadPlugin(REAL_PLUGIN_MODULE);
    const engine = new LintEngine(plugin, {
      root: FIXTURES,
      profile: "strict",
      rules: [],
      markdown: true,
      allowlist: { paths: [], operators: [], values: [] },
      pluginModule: REAL_PLUGIN_MODULE,
    });
    const linter = new Linter({ cwd: FIXTURES, configType: "flat" });

    const withGates: Row[] = [];
    const withoutGates: Row[] = [];
    let linted = 0;
    for (const absolute of filesUnder(FIXTURES)) {
      if (!engine.isLinted(absolute)) continue;
      const read = readCandidate(absolute, DEFAULT_MAX_FILE_SIZE);
      if (!read.ok) continue;
      const path = relative(FIXTURES, absolute);
      linted++;

      gate.enabled = true;
      if (containsAnyKeyword(read.text) && !(isScriptPath(path) && keywordsOnlyInComments(path, read.text))) {
        for (const finding of engine.lintFile(path, read.text).findings) withGates.push(row(path, finding));
      }

      gate.enabled = false;
      const messages = linter.verify(read.text, engine.config.configs, {
        filename: absolute,
        filterCodeBlock: (name: string) => engine.isLinted(name),
      });
      for (const message of messages) {
        if (message.ruleId?.startsWith("campaign-ims/")) withoutGates.push(row(path, message as Parameters<typeof row>[1]));
      }
    }
    // The reference side really ran without the per-rule gate.
    expect(hasRuleKeyword("no-password-logon", { text: "nothing here" })).toBe(true);
    gate.enabled = true;
    expect(hasRuleKeyword("no-password-logon", { text: "nothing here" })).toBe(false);

    // The fixtures hold every pattern family: the comparison is not vacuous.
    expect(linted).toBeGreaterThan(40);
    expect(withoutGates.length).toBeGreaterThan(30);
    expect(withGates.sort()).toEqual(withoutGates.sort());
  });
});
