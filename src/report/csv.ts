/**
 * `--format csv`: one row per finding (the JSON contract's fields, then operator and endpoint) for
 * spreadsheets. RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe (OWASP's CSV injection advice). Control characters are escaped
 * (control-characters.ts), carriage returns in cells too: rows end with CRLF.
 */
import type { ScanResult } from "../scanner/types.js";
import { escapeControlCharacters } from "./control-characters.js";

export const CSV_COLUMNS = [
  "ruleId",
  "severity",
  "category",
  "path",
  "line",
  "column",
  "endLine",
  "endColumn",
  "message",
  "fingerprint",
  "fixable",
  "hasSuggestions",
  "evidence",
  "operator",
  "endpoint",
] as const;

export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? "" : escapeControlCharacters(String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(result: ScanResult): string {
  const rows = result.findings.map((finding) => CSV_COLUMNS.map((column) => csvCell(finding[column])).join(","));
  return [CSV_COLUMNS.join(","), ...rows].map((row) => `${row}\r\n`).join("");
}
