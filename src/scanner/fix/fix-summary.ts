/**
 * What `--fix` / `--fix-dry-run` tell the user on stderr: what was fixed (by rule, by file), what
 * was refused and why, and what still needs a person, by rule, with the reason each remaining
 * finding was not fixed.
 */
import { stepForKind } from "../../report/migration-steps.js";
import type { ScannedFinding } from "../types.js";
import type { FixReport } from "./fix-applier.js";

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((total, count) => total + count, 0);

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byRule = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([ruleId, count]) => `${ruleId} ${count}`)
    .join(", ");

/** Why a finding that is still reported was not fixed. */
export function remainingReason(finding: ScannedFinding, refusedPaths: ReadonlySet<string>, suggestionRules: ReadonlySet<string>): string {
  if (refusedPaths.has(finding.path) && (finding.fixable || (finding.hasSuggestions && suggestionRules.has(finding.ruleId)))) {
    return "its file's fix was refused";
  }
  if (finding.fixable) return "its fix overlaps another one: run --fix again";
  if (finding.hasSuggestions && suggestionRules.has(finding.ruleId)) return "its suggestion overlaps another fix: run --fix again";
  if (finding.hasSuggestions) return `a suggestion to review (or apply with --fix-suggestions ${finding.ruleId.replace(/^[^/]+\//, "")})`;
  return `no automatic fix (${stepForKind(finding.category).title})`;
}

export function fixSummaryLines(report: FixReport, remaining: readonly ScannedFinding[], suggestionRules: readonly string[]): string[] {
  const lines: string[] = [];
  const done = report.files.filter((file) => file.status !== "refused");
  const refused = report.files.filter((file) => file.status === "refused");
  const totals: Record<string, number> = {};
  for (const file of done) for (const [ruleId, count] of Object.entries(file.applied)) totals[ruleId] = (totals[ruleId] ?? 0) + count;

  const verb = report.mode === "write" ? "fixed" : "would fix";
  if (done.length === 0) {
    lines.push(report.mode === "write" ? "nothing fixed" : "nothing to fix (nothing written)");
  } else {
    lines.push(`${verb} ${plural(sum(totals), "finding")} in ${plural(done.length, "file")} (${byRule(totals)})${report.mode === "dry-run" ? "; nothing written" : ""}`);
    for (const file of done) {
      lines.push(`  ${file.path}: ${byRule(file.applied)}${file.unsettled ? " (fixes still pending after the last pass: run --fix again)" : ""}`);
    }
  }
  for (const file of refused) lines.push(`not fixed: ${file.path} left untouched: ${file.reason}`);

  if (remaining.length > 0) {
    const refusedPaths = new Set(refused.map((file) => file.path));
    const suggestions = new Set(suggestionRules);
    const reasons = new Map<string, Map<string, number>>();
    for (const finding of remaining) {
      const rule = reasons.get(finding.ruleId) ?? new Map<string, number>();
      const reason = remainingReason(finding, refusedPaths, suggestions);
      rule.set(reason, (rule.get(reason) ?? 0) + 1);
      reasons.set(finding.ruleId, rule);
    }
    lines.push(`${plural(remaining.length, "finding")} ${remaining.length === 1 ? "needs" : "need"} a person:`);
    for (const [ruleId, byReason] of [...reasons].sort(([a], [b]) => compareStrings(a, b))) {
      const parts = [...byReason].sort(([a], [b]) => compareStrings(a, b)).map(([reason, count]) => `${count} ${reason}`);
      lines.push(`  ${ruleId}: ${parts.join("; ")}`);
    }
  }
  return lines;
}
