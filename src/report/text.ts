/**
 * `--format text` (the default): findings grouped by file with a masked code frame, then the
 * migration checklist and a summary that names every skipped file and every problem.
 */
import { formatByteSize } from "../scanner/byte-size.js";
import type { HistoryOrigin, ScannedFinding, ScanResult } from "../scanner/types.js";
import { escapeControlCharacters } from "./control-characters.js";
import { buildInventory } from "./inventory.js";
import { KIND_LABELS } from "./migration-steps.js";
import { scopeNotes } from "../scanner/scope-notes.js";
import { buildSummary, configurationNote, unsupportedTypes } from "./summary.js";

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/**
 * The masked line with a caret under the reported span (tabs kept so the caret lines up; control
 * characters escaped before it is measured, so the caret stays under the span).
 */
function codeFrame(finding: ScannedFinding): string[] {
  const { text, start, end } = finding.frame;
  if (text.trim() === "") return [];
  const gutter = String(finding.line);
  const pad = " ".repeat(gutter.length);
  const before = escapeControlCharacters(text.slice(0, start));
  const span = escapeControlCharacters(text.slice(start, end));
  const indent = [...before].map((char) => (char === "\t" ? "\t" : " ")).join("");
  const caret = "^".repeat(Math.max(1, span.length));
  return [`    ${gutter} | ${before}${span}${escapeControlCharacters(text.slice(end))}`, `    ${pad} | ${indent}${caret}`];
}

/** `commit 1a2b3c4d5e6f, 2024-01-02, removed since`. */
export const historyNote = (origin: HistoryOrigin): string =>
  `commit ${origin.commit.slice(0, 12)}, ${origin.date.slice(0, 10)}, ${origin.atHead ? "still at HEAD" : "removed since"}`;

export function renderText(result: ScanResult): string {
  const lines: string[] = [];
  let currentPath: string | undefined;
  for (const finding of result.findings) {
    if (finding.path !== currentPath) {
      if (currentPath !== undefined) lines.push("");
      lines.push(finding.path);
      currentPath = finding.path;
    }
    lines.push(`  ${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${finding.ruleId}${finding.history === undefined ? "" : `  (${historyNote(finding.history)})`}`);
    lines.push(...codeFrame(finding));
  }
  if (lines.length > 0) lines.push("");

  const summary = buildSummary(result);
  const inventory = buildInventory(result);
  if (inventory.checklist.length > 0) {
    lines.push("Migration checklist");
    for (const item of inventory.checklist) {
      const kinds = item.kinds.map((kind) => KIND_LABELS[kind]).join(", ");
      lines.push(`  [ ] ${item.title}: ${plural(item.findings, "finding")} in ${plural(item.files, "file")} (${kinds})`);
    }
    if (inventory.byOperator.length > 0) {
      lines.push(`  Operators named: ${inventory.byOperator.map((group) => `${group.operator} (${group.findings})`).join(", ")}`);
    }
    if (inventory.byEndpoint.length > 0) {
      lines.push(`  Endpoints named: ${inventory.byEndpoint.map((group) => `${group.endpoint} (${group.findings})`).join(", ")}`);
    }
    lines.push("");
  }
  if (inventory.rotate !== undefined && inventory.rotate.length > 0) {
    lines.push("Rotate these (credentials committed to the history: removing them from the code does not revoke them)");
    for (const item of inventory.rotate) lines.push(`  ${item.path}:${item.line}  ${historyNote(item)}  ${item.evidence}`);
    lines.push("");
  }

  const { findings, files, ignored, allowlisted } = summary;
  lines.push(
    findings.total === 0
      ? "No legacy Campaign authentication found."
      : `${plural(findings.total, "finding")} (${findings.error} error, ${findings.warn} warn, ${findings.info} info) in ${plural(files.withFindings, "file")}; ` +
          `${findings.fixable} fixable, ${findings.withSuggestions} with suggestions.`,
  );
  lines.push(
    `Scanned ${plural(files.scanned, "file")} (${formatByteSize(summary.bytesScanned)}); ${files.linted} contained a Campaign keyword and were parsed. ` +
      `Profile ${summary.profile}, ${plural(summary.rules.length, "rule")}.`,
  );
  lines.push(
    `Not scanned: ${plural(ignored.defaultDirectories, "default directory", "default directories")} (node_modules, .git), ` +
      `${ignored.ignoreFiles} by .gitignore/.campaign-imsignore, ${ignored.excluded} excluded, ${ignored.notIncluded} not included.`,
  );
  if (allowlisted.total > 0) {
    lines.push(`Allowlisted: ${plural(allowlisted.total, "finding")} (${allowlisted.paths} by path, ${allowlisted.operators} by operator, ${allowlisted.values} by value).`);
  }
  const configuration = configurationNote(summary);
  if (configuration !== undefined) lines.push(configuration);
  lines.push(...scopeNotes(result));
  // Files of types no language reads are counted by type; the JSON report lists each of them.
  const unread = result.skipped.filter((file) => file.reason === "unsupported-type" && file.detail.startsWith("no reader"));
  if (unread.length > 0) {
    const byType = Object.entries(unsupportedTypes({ skipped: unread })).map(([type, count]) => `${type} ${count}`);
    lines.push(`No reader for ${plural(unread.length, "file")} (by type: ${byType.join(", ")}).`);
  }
  const listed = result.skipped.filter((file) => !unread.includes(file));
  if (listed.length > 0) {
    lines.push(`Skipped ${plural(listed.length, "file")}:`);
    for (const file of listed) lines.push(`  ${file.path}  ${file.reason}: ${file.detail}`);
  }
  if (result.errors.length > 0) {
    lines.push(`${plural(result.errors.length, "problem")}:`);
    for (const problem of result.errors) lines.push(`  ${problem.path}:${problem.line}:${problem.column}  ${problem.kind}: ${problem.message}`);
  }
  // Paths, messages, details: escaped as a whole (escaping is idempotent: frames already are).
  return escapeControlCharacters(`${lines.join("\n")}\n`);
}
