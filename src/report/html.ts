/**
 * `--format html`: the inventory as one self-contained page a security lead can open, filter and
 * print: totals, bar charts by credential kind, rule, folder, operator and endpoint (inline SVG,
 * drawn here so they print as they show), the migration checklist with its progress, a
 * filterable findings table with the masked evidence, skipped files and problems.
 *
 * Self-contained and inert: no request leaves the page. The styles and the one script are inline,
 * and the Content-Security-Policy allows exactly them (by SHA-256) and nothing else: no fetch,
 * no image, no font, no frame. Everything taken from the scanned files (paths, messages,
 * evidence, operators, endpoints) is HTML-escaped; evidence and messages are the masked text the
 * other reports show, so no secret is printed.
 */
import { createHash } from "node:crypto";
import { posix } from "node:path";
import type { CredentialKind } from "../campaign/credential-kinds.js";
import { formatByteSize } from "../scanner/byte-size.js";
import { scopeNotes } from "../scanner/scope-notes.js";
import type { ScanResult, Severity } from "../scanner/types.js";
import { buildInventory } from "./inventory.js";
import { KIND_LABELS, KIND_ORDER, MIGRATION_STEPS } from "./migration-steps.js";
import { buildSummary, configurationNote } from "./summary.js";
import { shortRuleName } from "../rule-id.js";

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe in HTML content and quoted attribute values; control characters shown as U+FFFD. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "\uFFFD");

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** Bars a chart draws; the rest are summed in one "others" bar. */
export const CHART_MAX_BARS = 12;

const KIND_COLORS: Readonly<Record<CredentialKind, string>> = {
  "native-login": "#ea580c",
  "session-token": "#7c3aed",
  "security-token": "#db2777",
  jwt: "#0891b2",
  "hardcoded-secret": "#be123c",
  "insecure-config": "#65a30d",
};

const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: "Error", warn: "Warning", info: "Info" };

interface Bar {
  label: string;
  value: number;
  color: string;
}

/** Characters of a bar label that fit beside the bar; the full label is the bar's tooltip. */
const LABEL_CHARS = 34;

const shorten = (label: string): string => (label.length <= LABEL_CHARS ? label : `…${label.slice(label.length - LABEL_CHARS + 1)}`);

/** A horizontal bar chart as inline SVG (one `<g class="bar">` per bar, its count in `data-count`). */
function barChart(id: string, title: string, bars: readonly Bar[], empty: string): string {
  const heading = `<h3 id="${id}-title">${escapeHtml(title)}</h3>`;
  if (bars.length === 0) return `<figure class="chart" id="${id}">${heading}<p class="empty">${escapeHtml(empty)}</p></figure>`;
  const shown = bars.length > CHART_MAX_BARS ? [...bars.slice(0, CHART_MAX_BARS - 1)] : [...bars];
  if (bars.length > CHART_MAX_BARS) {
    const rest = bars.slice(CHART_MAX_BARS - 1);
    shown.push({ label: `${rest.length} more`, value: rest.reduce((sum, bar) => sum + bar.value, 0), color: "#94a3b8" });
  }
  const width = 600;
  const labelWidth = 255;
  const valueWidth = 44;
  const rowHeight = 26;
  const max = Math.max(...shown.map((bar) => bar.value));
  const scale = (width - labelWidth - valueWidth - 8) / max;
  const rows = shown.map((bar, index) => {
    const y = index * rowHeight;
    const barWidth = Math.max(2, Math.round(bar.value * scale));
    return (
      `<g class="bar" data-label="${escapeHtml(bar.label)}" data-count="${bar.value}" transform="translate(0 ${y})">` +
      `<title>${escapeHtml(`${bar.label}: ${plural(bar.value, "finding")}`)}</title>` +
      `<text class="label" x="${labelWidth - 8}" y="17" text-anchor="end">${escapeHtml(shorten(bar.label))}</text>` +
      `<rect x="${labelWidth}" y="4" width="${barWidth}" height="18" rx="3" fill="${bar.color}"/>` +
      `<text class="value" x="${labelWidth + barWidth + 6}" y="17">${bar.value}</text>` +
      `</g>`
    );
  });
  const height = shown.length * rowHeight + 4;
  return (
    `<figure class="chart" id="${id}">${heading}` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title">` +
    `${rows.join("")}</svg></figure>`
  );
}

