/**
 * "Every reported location is inside the file": lines and columns (1-based, columns in UTF-16
 * code units, the end column exclusive so it may be one past the line's last character) against
 * the text as ESLint sees it (a leading BOM removed), with the line breaks of the language that
 * reported them; fix and suggestion ranges as offsets into that text.
 */
import type { LocatedMessage } from "./watchdog.js";

/** JavaScript counts U+2028 and U+2029 as line breaks (ESLint's SourceCode); every other language of the plugin does not. */
const JS_LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/u;
const LINE_BREAKS = /\r\n|[\r\n]/u;
const JS_PATH = /\.[cm]?[jt]sx?$/u;

export const withoutBom = (text: string): string => (text.startsWith("\uFEFF") ? text.slice(1) : text);

/** The lines of a file as the language linting `path` counts them. */
export function linesOf(path: string, text: string): string[] {
  return withoutBom(text).split(JS_PATH.test(path) ? JS_LINE_BREAKS : LINE_BREAKS);
}

export interface Span {
  line: number;
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
}

/** Why a span is not inside the file, or undefined when it is. */
export function spanProblem(lines: readonly string[], span: Span): string | undefined {
  const inside = (line: number, column: number): boolean =>
    Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
  const where = `${span.line}:${span.column}-${span.endLine}:${span.endColumn} in ${lines.length} line(s)`;
  if (!inside(span.line, span.column)) return `start outside the file (${where})`;
  if (span.endLine === undefined && span.endColumn === undefined) return undefined;
  if (span.endLine === undefined || span.endColumn === undefined || !inside(span.endLine, span.endColumn)) return `end outside the file (${where})`;
  if (span.endLine < span.line || (span.endLine === span.line && span.endColumn < span.column)) return `end before start (${where})`;
  return undefined;
}

function rangeProblem(length: number, range: readonly [number, number] | undefined, what: string): string | undefined {
  if (range === undefined) return undefined;
  const [start, end] = range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length
    ? undefined
    : `${what} range [${start}, ${end}] outside the text (length ${length})`;
}

/**
 * @typescript-eslint/parser gives its parse errors 0-based columns where ESLint expects 1-based
 * ones (espree's are 1-based), so "Parsing error" at the start of a line comes out as column 0.
 * That is upstream; the scanner reads column 0 as 1 (file-findings.ts), and so does this check.
 */
const asScannerReadsIt = (message: LocatedMessage): LocatedMessage =>
  message.fatal && message.column === 0 && message.message.startsWith("Parsing error:") ? { ...message, column: 1 } : message;

/** Every location problem of ESLint messages for one text, described with the message. */
export function messageLocationProblems(path: string, text: string, messages: readonly LocatedMessage[]): string[] {
  const lines = linesOf(path, text);
  const length = withoutBom(text).length;
  const problems: string[] = [];
  for (const message of messages) {
    const found = [
      spanProblem(lines, asScannerReadsIt(message)),
      rangeProblem(length, message.fix, "fix"),
      ...message.suggestions.map((range) => rangeProblem(length, range, "suggestion")),
    ].filter((problem) => problem !== undefined);
    for (const problem of found) problems.push(`${path}: ${message.ruleId ?? "(no rule)"}: ${problem}: ${message.message.slice(0, 200)}`);
  }
  return problems;
}
