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
 * - `scan`: files written to a new temporary directory and scanned by the scanner's in-process API.
 * - `ping`: nothing; answers once the modules above are loaded.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Linter } from "eslint";
import plugin from "../../../dist/src/index.js";
import { resolveScanSettings } from "../../../dist/src/scanner/scan-settings.js";
import { scan } from "../../../dist/src/scanner/scan.js";

/** Lint paths are virtual: nothing is read from or written to this directory. */
const LINT_ROOT = "/campaign-ims-robustness";

const linter = new Linter({ cwd: LINT_ROOT, configType: "flat" });
const EVERY_RULE = [...plugin.configs.strict, ...plugin.configs.markdown];
const V8_FIXES = [...plugin.configs.v8, ...plugin.configs.markdown];

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
  const messages = linter.verify(text, EVERY_RULE, { filename }).map(located);
  const fixed = linter.verifyAndFix(text, V8_FIXES, { filename });
  return { messages, fixed: { output: fixed.output, messages: fixed.messages.map(located) } };
}

/** @param {{ files: Array<{ path: string; bytes: Uint8Array }> }} task */
async function scanFiles({ files }) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-robustness-")));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.bytes);
    }
    const { scan: settings } = resolveScanSettings({ cwd: root, paths: [], concurrency: "1" });
    const result = await scan(settings);
    return {
      findings: result.findings.map(({ path, ruleId, line, column, endLine, endColumn }) => ({ path, ruleId, line, column, endLine, endColumn })),
      errors: result.errors,
      skipped: result.skipped,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** @param {{ kind: "lint"; path: string; text: string } | { kind: "scan"; files: Array<{ path: string; bytes: Uint8Array }> } | { kind: "ping" }} task */
export default async function runCase(task) {
  if (task.kind === "lint") return lint(task);
  if (task.kind === "scan") return scanFiles(task);
  return "ready";
}