function summaryCards(result: ScanResult): string {
  const summary = buildSummary(result);
  const { findings } = summary;
  const cards: Array<[string, string, string]> = [
    ["findings", String(findings.total), `${findings.error} error · ${findings.warn} warning · ${findings.info} info`],
    ["files", String(summary.files.withFindings), `files with findings of ${summary.files.scanned} scanned (${formatByteSize(summary.bytesScanned)})`],
    ["fixable", String(findings.fixable), `fixable automatically; ${findings.withSuggestions} with suggested fixes`],
    ["problems", String(summary.files.skipped + summary.errors), `${plural(summary.files.skipped, "skipped file")} · ${plural(summary.errors, "problem")}`],
  ];
  return (
    `<section class="cards" aria-label="Totals">` +
    cards.map(([name, value, text]) => `<div class="card" data-card="${name}"><span class="big">${escapeHtml(value)}</span><span>${escapeHtml(text)}</span></div>`).join("") +
    `</section>`
  );
}

/** Every Adobe step; a step is done when no finding of its kinds is left. */
function checklist(result: ScanResult): string {
  const inventory = buildInventory(result);
  const open = new Map(inventory.checklist.map((item) => [item.step, item]));
  const done = MIGRATION_STEPS.filter((step) => !open.has(step.id)).length;
  const items = MIGRATION_STEPS.map((step) => {
    const item = open.get(step.id);
    const status =
      item === undefined
        ? "nothing left in the scanned files"
        : `${plural(item.findings, "finding")} in ${plural(item.files, "file")} (${item.kinds.map((kind) => KIND_LABELS[kind]).join(", ")})`;
    return (
      `<li class="step${item === undefined ? " done" : ""}" data-step="${step.id}">` +
      `<label><input type="checkbox"${item === undefined ? " checked disabled" : ""}> <strong>${escapeHtml(step.title)}</strong></label>` +
      `<span class="status">${escapeHtml(status)}</span>` +
      `<p>${escapeHtml(step.action)}</p></li>`
    );
  });
  return (
    `<section id="checklist"><h2>Migration checklist</h2>` +
    `<div class="progress"><progress id="progress" max="${MIGRATION_STEPS.length}" value="${done}"></progress>` +
    `<span id="progress-text">${done} of ${MIGRATION_STEPS.length} steps done</span></div>` +
    `<p class="hint">Steps without findings are done; tick the others as your teams complete them (the ticks are not saved).</p>` +
    `<ol class="steps">${items.join("")}</ol></section>`
  );
}

