/** What --fix and --fix-dry-run print: the masked diff on stdout (dry run), the fix summary on stderr. */
import type { ScanResult } from "../scanner/types.js";
import { fixSummaryLines } from "../scanner/fix/fix-summary.js";

export interface FixOutputStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export function printFixOutcome(result: ScanResult, suggestionRules: readonly string[], streams: FixOutputStreams, options: { quiet: boolean; toolName: string }): void {
  const report = result.fixes;
  if (report === undefined) return;
  if (report.mode === "dry-run") streams.stdout.write(report.diff);
  if (options.quiet) return;
  for (const line of fixSummaryLines(report, result.findings, suggestionRules)) streams.stderr.write(`${options.toolName}: ${line}\n`);
}
