/** A result with many findings of given severities, interleaved in report order (for GitHub's limits). */
import type { ScannedFinding, ScanResult, Severity } from "../../../src/scanner/types.js";
import { SAMPLE } from "../sample-result.js";

export function syntheticResult(counts: Record<Severity, number>): ScanResult {
  const template = SAMPLE.findings[0]!;
  const findings: ScannedFinding[] = [];
  const ruleFor: Record<Severity, [string, ScannedFinding["category"]]> = {
    error: ["campaign-ims/no-password-logon", "native-login"],
    warn: ["campaign-ims/no-session-token", "session-token"],
    info: ["campaign-ims/no-session-token", "session-token"],
  };
  // Interleaved, as a real result sorted by path would be: info, warn and error findings mixed.
  const total = counts.error + counts.warn + counts.info;
  const left = { ...counts };
  const cycle = ["info", "warn", "error"] as const;
  let turn = 0;
  for (let index = 0; index < total; index += 1) {
    while (left[cycle[turn % 3]!] === 0) turn += 1;
    const severity = cycle[turn % 3]!;
    turn += 1;
    left[severity] -= 1;
    const [ruleId, category] = ruleFor[severity];
    findings.push({
      ...template,
      ruleId,
      category,
      severity,
      path: `src/module-${String(Math.floor(index / 50)).padStart(4, "0")}.ts`,
      line: (index % 50) + 1,
      endLine: (index % 50) + 1,
      fingerprint: index.toString(16).padStart(32, "0"),
    });
  }
  return { ...SAMPLE, findings, skipped: [], errors: [] };
}
