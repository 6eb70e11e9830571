/**
 * The directive lines @eslint/markdown's processor puts at the top of a code block, for the
 * plugin's XML, HTTP and shell languages (shared here because none of them depends on another).
 *
 * The processor turns each `<!-- eslint… -->` / `<!-- global … -->` HTML comment just before a
 * fence into a line `/*` + comment text + `*\/` at the top of the virtual file (`runbook.md/0.sh`),
 * each followed by "\n", and maps positions back accounting for them. In JavaScript those are block
 * comments; in our languages they would be content (a shell command, XML text, an HTTP request
 * line). So each parser starts after them and each SourceCode reads them as inline-config
 * comments, with the semantics of its native comments.
 *
 * Only a run of lines of exactly that form at offset 0 counts, the comment text matching what the
 * processor copies (`eslint…` or `global …`), so a file's own content is never reinterpreted.
 */
import type { SourceLocation } from "@eslint/core";

/** One processor line: `value` is the text between `/*` and `*\/` (the HTML comment's text). */
export interface MarkdownDirectiveComment {
  type: "MarkdownDirectiveComment";
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

/** @eslint/markdown's test for an HTML comment it copies (applied to the trimmed comment text). */
const PROCESSOR_COMMENT = /^(?:eslint\b|global\s)/u;

/** `[start, end)` of each comment's text, in order; empty when the text does not start with one. */
function scan(text: string): [number, number][] {
  const values: [number, number][] = [];
  let at = 0;
  while (text.startsWith("/*", at)) {
    const close = text.indexOf("*/", at + 2);
    // A comment may span lines (a multi-line HTML comment); the processor ends each with "\n".
    if (close === -1 || text.charCodeAt(close + 2) !== 10) break;
    if (!PROCESSOR_COMMENT.test(text.slice(at + 2, close).trim())) break;
    values.push([at + 2, close]);
    at = close + 3;
  }
  return values;
}

/** The offset after the processor's directive lines: where the file's own content starts (0 if none). */
export function markdownDirectivesEnd(text: string): number {
  const values = scan(text);
  return values.length === 0 ? 0 : values[values.length - 1]![1] + 3;
}

/** The processor's directive lines as comments; `locOf` maps an offset to its 1-based position. */
export function markdownDirectiveComments(
  text: string,
  locOf: (index: number) => SourceLocation["start"],
): MarkdownDirectiveComment[] {
  return scan(text).map(([start, end]) => ({
    type: "MarkdownDirectiveComment",
    value: text.slice(start, end),
    range: [start - 2, end + 2],
    loc: { start: locOf(start - 2), end: locOf(end + 2) },
  }));
}
