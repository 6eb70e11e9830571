// @ts-check
/**
 * The worker-thread side of the robustness watchdog (watchdog.ts): runs one case on the built
 * package (dist/, as `npm test` builds it) and answers with plain data. Plain JavaScript because
 * a worker thread is loaded by Node itself, without vitest's TypeScript transform.
 *
 * Tasks:
 * - `lint`: one text under one path through ESLint's `Linter` with the plugin's configs: `strict`
 *   plus the Markdown runbook config (every rule, every language), then `verifyAndFix` with `v8`
 *   (the fixes Campaign v8.5+ gets), whose output is linted again by ESLint itself.
 * - `scan`: files written to a given empty directory and scanned by the scanner's in-process API,
 *   once or several times in a row (with `--fix`, each run sees what the previous one wrote).
 * - `ping`: nothing; answers once the modules above are loaded.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigArray } from "@eslint/config-array";
import { Linter } from "eslint";
import plugin from "../../../dist/src/index.js";
import { resolveScanSettings } from "../../../dist/src/scanner/scan-settings.js";
import { scan } from "../../../dist/src/scanner/scan.js";

/** Lint paths are virtual: nothing is read from or written to this directory. */
const LINT_ROOT = "/campaign-ims-robustness";

const linter = new Linter({ cwd: LINT_ROOT, configType: "flat" });
const EVERY_RULE = [...plugin.configs.strict, ...plugin.configs.markdown];
const V8_FIXES = [...plugin.configs["v8-all-languages"], ...plugin.configs.markdown];

/**
 * Which Markdown code blocks get linted: those some config block matches (`runbook.md/0.sh`), as
 * the ESLint class and the scanner decide; `Linter` alone would lint only `.js` blocks.
 */
const scope = new ConfigArray(
  EVERY_RULE.filter((block) => block.files !== undefined).map((block) => ({ files: block.files })),
  { basePath: LINT_ROOT },
);
scope.normalizeSync();
/** @param {string} blockFilename */
const filterCodeBlock = (blockFilename) => scope.getConfigStatus(blockFilename) === "matched";

/** @param {import("eslint").Linter.LintMessage} message */
function located(message) {
  return {
    ruleId: message.ruleId,
    message: message.message,
    fatal: message.fatal === true,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    fix: message.fix?.range,
    suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.fix.range),
  };
}

/** @param {{ path: string; text: string }} task */
function lint({ path, text }) {
  const filename = join(LINT_ROOT, path);
  const messages = linter.verify(text, EVERY_RULE, { filename, filterCodeBlock }).map(located);
  const fixed = linter.verifyAndFix(text, V8_FIXES, { filename, filterCodeBlock });
  return { messages, fixed: { output: fixed.output, messages: fixed.messages.map(located) } };
}

/**
 * @typedef {{ path: string; bytes: Uint8Array }} CaseFile
 * @typedef {{ profile?: string; fix?: boolean }} ScanRun
 */

/** @param {string} root @param {readonly CaseFile[]} files */
const bytesOnDisk = (root, files) => files.map((file) => ({ path: file.path, bytes: new Uint8Array(readFileSync(join(root, file.path))) }));

/**
 * Scans one tree several times in a row (each run sees what the previous one wrote with `fix`),
 * answering each run's findings, problems, skipped files and fix report, and every file's bytes after it.
 * `root` is an empty directory the caller made and removes (also when the case runs out of time).
 * @param {{ root: string; files: CaseFile[]; runs: ScanRun[] }} task
 */
async function scanFiles({ root, files, runs }) {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.bytes);
  }
  const answers = [];
  for (const run of runs) {
    const { scan: settings } = resolveScanSettings({ cwd: root, paths: [], concurrency: "1", profile: run.profile, fix: run.fix });
    const result = await scan(settings);
    answers.push({
      findings: result.findings.map(({ path, ruleId, line, column, endLine, endColumn }) => ({ path, ruleId, line, column, endLine, endColumn })),
      errors: result.errors,
      skipped: result.skipped,
      fixes: result.fixes?.files ?? [],
      files: bytesOnDisk(root, files),
    });
  }
  return answers;
}

/** @param {{ kind: "lint"; path: string; text: string } | { kind: "scan"; root: string; files: CaseFile[]; runs: ScanRun[] } | { kind: "ping" }} task */
export default async function runCase(task) {
  if (task.kind === "lint") return lint(task);
  if (task.kind === "scan") return scanFiles(task);
  return "ready";
}
