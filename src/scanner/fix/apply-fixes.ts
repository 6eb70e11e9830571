/**
 * One fix pass with ESLint's SourceCodeFixer semantics: fixes sorted by range, a fix that
 * overlaps one already applied waits for the next pass, ranges are relative to the text without
 * its BOM. Two differences, both to leave the file as it was around the fix: a BOM is never
 * removed, and line breaks inside inserted text follow the file's own (CRLF stays CRLF).
 */
import type { Rule } from "eslint";

export interface CandidateFix {
  ruleId: string;
  fix: Rule.Fix;
}

export interface AppliedFixes {
  output: string;
  /** Rule id of each fix applied, in order. */
  applied: string[];
}

const BOM = "\uFEFF";
const LINE_BREAK = /\r\n|\r|\n/;

/** The file's line break: the first one it has, or undefined for a one-line file. */
export function lineBreakOf(text: string): string | undefined {
  return LINE_BREAK.exec(text)?.[0];
}

export function applyFixes(text: string, candidates: readonly CandidateFix[]): AppliedFixes {
  const bom = text.startsWith(BOM) ? BOM : "";
  const body = bom === "" ? text : text.slice(1);
  const lineBreak = lineBreakOf(body);
  const sorted = [...candidates].sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);

  let output = bom;
  let position = Number.NEGATIVE_INFINITY;
  const applied: string[] = [];
  for (const { ruleId, fix } of sorted) {
    const [start, end] = fix.range;
    // Overlapping, reversed, or reaching into the BOM: left for a later pass (or a person).
    if (position >= start || start > end || start < 0 || end > body.length) continue;
    const inserted = lineBreak === undefined ? fix.text : fix.text.replace(/\r\n|\r|\n/g, lineBreak);
    output += body.slice(Math.max(0, position), start) + inserted;
    position = end;
    applied.push(ruleId);
  }
  output += body.slice(Math.max(0, position));
  return { output, applied };
}
