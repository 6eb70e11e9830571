/**
 * Well-formedness diagnostics from fast-xml-parser's `XMLValidator`.
 *
 * Why: the validator is the reference check for what XML allows (names, duplicate attributes,
 * attributes without values, several roots, text after the root, misplaced XML declarations);
 * the tokenizer only knows what it had to recover from. The validator stops at the first error and
 * gives its line and column (BOM stripped, lines split at `\n`); this module turns that back into
 * an offset in the text being parsed.
 *
 * Two of its reports are dropped because the tokenizer reports the same thing with a precise
 * position: unclosed elements at the end of the text (the validator says `Unclosed tag 'a'.` at
 * the start tag, or, for several, `Invalid '["a","b"]' found.` at line 1, column 1), and "Start
 * tag expected." for an empty or whitespace-only text (nothing to lint, nothing to report).
 *
 * The validator skips a DOCTYPE by counting `<` and `>`, which a `>` inside a quoted entity value
 * (`<!ENTITY e "a>b">`) throws off. The DTD is never interpreted here, so the caller passes the
 * internal subset ranges and they are blanked out (same length, line breaks kept) before
 * validation.
 */
import { XMLValidator } from "fast-xml-parser";
import type { XmlRange } from "./ast.js";

export interface ValidatorProblem {
  message: string;
  /** Absolute offset in the text given to `validateWellFormedness`. */
  offset: number;
}

const UNCLOSED_AT_END = /^(?:Unclosed tag '|Invalid '\[)/u;
const QUOTED_NAME = /'[^'\n]*'/g;
const ONLY_WHITESPACE = /^\uFEFF?[\t\n\r ]*$/u;

const NOT_LINE_BREAK = /[^\r\n]/gu;

/**
 * Validates `text.slice(start, end)` as an XML document; `null` when it is well-formed.
 * `blank`: ranges (absolute, inside the region) the validator must not read.
 */
export function validateWellFormedness(
  text: string,
  start: number,
  end: number,
  blank: readonly XmlRange[] = [],
): ValidatorProblem | null {
  let slice = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const [blankStart, blankEnd] of blank) {
    const from = blankStart - start;
    const to = blankEnd - start;
    slice = slice.slice(0, from) + slice.slice(from, to).replace(NOT_LINE_BREAK, " ") + slice.slice(to);
  }
  const result = XMLValidator.validate(slice);
  if (result === true) return null;
  const { msg, line, col } = result.err;
  if (UNCLOSED_AT_END.test(msg)) return null;
  if (msg === "Start tag expected." && ONLY_WHITESPACE.test(slice)) return null;
  // The validator's coordinates: after a BOM, lines split at "\n" (a CRLF ends at its "\n").
  let offset = slice.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let remaining = line - 1; remaining > 0; remaining -= 1) {
    const newline = slice.indexOf("\n", offset);
    if (newline === -1) break;
    offset = newline + 1;
  }
  offset = Math.min(offset + (typeof col === "number" && col > 0 ? col - 1 : 0), slice.length);
  // The validator quotes tag and attribute names from the file (which may be a secret typed in
  // the wrong place): the message keeps the kind of problem, the position says where.
  return { message: msg.replace(QUOTED_NAME, "…"), offset: start + offset };
}
