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
 * - `ping`: answers, once the modules above are loaded, with this thread's /proc entry
 *   (`<pid>/task/<tid>`, Linux; null elsewhere), where the watchdog reads its CPU time.
 * - `busy` / `idle`: spends `ms` of CPU time, or waits `ms` without computing (the watchdog's own tests).
 */
import { mkdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
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

/** This thread's entry under /proc (`<pid>/task/<tid>`), or null where there is none. */
function procThread() {
  try {
    return readlinkSync("/proc/thread-self");
  } catch {
    return null;
  }
}

/**
 * This thread's CPU time in ms (utime + stime of /proc/<pid>/task/<tid>/stat, in USER_HZ = 100
 * ticks per second), as the watchdog reads it. @param {string} thread
 */
function cpuMsOf(thread) {
  const stat = readFileSync(`/proc/${thread}/stat`, "latin1");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Spends `ms` of this thread's CPU time (of wall-clock time where it cannot be read). @param {number} ms */
function busy(ms) {
  const thread = procThread();
  const began = Date.now();
  const spent = () => (thread === null ? Date.now() - began : cpuMsOf(thread));
  const base = spent();
  let sum = 0;
  while (spent() - base < ms) for (let i = 0; i < 100_000; i++) sum += i;
  return { cpuMs: spent() - base, sum };
}

/** @param {{ kind: "lint"; path: string; text: string } | { kind: "scan"; root: string; files: CaseFile[]; runs: ScanRun[] } | { kind: "busy" | "idle"; ms: number } | { kind: "ping" }} task */
export default async function runCase(task) {
  if (task.kind === "lint") return lint(task);
  if (task.kind === "scan") return scanFiles(task);
  if (task.kind === "busy") return busy(task.ms);
  if (task.kind === "idle") {
    await new Promise((resolve) => setTimeout(resolve, task.ms));
    return { cpuMs: null };
  }
  return { thread: procThread() };
}
