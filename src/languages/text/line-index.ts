/**
 * Position bookkeeping shared by the plugin's own languages (`campaign-ims/shell`, `campaign-ims/http`
 * and `campaign-ims/xml`, whose line terminators, XML 1.0 §2.11, are the same three), and by the
 * finders in src/campaign/ that turn offsets of those texts into locations.
 *
 * Offsets index the exact text handed to `parse()` (ESLint strips a leading BOM before that; when
 * the parser is called directly on text that still starts with U+FEFF, the BOM is offset 0 and
 * counts as a column, so every range still slices the given text exactly). Line breaks are `\r\n`,
 * `\n` and a lone `\r`: the same set `TextSourceCodeBase` is given (`LINE_ENDING_PATTERN`), so a
 * node's `loc` always equals `sourceCode.getLocFromIndex()` of its range.
 */
import type { SourceLocation } from "@eslint/core";

/** Line endings as the parsers and the SourceCode objects understand them. */
export const LINE_ENDING_PATTERN = /\r\n|[\r\n]/u;

/** `[start, end)` offsets into the parsed text. */
export type Range = [number, number];

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

/** The first NUL character's offset, or -1. */
export function findNul(text: string): number {
  return text.indexOf("\u0000");
}

/** Line starts of a text, and offset → line/column conversion (amortised O(1) for forward scans). */
export class LineIndex {
  readonly text: string;
  /** Offset of the first character of each line; `lineStarts[0] === 0`. */
  readonly lineStarts: number[];
  #hint = 0;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    if (!text.includes("\r")) {
      let at = text.indexOf("\n");
      while (at !== -1) {
        starts.push(at + 1);
        at = text.indexOf("\n", at + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10) starts.push(i + 1);
        else if (code === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of 0-based line `index`. */
  lineStart(index: number): number {
    return this.lineStarts[index] ?? this.text.length;
  }

  /** Offset just past the content of 0-based line `index` (where its line break starts). */
  lineContentEnd(index: number): number {
    const next = this.lineStarts[index + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Offset of the next line's start (or the text length on the last line). */
  lineEnd(index: number): number {
    return this.lineStarts[index + 1] ?? this.text.length;
  }

  /** 0-based index of the line containing `offset`. */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    const hint = this.#hint;
    const hintStart = starts[hint] ?? 0;
    if (offset >= hintStart) {
      const next = starts[hint + 1];
      if (next === undefined || offset < next) return hint;
      const after = starts[hint + 2];
      if (after === undefined || offset < after) {
        this.#hint = hint + 1;
        return hint + 1;
      }
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    this.#hint = low;
    return low;
  }

  position(offset: number): Position {
    const index = this.lineIndexOf(offset);
    return { line: index + 1, column: offset - (this.lineStarts[index] ?? 0) + 1 };
  }

  loc(start: number, end: number): SourceLocation {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The `{ range, loc }` pair every node carries. */
  span(start: number, end: number): { range: Range; loc: SourceLocation } {
    return { range: [start, end], loc: this.loc(start, end) };
  }
}

/**
 * `sourceCode.getLocFromIndex(index)` on a line index built once: plugin-kit's version rescans the
 * rest of the last line on every call, so a one-line (minified) file with many findings turned
 * quadratic; this answers in O(log n). Errors as plugin-kit's for a bad index.
 */
export function locFromIndex(text: string, index: number, lines: () => LineIndex): Position {
  if (typeof index !== "number") throw new TypeError("Expected `index` to be a number.");
  if (index < 0 || index > text.length) {
    throw new RangeError(`Index out of range (requested index ${index}, but source text has length ${text.length}).`);
  }
  return lines().position(index);
}

/** The text without a leading byte order mark (U+FEFF), as ESLint hands it to a language. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Whether a character code is a line break (`\n` or `\r`). */
export const isLineBreak = (code: number): boolean => code === 10 || code === 13;

/** Whether a character code is a space or a tab. */
export const isBlank = (code: number): boolean => code === 32 || code === 9;

/** The offset after the line break at `offset` (`\r\n` counts as one break). */
export function skipLineBreak(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10) return offset + 2;
  return offset + 1;
}

/**
 * `text.indexOf(needle, from)` limited to `[from, to)` (the whole needle inside): searching a
 * slice (O(1) to create in V8) keeps a failed search from running to the end of the file.
 */
export function indexOfWithin(text: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  const at = text.slice(from, to).indexOf(needle);
  return at === -1 ? -1 : from + at;
}
