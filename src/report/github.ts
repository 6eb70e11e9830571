/**
 * `--format github`: GitHub Actions workflow commands, so findings show as annotations on the
 * pull request. Paths are relative to the scan root: run the scan from the repository root.
 */
import type { ScanResult, Severity } from "../scanner/types.js";
import { scopeNotes } from "../scanner/scope-notes.js";
import { buildSummary } from "./summary.js";

const COMMANDS: Readonly<Record<Severity, string>> = { error: "error", warn: "warning", info: "notice" };

// Workflow command escaping (@actions/core): data escapes %, CR, LF; properties also : and ,.
const escapeData = (text: string): string => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (text: string): string => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${name}${list === "" ? "" : ` ${list}`}::${escapeData(message)}\n`;
}

export function renderGithub(result: ScanResult): string {
  let output = "";
  for (const finding of result.findings) {
    output += command(
      COMMANDS[finding.severity],
      {
        file: finding.path,
        line: finding.line,
        endLine: finding.endLine,
        col: finding.column,
        endColumn: finding.endColumn,
        title: finding.ruleId,
      },
      finding.message,
    );
  }
  for (const file of result.skipped) {
    output += command("warning", { file: file.path, title: `campaign-ims: skipped (${file.reason})` }, file.detail);
  }
  for (const problem of result.errors) {
    const location: Record<string, number> = problem.line > 0 ? { line: problem.line, col: Math.max(problem.column, 1) } : {};
    output += command("warning", { file: problem.path, ...location, title: `campaign-ims: ${problem.kind}` }, problem.message);
  }
  const summary = buildSummary(result);
  output += command(
    "notice",
    { title: "campaign-ims" },
    `${summary.findings.total} finding(s) (${summary.findings.error} error, ${summary.findings.warn} warn, ${summary.findings.info} info) ` +
      `in ${summary.files.withFindings} file(s); ${summary.files.scanned} file(s) scanned, ${summary.files.skipped} skipped, ${summary.errors} problem(s)` +
      scopeNotes(result).map((note) => ` ${note}`).join(""),
  );
  return output;
}
