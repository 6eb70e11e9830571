/**
 * oxlint runs the plugin's TS/JS rules as a JS plugin (`jsPlugins`): with the `.oxlintrc.json`
 * documented in the README, over every TS/JS fixture, oxlint reports exactly what ESLint reports
 * with `configs.recommended` (rule, message, line, column, end offset), and its `--fix` and
 * `--fix-dangerously` (fixes plus each problem's first suggestion) write exactly what ESLint's fixes
 * and first suggestions give.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../eslint/run-eslint.js";

const OXLINT = path.join(ROOT, "node_modules/oxlint/bin/oxlint");
/** Every TS/JS fixture with Campaign code (and look-alikes that must stay silent). */
const FIXTURE_DIRS = ["legacy-repo/src", "migrated-repo", "scanner/planted-secrets/src", "scanner/fix/repo/src", "hostile/src", "oxlint/src"];
const SOURCE = /\.[cm]?[jt]sx?$/u;

/** The README's `.oxlintrc.json` (the JSON block with `jsPlugins`). */
export function readmeOxlintConfig(): { jsPlugins: string[]; rules: Record<string, string> } {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = [...readme.matchAll(/```json\n([\s\S]*?)```/gu)].map((match) => match[1]!).find((text) => text.includes('"jsPlugins"'));
  if (block === undefined) throw new Error("README.md has no .oxlintrc.json block");
  return JSON.parse(block) as { jsPlugins: string[]; rules: Record<string, string> };
}

let work: string;
let plugin: { configs: Record<string, Linter.Config[]> };

/** A copy of the fixtures, the documented config and the plugin installed as a package. */
function project(): string {
  const directory = mkdtempSync(path.join(work, "project-"));
  for (const fixture of FIXTURE_DIRS) cpSync(path.join(ROOT, "fixtures", fixture), path.join(directory, "src", fixture), { recursive: true, filter: (source) => statSync(source).isDirectory() || SOURCE.test(source) });
  mkdirSync(path.join(directory, "node_modules"));
  symlinkSync(ROOT, path.join(directory, "node_modules/eslint-plugin-campaign-ims"), "dir");
  // oxlint's own rules off: only the plugin's findings and fixes are compared.
  writeFileSync(path.join(directory, ".oxlintrc.json"), JSON.stringify({ ...readmeOxlintConfig(), categories: { correctness: "off" } }));
  return directory;
}

const listFiles = (directory: string): string[] =>
  (readdirSync(path.join(directory, "src"), { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();

const oxlint = (directory: string, args: string[]) => spawnSync(process.execPath, [OXLINT, ...args, "src"], { cwd: directory, encoding: "utf8" });

async function eslintResults(directory: string, fix: boolean): Promise<ESLint.LintResult[]> {
  const rules = readmeOxlintConfig().rules;
  const config = plugin.configs.recommended!.map((block) =>
    block.rules === undefined ? block : { ...block, rules: Object.fromEntries(Object.entries(block.rules).filter(([id]) => id in rules)) },
  );
  return new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: config, fix }).lintFiles(["src"]);
}

beforeAll(async () => {
  plugin = (await import(path.join(ROOT, "dist/src/index.js"))).default;
  work = mkdtempSync(path.join(tmpdir(), "campaign-ims-oxlint-"));
}, 300_000);
afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe("oxlint with the plugin as a JS plugin", () => {
  it("the README's .oxlintrc.json turns on exactly the TS/JS rules of configs.recommended", () => {
    const recommendedJs = plugin.configs.recommended!.find((block) => block.rules !== undefined)!.rules!;
    expect(readmeOxlintConfig()).toEqual({
      $schema: "./node_modules/oxlint/configuration_schema.json",
      jsPlugins: ["eslint-plugin-campaign-ims"],
      rules: recommendedJs,
    });
  });

  it("reports what ESLint reports: rule, message, line, column, end", async () => {
    const directory = project();
    expect(listFiles(directory).length).toBeGreaterThanOrEqual(15);
    const eslint = (await eslintResults(directory, false)).flatMap(({ filePath, messages }) => {
      const text = readFileSync(filePath, "utf8");
      const starts = [0, ...[...text.matchAll(/\n/gu)].map((match) => match.index + 1)];
      return messages.map((message) => {
        const end = Buffer.byteLength(text.slice(0, starts[message.endLine! - 1]! + message.endColumn! - 1));
        return `${path.relative(directory, filePath)}:${message.line}:${message.column}-${end} ${message.ruleId} ${message.message}`;
      });
    });
    const run = oxlint(directory, ["--format", "json"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; message: string; filename: string; labels: Array<{ span: { offset: number; length: number; line: number; column: number } }> }> };
    const ox = report.diagnostics.map(({ code, message, filename, labels: [label] }) => {
      const { offset, length, line, column } = label!.span;
      return `${filename}:${line}:${column}-${offset + length} ${code.replace(/^(.+)\((.+)\)$/u, "$1/$2")} ${message}`;
    });
    expect(eslint.length).toBeGreaterThanOrEqual(40);
    expect(ox.sort()).toEqual(eslint.sort());
  });

  it("--fix writes what ESLint's --fix writes", async () => {
    const eslintSide = project();
    const expected = new Map((await eslintResults(eslintSide, true)).filter((result) => result.output !== undefined).map((result) => [path.relative(eslintSide, result.filePath), result.output!]));
    expect(expected.size).toBeGreaterThan(0);
    const directory = project();
    oxlint(directory, ["--fix"]);
    for (const file of listFiles(directory)) {
      expect({ file, text: readFileSync(path.join(directory, file), "utf8") }).toEqual({ file, text: expected.get(file) ?? readFileSync(path.join(eslintSide, file), "utf8") });
    }
  });

  it("--fix-dangerously writes ESLint's fixes and first suggestions", async () => {
    const eslintSide = project();
    const expected = new Map<string, string>();
    for (const { filePath, messages } of await eslintResults(eslintSide, false)) {
      // Each problem's fix, else its first suggestion, applied as ESLint applies fixes: in range
      // order, a change that overlaps an earlier one left out.
      const text = readFileSync(filePath, "utf8");
      const changes = messages.flatMap((message) => message.fix ?? message.suggestions?.[0]?.fix ?? []).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
      let output = "";
      let position = 0;
      for (const change of changes) {
        if (change.range[0] < position) continue;
        output += text.slice(position, change.range[0]) + change.text;
        position = change.range[1];
      }
      if (changes.length > 0) expected.set(path.relative(eslintSide, filePath), output + text.slice(position));
    }
    expect(expected.size).toBeGreaterThanOrEqual(10);
    const directory = project();
    oxlint(directory, ["--fix-dangerously"]);
    for (const file of listFiles(directory)) {
      expect({ file, text: readFileSync(path.join(directory, file), "utf8") }).toEqual({ file, text: expected.get(file) ?? readFileSync(path.join(eslintSide, file), "utf8") });
    }
  });
});
