/** The scanner's recall against the ground truth: every planted finding reported at its path, rule, line and column. */
import type { GroundTruthFinding } from "./generate.js";

export interface ReportedFinding {
  path: string;
  ruleId: string;
  line: number;
  column: number;
}

export interface RecallResult {
  expected: number;
  found: number;
  /** found / expected (1 when nothing was planted). */
  recall: number;
  missing: GroundTruthFinding[];
  /** Reported findings that were not planted (false positives on filler or decoys). */
  unexpected: ReportedFinding[];
}

const keyOf = (path: string, rule: string, line: number, column: number): string => `${path}\u0000${rule}\u0000${line}\u0000${column}`;

export function computeRecall(expected: readonly GroundTruthFinding[], reported: readonly ReportedFinding[]): RecallResult {
  // Multisets: the same rule may report twice at one place, and each report counts once.
  const remaining = new Map<string, number>();
  for (const finding of reported) {
    const key = keyOf(finding.path, finding.ruleId, finding.line, finding.column);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const missing: GroundTruthFinding[] = [];
  for (const finding of expected) {
    const key = keyOf(finding.path, finding.rule, finding.line, finding.column);
    const count = remaining.get(key) ?? 0;
    if (count === 0) missing.push(finding);
    else remaining.set(key, count - 1);
  }
  const unexpected = reported.filter((finding) => {
    const key = keyOf(finding.path, finding.ruleId, finding.line, finding.column);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return false;
    remaining.set(key, count - 1);
    return true;
  });
  const found = expected.length - missing.length;
  return { expected: expected.length, found, recall: expected.length === 0 ? 1 : found / expected.length, missing, unexpected };
}
