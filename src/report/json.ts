/**
 * `--format json`: the stable, documented contract (docs/scanner.md, "JSON output"). Key order is
 * fixed and arrays are sorted, so the same tree gives the same bytes.
 */
import type { Finding, ScanResult } from "../scanner/types.js";
import { buildInventory, type Inventory } from "./inventory.js";
import { buildSummary, type Summary } from "./summary.js";

export const JSON_FORMAT_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  tool: { name: string; version: string };
  root: string;
  findings: Finding[];
  inventory: Inventory;
  skipped: ScanResult["skipped"];
  errors: ScanResult["errors"];
  summary: Summary;
}

/** Exactly the contract's fields of a finding, in the contract's order. */
export const contractFinding = (finding: Finding): Finding => ({
  ruleId: finding.ruleId,
  severity: finding.severity,
  category: finding.category,
  path: finding.path,
  line: finding.line,
  column: finding.column,
  endLine: finding.endLine,
  endColumn: finding.endColumn,
  message: finding.message,
  fingerprint: finding.fingerprint,
  fixable: finding.fixable,
  hasSuggestions: finding.hasSuggestions,
  evidence: finding.evidence,
  ...(finding.history === undefined ? {} : { history: { commit: finding.history.commit, date: finding.history.date, atHead: finding.history.atHead } }),
});

export function jsonReport(result: ScanResult): JsonReport {
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    root: result.root,
    findings: result.findings.map(contractFinding),
    inventory: buildInventory(result),
    skipped: result.skipped.map(({ path, reason, detail }) => ({ path, reason, detail })),
    errors: result.errors.map(({ path, line, column, kind, message }) => ({ path, line, column, kind, message })),
    summary: buildSummary(result),
  };
}

export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(jsonReport(result), null, 2)}\n`;
}
