/**
 * `--format github`: GitHub Actions workflow commands, so findings show as annotations on the
 * pull request. Paths are relative to the scan root: run the scan from the repository root.
 * Bounded to what GitHub displays (ANNOTATIONS_PER_KIND), the most severe first, then one notice
 * with the summary and the count of what was left out.
 */
import type { ScanResult, Severity } from "../scanner/types.js";
import { scopeNotes } from "../scanner/scope-notes.js";
import { escapeControlCharacters } from "./control-characters.js";
import { buildSummary } from "./summary.js";

const COMMANDS: Readonly<Record<Severity, string>> = { error: "error", warn: "warning", info: "notice" };

// Workflow command escaping (@actions/core): data escapes %, CR, LF; properties also : and ,.
const escapeData = (text: string): string => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (text: string): string => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return escapeControlCharacters(`::${name}${list === "" ? "" : ` ${list}`}::${escapeData(message)}\n`);
}

/**
 * GitHub shows at most this many annotations of each kind (error, warning, notice) per step and
 * drops the rest silently: the most severe are emitted, and the summary notice counts the others.
 */
export const ANNOTATIONS_PER_KIND = 10;

export function renderGithub(result: ScanResult): string {
  const annotations: Record<string, string[]> = { error: [], warning: [], notice: [] };
  const add = (name: string, line: string): void => void annotations[name]!.push(line);
  // Most severe first: error findings, then warn findings, skipped files and problems, then info findings.
  for (const severity of ["error", "warn", "info"] as const) {
    for (const finding of result.findings) {
      if (finding.severity !== severity) continue;
      add(
        COMMANDS[severity],
        command(
          COMMANDS[severity],
          { file: finding.path, line: finding.line, endLine: finding.endLine, col: finding.column, endColumn: finding.endColumn, title: finding.ruleId },
          finding.message,
        ),
      );
    }
    if (severity !== "warn") continue;
    for (const file of result.skipped) {
      // Files of a type no language reads are counted in the summary, not annotated one by one.
      if (file.reason === "unsupported-type") continue;
      add("warning", command("warning", { file: file.path, title: `campaign-ims: skipped (${file.reason})` }, file.detail));
    }
    for (const problem of result.errors) {
      const location: Record<string, number> = problem.line > 0 ? { line: problem.line, col: Math.max(problem.column, 1) } : {};
      add("warning", command("warning", { file: problem.path, ...location, title: `campaign-ims: ${problem.kind}` }, problem.message));
    }
  }
  let output = "";
  let hidden = 0;
  for (const [name, lines] of Object.entries(annotations)) {
    // The summary notice takes one of the notices' places.
    const room = name === "notice" ? ANNOTATIONS_PER_KIND - 1 : ANNOTATIONS_PER_KIND;
    output += lines.slice(0, room).join("");
    hidden += Math.max(0, lines.length - room);
  }
  const summary = buildSummary(result);
  output += command(
    "notice",
    { title: "campaign-ims" },
    `${summary.findings.total} finding(s) (${summary.findings.error} error, ${summary.findings.warn} warn, ${summary.findings.info} info) ` +
      `in ${summary.files.withFindings} file(s); ${summary.files.scanned} file(s) scanned, ${summary.files.skipped} skipped, ${summary.errors} problem(s)` +
      scopeNotes(result).map((note) => ` ${note}`).join("") +
      (hidden === 0
        ? ""
        : ` ${hidden} more annotation(s) not shown: GitHub shows ${ANNOTATIONS_PER_KIND} errors, ${ANNOTATIONS_PER_KIND} warnings and ${ANNOTATIONS_PER_KIND} notices per step; ` +
          "the json, sarif and markdown formats list every finding."),
  );
  return output;
}
