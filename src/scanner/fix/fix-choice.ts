/**
 * Which fix to apply for a message: the rule's mechanical fix; else, only for the rules named by
 * `--fix-suggestions`, its first suggestion. Never for another plugin's rule or a directive
 * report, and never for a finding the configuration's allowlists accept (accepted findings are
 * not reported, so they are not changed either; same checks as file-findings.ts).
 */
import type { Linter, Rule } from "eslint";
import { findOperator } from "../credential-context.js";
import type { Allowlist } from "../file-findings.js";
import { LineIndex } from "../line-index.js";
import { withoutBom } from "../../languages/text/line-index.js";

export interface FixChoiceInput {
  path: string;
  namespace: string;
  suggestionRules: readonly string[];
  allowlist: Allowlist;
}

export type FixChooser = (message: Linter.LintMessage, text: string) => Rule.Fix | undefined;

export function fixChooser({ path, namespace, suggestionRules, allowlist }: FixChoiceInput): FixChooser {
  const suggestionsFrom = new Set(suggestionRules);
  const pathAccepted = allowlist.coversPath(path);
  let lines: LineIndex | undefined;
  let linesOf: string | undefined;

  const accepted = (message: Linter.LintMessage, text: string): boolean => {
    if (lines === undefined || linesOf !== text) {
      // ESLint's lines and columns do not count a BOM.
      lines = new LineIndex(withoutBom(text));
      linesOf = text;
    }
    const body = lines.text;
    const line = message.line || 1;
    const start = lines.offsetOf(line, message.column || 1);
    const end = Math.max(lines.offsetOf(message.endLine ?? line, message.endColumn ?? message.column ?? 1), start);
    const rawSource = body.slice(start, end);
    const rawLine = body.slice(lines.lineStart(line), lines.lineEnd(line));
    return (
      allowlist.coversOperator(findOperator(rawSource) ?? findOperator(rawLine)) ||
      allowlist.coversSource(rawSource) ||
      allowlist.coversSource(rawLine)
    );
  };

  return (message, text) => {
    if (pathAccepted || !message.ruleId?.startsWith(`${namespace}/`)) return undefined;
    const fix = message.fix ?? (suggestionsFrom.has(message.ruleId) ? message.suggestions?.[0]?.fix : undefined);
    if (fix === undefined || accepted(message, text)) return undefined;
    return fix;
  };
}
