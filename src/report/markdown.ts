/**
 * `--format markdown`: an inventory and migration checklist a security lead can paste into a
 * ticket or a wiki page: what is there, how much, where, and the Adobe step that resolves it.
 */
import { formatByteSize } from "../scanner/byte-size.js";
import type { ScanResult } from "../scanner/types.js";
import { escapeControlCharacters } from "./control-characters.js";
import { buildInventory } from "./inventory.js";
import { KIND_LABELS } from "./migration-steps.js";
import { scopeNotes } from "../scanner/scope-notes.js";
import { buildSummary, configurationNote } from "./summary.js";

/** Text safe in a Markdown paragraph or table cell (no HTML, emphasis, links or column breaks). */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/[\\`*_[\]|]/g, "\\$&")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/\r?\n/g, " ");

/** A code span holding `text` whatever backticks it contains. */
export const codeSpan = (text: string): string => {
  const runs = text.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
  const padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
  return `${fence}${padded.replaceAll("|", "\\|").replace(/\r?\n/g, " ")}${fence}`;
};

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export function renderMarkdown(result: ScanResult): string {
  const summary = buildSummary(result);
  const inventory = buildInventory(result);
  const sections: string[] = [];

  sections.push("# Legacy Adobe Campaign authentication: inventory");
  const total = summary.findings;
  sections.push(
    total.total === 0
      ? `No legacy Campaign authentication found in ${codeSpan(result.root)} (${plural(summary.files.scanned, "file")} scanned, profile ${summary.profile}).`
      : `**${plural(total.total, "finding")}** (${total.error} error, ${total.warn} warn, ${total.info} info) in ` +
          `${plural(summary.files.withFindings, "file")} of ${codeSpan(result.root)}: ${plural(summary.files.scanned, "file")} scanned ` +
          `(${formatByteSize(summary.bytesScanned)}), ${summary.files.linted} parsed, profile ${summary.profile}. ` +
          `${total.fixable} fixable automatically, ${total.withSuggestions} with suggested fixes.`,
  );

  if (inventory.checklist.length > 0) {
    sections.push("## Migration checklist");
    sections.push(
      inventory.checklist
        .map(
          (item) =>
            `- [ ] **${escapeMarkdown(item.title)}**: ${plural(item.findings, "finding")} in ${plural(item.files, "file")} ` +
            `(${item.kinds.map((kind) => KIND_LABELS[kind]).join(", ")}).  \n  ${escapeMarkdown(item.action)}`,
        )
        .join("\n"),
    );
    if (inventory.rotate !== undefined && inventory.rotate.length > 0) {
      sections.push("## Rotate these");
      sections.push(
        "Credentials committed to the repository's history: anyone with a clone has them, so each must be rotated, " +
          "whether or not the code still holds it.",
      );
      sections.push(
        table(
          ["Location", "Commit", "Date", "At HEAD", "Evidence"],
          inventory.rotate.map((item) => [
            codeSpan(`${item.path}:${item.line}`),
            codeSpan(item.commit.slice(0, 12)),
            item.date.slice(0, 10),
            item.atHead ? "still there" : "removed since",
            codeSpan(item.evidence),
          ]),
        ),
      );
    }
    sections.push("## By credential kind");
    sections.push(
      table(
        ["Kind", "Findings", "Files", "Migration step"],
        inventory.byKind.map((group) => [escapeMarkdown(group.label), String(group.findings), String(group.files), codeSpan(group.migrationStep)]),
      ),
    );
    sections.push("## By rule");
    sections.push(
      table(
        ["Rule", "Kind", "Findings", "Files"],
        inventory.byRule.map((group) => {
          const rule = result.rules.find((candidate) => candidate.id === group.ruleId);
          const name = rule?.helpUri ? `[${codeSpan(group.ruleId)}](${rule.helpUri})` : codeSpan(group.ruleId);
          return [name, escapeMarkdown(KIND_LABELS[group.kind]), String(group.findings), String(group.files)];
        }),
      ),
    );
    if (inventory.byOperator.length > 0) {
      sections.push("## By operator login");
      sections.push(
        table(
          ["Operator", "Findings", "Files", "Kinds"],
          inventory.byOperator.map((group) => [
            codeSpan(group.operator),
            String(group.findings),
            String(group.files),
            escapeMarkdown(group.kinds.map((kind) => KIND_LABELS[kind]).join(", ")),
          ]),
        ),
      );
    }
    if (inventory.byEndpoint.length > 0) {
      sections.push("## By Campaign endpoint");
      sections.push(
        table(
          ["Endpoint", "Findings", "Files", "Kinds"],
          inventory.byEndpoint.map((group) => [
            codeSpan(group.endpoint),
            String(group.findings),
            String(group.files),
            escapeMarkdown(group.kinds.map((kind) => KIND_LABELS[kind]).join(", ")),
          ]),
        ),
      );
    }
    sections.push("## By folder");
    sections.push(
      table(
        ["Folder", "Findings", "Files", "Kinds"],
        inventory.byFolder.map((group) => [
          codeSpan(group.folder),
          String(group.findings),
          String(group.files),
          escapeMarkdown(group.kinds.map((kind) => KIND_LABELS[kind]).join(", ")),
        ]),
      ),
    );
    sections.push("## Findings");
    sections.push(
      table(
        ["Severity", "Location", "Rule", "Message", "Evidence"],
        result.findings.map((finding) => [
          finding.severity,
          codeSpan(`${finding.path}:${finding.line}:${finding.column}`),
          codeSpan(finding.ruleId),
          escapeMarkdown(finding.message),
          codeSpan(finding.evidence),
        ]),
      ),
    );
  }

  if (result.skipped.length > 0) {
    sections.push("## Skipped files");
    sections.push(
      table(
        ["File", "Reason", "Detail"],
        result.skipped.map((file) => [codeSpan(file.path), file.reason, escapeMarkdown(file.detail)]),
      ),
    );
  }
  if (result.errors.length > 0) {
    sections.push("## Problems");
    sections.push(
      table(
        ["Location", "Kind", "Message"],
        result.errors.map((problem) => [codeSpan(`${problem.path}:${problem.line}:${problem.column}`), problem.kind, escapeMarkdown(problem.message)]),
      ),
    );
  }
  const ignored = summary.ignored;
  const allowlisted = summary.allowlisted;
  sections.push(
    `_Scanned with ${escapeMarkdown(`${result.tool.name} ${result.tool.version}`)}. Not scanned: ` +
      `${plural(ignored.defaultDirectories, "default directory", "default directories")} (node\\_modules, .git), ` +
      `${ignored.ignoreFiles} path(s) in .gitignore / .campaign-imsignore, ${ignored.excluded} excluded, ${ignored.notIncluded} not included. ` +
      `Allowlisted findings: ${allowlisted.total}.` +
      [configurationNote(summary) ?? []].flat().map((note) => ` ${escapeMarkdown(note)}`).join("") +
      scopeNotes(result).map((note) => ` ${escapeMarkdown(note)}`).join("") +
      "_",
  );
  return escapeControlCharacters(`${sections.join("\n\n")}\n`);
}