function charts(result: ScanResult): string {
  const inventory = buildInventory(result);
  const kindBars = inventory.byKind.map((group) => ({ label: group.label, value: group.findings, color: KIND_COLORS[group.kind] }));
  const ruleBars = inventory.byRule.map((group) => ({ label: ruleName(group.ruleId), value: group.findings, color: KIND_COLORS[group.kind] }));
  const neutral = "#2563eb";
  const folderBars = [...inventory.byFolder]
    .sort((a, b) => b.findings - a.findings || (a.folder < b.folder ? -1 : 1))
    .map((group) => ({ label: group.folder === "." ? "(root)" : `${group.folder}/`, value: group.findings, color: neutral }));
  const operatorBars = inventory.byOperator.map((group) => ({ label: group.operator, value: group.findings, color: neutral }));
  const endpointBars = inventory.byEndpoint.map((group) => ({ label: group.endpoint.replace(/^https:\/\//, ""), value: group.findings, color: neutral }));
  return (
    `<section id="charts"><h2>Inventory</h2><div class="grid">` +
    barChart("chart-kind", "By credential kind", kindBars, "No findings.") +
    barChart("chart-rule", "By rule", ruleBars, "No findings.") +
    barChart("chart-folder", "By folder", folderBars, "No findings.") +
    barChart("chart-operator", "By operator login", operatorBars, "No operator login named literally in the code.") +
    barChart("chart-endpoint", "By Campaign endpoint", endpointBars, "No Campaign endpoint named literally in the code.") +
    `</div></section>`
  );
}

/** A rule id without the plugin's prefix, where space is short. */
const ruleName = (ruleId: string): string => shortRuleName(ruleId);

const option = (value: string, label: string): string => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;

function findingsTable(result: ScanResult): string {
  const { findings } = result;
  const kinds = KIND_ORDER.filter((kind) => findings.some((finding) => finding.category === kind));
  const rules = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  const helpUris = new Map(result.rules.map((rule) => [rule.id, rule.helpUri]));
  const rows = findings.map((finding) => {
    const location = `${finding.path}:${finding.line}:${finding.column}`;
    const search = [finding.path, finding.ruleId, finding.message, finding.evidence, finding.operator ?? "", finding.endpoint ?? ""].join(" ").toLowerCase();
    const helpUri = helpUris.get(finding.ruleId) ?? "";
    const rule = /^https:\/\//.test(helpUri) ? `<a href="${escapeHtml(helpUri)}" title="${escapeHtml(finding.ruleId)}">${escapeHtml(ruleName(finding.ruleId))}</a>`
      : escapeHtml(ruleName(finding.ruleId));
    return (
      `<tr data-severity="${finding.severity}" data-kind="${finding.category}" data-rule="${escapeHtml(finding.ruleId)}" data-search="${escapeHtml(search)}">` +
      `<td><span class="sev ${finding.severity}">${SEVERITY_LABELS[finding.severity]}</span></td>` +
      `<td class="loc"><code>${escapeHtml(location)}</code></td>` +
      `<td>${escapeHtml(KIND_LABELS[finding.category])}</td>` +
      `<td class="rule">${rule}</td>` +
      `<td>${escapeHtml(finding.message)}${finding.fixable ? ' <span class="tag">fixable</span>' : ""}</td>` +
      `<td class="evidence"><code>${escapeHtml(finding.evidence)}</code></td></tr>`
    );
  });
  const total = findings.length;
  return (
    `<section id="findings"><h2>Findings</h2>` +
    `<form class="filters" id="filters" role="search" aria-label="Filter findings">` +
    `<label>Search <input type="search" id="filter-text" placeholder="path, message, operator…"></label>` +
    `<label>Severity <select id="filter-severity">${option("", "all")}${(["error", "warn", "info"] as const)
      .filter((severity) => findings.some((finding) => finding.severity === severity))
      .map((severity) => option(severity, SEVERITY_LABELS[severity]))
      .join("")}</select></label>` +
    `<label>Kind <select id="filter-kind">${option("", "all")}${kinds.map((kind) => option(kind, KIND_LABELS[kind])).join("")}</select></label>` +
    `<label>Rule <select id="filter-rule">${option("", "all")}${rules.map((rule) => option(rule, rule)).join("")}</select></label>` +
    `<output id="shown" aria-live="polite">${total} of ${plural(total, "finding")}</output></form>` +
    `<table id="findings-table"><colgroup><col class="c-sev"><col class="c-loc"><col class="c-kind"><col class="c-rule"><col class="c-msg"><col class="c-ev"></colgroup>` +
    `<thead><tr><th>Severity</th><th>Location</th><th>Kind</th><th>Rule</th><th>Message</th><th>Evidence (masked)</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>` +
    (total === 0 ? `<p class="empty">No legacy Campaign authentication found.</p>` : "") +
    `</section>`
  );
}

function otherTables(result: ScanResult): string {
  const parts: string[] = [];
  if (result.skipped.length > 0) {
    parts.push(
      `<section id="skipped"><h2>Skipped files</h2><table><thead><tr><th>File</th><th>Reason</th><th>Detail</th></tr></thead><tbody>` +
        result.skipped.map((file) => `<tr><td><code>${escapeHtml(file.path)}</code></td><td>${escapeHtml(file.reason)}</td><td>${escapeHtml(file.detail)}</td></tr>`).join("") +
        `</tbody></table></section>`,
    );
  }
  if (result.errors.length > 0) {
    parts.push(
      `<section id="problems"><h2>Problems</h2><table><thead><tr><th>Location</th><th>Kind</th><th>Message</th></tr></thead><tbody>` +
        result.errors
          .map((problem) => `<tr><td><code>${escapeHtml(`${problem.path}:${problem.line}:${problem.column}`)}</code></td><td>${escapeHtml(problem.kind)}</td><td>${escapeHtml(problem.message)}</td></tr>`)
          .join("") +
        `</tbody></table></section>`,
    );
  }
  return parts.join("");
}

const STYLE = `
:root { --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --panel: #f8fafc; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header { background: linear-gradient(135deg, #0f172a, #1e3a8a); color: #fff; padding: 28px 40px 24px; }
header h1 { margin: 0 0 6px; font-size: 24px; }
header p { margin: 0; color: #cbd5e1; }
main { padding: 24px 40px 40px; max-width: 1280px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 14px; margin: 0 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; margin-top: 4px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; display: flex; flex-direction: column; color: var(--muted); }
.card .big { font-size: 30px; font-weight: 700; color: var(--ink); line-height: 1.2; }
.card[data-card="findings"] .big { color: #b91c1c; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 20px; }
.chart { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; break-inside: avoid; }
.chart svg { display: block; font-size: 13px; }
.chart .label { fill: var(--ink); font-size: 12px; }
.chart .value { fill: var(--muted); font-weight: 600; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0; }
.progress { display: flex; align-items: center; gap: 12px; }
progress { width: 320px; height: 14px; appearance: none; border: 0; border-radius: 7px; background: #e2e8f0; overflow: hidden; }
progress::-webkit-progress-bar { background: #e2e8f0; border-radius: 7px; }
progress::-webkit-progress-value { background: #16a34a; border-radius: 7px; }
progress::-moz-progress-bar { background: #16a34a; border-radius: 7px; }
.hint { color: var(--muted); margin: 6px 0 10px; }
.steps { list-style: none; padding: 0; margin: 0; display: grid; gap: 10px; }
.step { border: 1px solid var(--line); border-left: 5px solid #dc2626; border-radius: 8px; padding: 10px 14px; break-inside: avoid; }
.step.done { border-left-color: #16a34a; background: #f0fdf4; }
.step .status { display: block; color: var(--muted); margin: 2px 0 0 24px; }
.step p { margin: 6px 0 0 24px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px 18px; align-items: end; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-bottom: 12px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
.filters input, .filters select { font: inherit; padding: 5px 8px; border: 1px solid #cbd5e1; border-radius: 6px; min-width: 150px; }
.filters input { min-width: 260px; }
#shown { margin-left: auto; color: var(--muted); font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; border-bottom: 2px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
tbody tr:nth-child(even) { background: #fcfdfe; }
#findings-table { table-layout: fixed; }
.c-sev { width: 86px; } .c-loc { width: 19%; } .c-kind { width: 10%; } .c-rule { width: 15%; } .c-msg { width: 28%; } .c-ev { width: 28%; }
td.loc, td.rule { overflow-wrap: anywhere; }
td.evidence code { display: block; white-space: pre-wrap; word-break: break-all; background: var(--panel); padding: 3px 6px; border-radius: 4px; }
a { color: var(--accent); text-decoration: none; }
.sev { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.sev.error { background: #fee2e2; color: #991b1b; }
.sev.warn { background: #fef3c7; color: #92400e; }
.sev.info { background: #dbeafe; color: #1e40af; }
.tag { font-size: 11px; background: #dcfce7; color: #166534; padding: 0 6px; border-radius: 4px; }
footer { color: var(--muted); font-size: 12px; padding: 0 40px 32px; }
@media screen and (max-width: 900px) { .grid, .cards { grid-template-columns: 1fr; } main, header { padding-left: 16px; padding-right: 16px; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header { background: none; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid var(--ink); }
  header p { color: var(--muted); }
  main, footer { padding: 0; max-width: none; }
  .filters, .hint { display: none; }
  .cards { grid-template-columns: repeat(4, 1fr); gap: 8px; }
  .card { padding: 8px 10px; }
  .card .big { font-size: 20pt; }
  .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }
  .chart { padding: 8px 10px; }
  #findings-table { font-size: 8.5pt; }
  #findings-table code { font-size: 8pt; }
  #findings-table tr[hidden] { display: table-row; }
  tr, .card { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  h2 { break-after: avoid; }
}
`;

/** Filters the findings table and counts the steps ticked; no storage, no request. */
const SCRIPT = `
(() => {
  const $ = (id) => document.getElementById(id);
  const rows = Array.from(document.querySelectorAll("#findings-table tbody tr"));
  const text = $("filter-text"), severity = $("filter-severity"), kind = $("filter-kind"), rule = $("filter-rule"), shown = $("shown");
  const apply = () => {
    const words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const match =
        (severity.value === "" || row.dataset.severity === severity.value) &&
        (kind.value === "" || row.dataset.kind === kind.value) &&
        (rule.value === "" || row.dataset.rule === rule.value) &&
        words.every((word) => row.dataset.search.includes(word));
      row.hidden = !match;
      if (match) count += 1;
    }
    shown.textContent = count + " of " + rows.length + (rows.length === 1 ? " finding" : " findings");
  };
  $("filters").addEventListener("input", apply);
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  const boxes = Array.from(document.querySelectorAll("#checklist input[type=checkbox]"));
  const progress = $("progress"), progressText = $("progress-text");
  const count = () => {
    const done = boxes.filter((box) => box.checked).length;
    progress.value = done;
    progressText.textContent = done + " of " + boxes.length + " steps done";
  };
  for (const box of boxes) box.addEventListener("change", count);
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Only the page's own style and script: no network, no plug-ins, no forms sent anywhere. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; base-uri 'none'; form-action 'none'`;

export function renderHtml(result: ScanResult): string {
  const summary = buildSummary(result);
  const name = posix.basename(result.root.replaceAll("\\", "/")) || result.root;
  const title = `Legacy Adobe Campaign authentication: ${name}`;
  const notes = [configurationNote(summary) ?? [], scopeNotes(result)].flat();
  const ignored = summary.ignored;
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p>${escapeHtml(`${plural(summary.files.scanned, "file")} scanned · profile ${summary.profile} · ${result.tool.name} ${result.tool.version}`)}</p></header>\n` +
    `<main>\n${summaryCards(result)}\n${charts(result)}\n${checklist(result)}\n${findingsTable(result)}\n${otherTables(result)}\n</main>\n` +
    `<footer><p>Scan root: <code>${escapeHtml(result.root)}</code>. Not scanned: ${plural(ignored.defaultDirectories, "default directory", "default directories")} (node_modules, .git), ` +
    `${ignored.ignoreFiles} path(s) in .gitignore / .campaign-imsignore, ${ignored.excluded} excluded, ${ignored.notIncluded} not included. ` +
    `Allowlisted findings: ${summary.allowlisted.total}.${notes.map((note) => ` ${escapeHtml(note)}`).join("")} ` +
    `Evidence and messages are masked: no secret value appears in this report.</p></footer>\n` +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
