/**
 * Parse less: a JS/TS file whose keywords all sit in comments can hold no finding (no JS/TS rule
 * reads a comment: test/scanner/commented-keywords.test.ts runs every rule on every JS/TS fixture
 * and finds no finding that starts in one), so the scanner does not parse it: a tokenizer pass
 * instead of a TypeScript parse, scope analysis and an ESLint traversal.
 *
 * The tokenizer is js-tokens (JavaScript and JSX tokens, a regular expression per token, never
 * throws). It tells a regular expression from a division, and JSX text from code, by the token
 * before, which a heuristic can get wrong; so the pass is conservative and lints when unsure:
 * - only comments that start their line (nothing but whitespace before them) are blanked out: a
 *   mis-read `/` or `<` puts a fake comment after code on the same line, never at a line's start;
 * - comments that are directives (`eslint-…`, `eslint …`, `global …`, `@ts-…`) stay: with
 *   --report-unused-disable-directives a directive that suppresses nothing is reported;
 * - the file is linted if any keyword is left in the text with those comments blanked out.
 * Most files with a keyword have one in code: a first look at the lines of the keywords (does each
 * start with `//`, `/*` or `*`?) sends those to the lint without tokenizing (it lints a block
 * comment whose inner lines start otherwise: when unsure, lint).
 */
import jsTokens from "js-tokens";
import { ALL_KEYWORDS, containsAnyKeyword } from "../campaign/keywords.js";

/** The files this pass applies to: JavaScript and TypeScript, not code blocks of other languages. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const JSX_FILE = /\.(?:jsx|tsx|js|mjs|cjs)$/i;
const DIRECTIVE = /^(?:\/\/|\/\*)\s*(?:eslint|global|exported|@ts-|jshint|jslint)/i;

export const isScriptPath = (path: string): boolean => SCRIPT_FILE.test(path);

const KEYWORD = new RegExp(ALL_KEYWORDS.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "gi");
const COMMENT_LINE_START = /[ \t]*(?:\/\/|\/\*|\*)/y;

/** Whether every keyword is on a line that starts like a comment line (`//`, `/*`, `*`). */
function keywordLinesLookCommented(text: string): boolean {
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(text); match !== null; match = KEYWORD.exec(text)) {
    COMMENT_LINE_START.lastIndex = text.lastIndexOf("\n", match.index) + 1;
    if (!COMMENT_LINE_START.test(text) || COMMENT_LINE_START.lastIndex > match.index) return false;
  }
  return true;
}

/**
 * Whether every keyword of `text` (a JS/TS file's text that contains one) is inside a comment
 * that starts its line and is not a directive: then the file holds no finding.
 */
export function keywordsOnlyInComments(path: string, text: string): boolean {
  if (!keywordLinesLookCommented(text)) return false;
  // JSX in .js files is common (React); .ts files never have it, and `<T>` there is a type.
  const tokens = jsTokens(text, { jsx: JSX_FILE.test(path) });
  const kept: string[] = [];
  let lineStart = true;
  let blanked = false;
  for (const token of tokens) {
    const { type, value } = token;
    if ((type === "SingleLineComment" || type === "MultiLineComment") && lineStart && !DIRECTIVE.test(value)) {
      // Same length, line breaks kept: nothing after it moves, and no two words join.
      kept.push(value.replace(/[^\r\n\u2028\u2029]/g, " "));
      blanked = true;
      // A block comment ends on its own line: what follows it on that line is after it.
      if (type === "MultiLineComment") lineStart = false;
      continue;
    }
    kept.push(value);
    if (type === "LineTerminatorSequence") lineStart = true;
    else if (type !== "WhiteSpace") lineStart = false;
  }
  return blanked && !containsAnyKeyword(kept.join(""));
}
