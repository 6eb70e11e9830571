/** Runs the real `eslint` binary with the fixtures' flat config (which imports the built plugin). */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const ESLINT_BIN = path.join(ROOT, "node_modules/eslint/bin/eslint.js");
const CONFIG = path.join(ROOT, "fixtures/eslint.config.js");

/**
 * The eslint binary loads the plugin from dist/: built once for the whole run by the vitest
 * globalSetup (test/support/built-package.ts), never here (a build per test process rewrote dist/
 * while other test files were loading it).
 */
function assertBuilt(): void {
  if (!existsSync(path.join(ROOT, "dist/src/index.js"))) throw new Error('dist/ is missing: run "npm run build" before the eslint binary tests');
}

export interface Finding {
  file: string;
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface EslintRun {
  status: number | null;
  findings: Finding[];
  stderr: string;
}

/** Lints `targets` (relative to the repository root) and returns findings sorted by file and position. */
export function runEslint(targets: string[], extraArgs: string[] = [], cwd = ROOT): EslintRun {
  assertBuilt();
  const result = spawnSync(
    process.execPath,
    [ESLINT_BIN, "--config", CONFIG, "--format", "json", ...extraArgs, ...targets],
    { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const results = JSON.parse(result.stdout || "[]") as Array<{
    filePath: string;
    messages: Array<Omit<Finding, "file">>;
  }>;
  const findings = results.flatMap(({ filePath, messages }) =>
    messages.map(({ ruleId, messageId, line, column, endLine, endColumn, message }) => ({
      file: path.relative(cwd, filePath).split(path.sep).join("/"),
      ruleId,
      messageId,
      line,
      column,
      endLine,
      endColumn,
      message,
    })),
  );
  // Code-unit order, as ESLint lists files: independent of the machine's locale.
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  return { status: result.status, findings, stderr: result.stderr };
}

/** Copies a fixture folder to a temporary directory (for `--fix` runs) and returns its path. */
export function copyFixture(relative: string): string {
  const target = mkdtempSync(path.join(tmpdir(), "campaign-ims-"));
  cpSync(path.join(ROOT, relative), target, { recursive: true });
  return target;
}

export const read = (file: string): string => readFileSync(file, "utf8");
