/** The pass/fail decision of a scan, from `--fail-on`, `--max-warnings` and `--strict`. */
import type { GateSettings } from "./scan-settings.js";
import { SEVERITY_RANK, type ScanResult } from "./types.js";

export interface GateOutcome {
  /** 0 pass, 1 findings at or above the threshold (or too many warnings), 2 incomplete under --strict. */
  exitCode: 0 | 1 | 2;
  /** Why the scan failed, one line each (empty when it passed). */
  reasons: string[];
}

export function evaluateGate(result: Pick<ScanResult, "findings" | "errors" | "skipped">, gate: GateSettings): GateOutcome {
  const reasons: string[] = [];
  const problems = result.errors.filter((problem) => problem.kind !== "unused-directive").length;
  if (gate.strict) {
    const unreadable = result.skipped.filter((file) => file.reason === "unreadable").length;
    if (problems > 0 || unreadable > 0) {
      reasons.push(`--strict: ${problems} problem(s) while parsing or linting, ${unreadable} unreadable file(s)`);
      return { exitCode: 2, reasons };
    }
  }
  if (gate.failOn !== "none") {
    const threshold = SEVERITY_RANK[gate.failOn];
    const failing = result.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= threshold).length;
    if (failing > 0) reasons.push(`${failing} finding(s) at or above --fail-on ${gate.failOn}`);
  }
  if (gate.maxWarnings !== undefined) {
    const warnings = result.findings.filter((finding) => finding.severity === "warn").length;
    if (warnings > gate.maxWarnings) reasons.push(`${warnings} warn finding(s), more than --max-warnings ${gate.maxWarnings}`);
  }
  const unusedDirectives = result.errors.length - problems;
  if (unusedDirectives > 0) reasons.push(`${unusedDirectives} unused eslint-disable directive(s) (--report-unused-disable-directives)`);
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}
