/**
 * Offset → line/column for one text, with the line terminators `XmlSourceCode` uses
 * (`\r\n`, `\r`, `\n`), so node `loc`s agree with ESLint's `lines` and `getLocFromIndex()`.
 *
 * The tokenizer asks for positions in (almost) increasing order, so the lookup first tries the
 * line of the previous answer and its successor before falling back to a binary search: building
 * the index is one pass and each lookup is O(1) in the common case.
 */
import type { XmlPosition, XmlRange, XmlSourceLocation } from "./ast.js";

/** The line terminators of XML 1.0 §2.11 (also what `XmlSourceCode` passes to ESLint). */
export const LINE_ENDING_PATTERN = /\r\n|[\r\n]/u;

const LINE_BREAK = /\r\n?|\n/g;

export class LineIndex {
  /** Offset at which each line starts; `lineStarts[0]` is always 0. */
  readonly lineStarts: number[];
  #hint = 0;

  constructor(text: string) {
    const starts = [0];
    LINE_BREAK.lastIndex = 0;
    for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
      starts.push(match.index + match[0].length);
    }
    this.lineStarts = starts;
  }

  /** 0-based index of the line holding `offset`. */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    const last = starts.length - 1;
    let hint = this.#hint;
    if (starts[hint]! <= offset) {
      if (hint === last || offset < starts[hint + 1]!) return hint;
      hint += 1;
      if (hint === last || offset < starts[hint + 1]!) {
        this.#hint = hint;
        return hint;
      }
    }
    let low = 0;
    let high = last;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    this.#hint = low;
    return low;
  }

  position(offset: number): XmlPosition {
    const line = this.lineIndexOf(offset);
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  loc(range: XmlRange): XmlSourceLocation {
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }
}
