/**
 * The text of a code block embedded in another file (a Markdown code block, an HTML `<pre>` or
 * `<script>`, a Vue/Svelte `<script>`), built piece by piece from the host file, with the map
 * back: every offset of the block's text has an offset in the host text.
 *
 * A piece is either copied (same characters in both texts: offsets map one to one) or replaced
 * (an HTML entity decoded, an element's tags dropped, a line break normalised to "\n", a `...`
 * placeholder neutralised): its start maps to the host's start and its end to the host's end.
 *
 * Fixes are mapped only when they can be written back faithfully: the block's own `encode`
 * (re-indenting lines, escaping `<` and `&`) must turn the replaced block text back into exactly
 * the host text it came from; otherwise the fix is dropped and the finding stays.
 */

/** One piece: `[virtualStart, virtualStart + virtualLength)` ↔ `[hostStart, hostStart + hostLength)`. */
interface Piece {
  virtualStart: number;
  virtualLength: number;
  hostStart: number;
  hostLength: number;
  copied: boolean;
}

/** Offsets of line starts, with a language's line breaks. */
export function lineStarts(text: string, lineBreak: RegExp): number[] {
  const starts = [0];
  for (const match of text.matchAll(lineBreak)) starts.push(match.index + match[0].length);
  return starts;
}

/** ESLint's JavaScript line breaks (ESLint's `lines` for every file, and the JS parser's `loc`). */
export const JAVASCRIPT_LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;
/** The plugin's XML, HTTP and shell languages' line breaks. */
export const TEXT_LINE_BREAK = /\r\n|[\r\n]/gu;

/** 1-based line and column of an offset, given line starts. */
export function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

export class VirtualText {
  private readonly pieces: Piece[] = [];
  private text = "";

  /** Appends host characters `[start, end)` as they are. */
  copy(host: string, start: number, end: number): this {
    if (end > start) this.push(host.slice(start, end), start, end - start, true);
    return this;
  }

  /** Appends `text` standing for host characters `[start, end)` (an entity, a line break, tags). */
  replace(text: string, start: number, end: number): this {
    if (text !== "" || end > start) this.push(text, start, end - start, false);
    return this;
  }

  /** Appends another block text's pieces (their host offsets are the same host's). */
  append(other: VirtualText): this {
    for (const piece of other.pieces) {
      const text = other.text.slice(piece.virtualStart, piece.virtualStart + piece.virtualLength);
      this.push(text, piece.hostStart, piece.hostLength, piece.copied);
    }
    return this;
  }

  get value(): string {
    return this.text;
  }

  /** Replaces the block text in place with same-length text (placeholders neutralised). */
  overwrite(text: string): void {
    if (text.length !== this.text.length) throw new Error("overwrite must keep the length");
    if (text === this.text) return;
    // Pieces whose characters changed are no longer copies.
    for (const piece of this.pieces) {
      if (!piece.copied) continue;
      const start = piece.virtualStart;
      const end = start + piece.virtualLength;
      if (text.slice(start, end) !== this.text.slice(start, end)) piece.copied = false;
    }
    this.text = text;
  }

  /**
   * This text, found inside `outer`'s text (a page shown in a `<pre>`), with its positions taken
   * through `outer` to `outer`'s host: each copied character maps to the host characters it came
   * from (an entity stays one piece), replacements to the host range of their span.
   */
  through(outer: VirtualText): VirtualText {
    const result = new VirtualText();
    for (const piece of this.pieces) {
      const text = this.text.slice(piece.virtualStart, piece.virtualStart + piece.virtualLength);
      if (!piece.copied) {
        const start = outer.hostOffset(piece.hostStart);
        result.push(text, start, Math.max(outer.hostOffset(piece.hostStart + piece.hostLength, true), start) - start, false);
        continue;
      }
      for (let index = 0; index < text.length; index++) {
        const at = piece.hostStart + index;
        const start = outer.hostOffset(at);
        const end = Math.max(outer.hostOffset(at + 1, true), start);
        // One host character for one character is a copy; an entity (`&lt;`) is not.
        result.push(text[index]!, start, end - start, end - start === 1);
      }
    }
    return result;
  }

  private push(text: string, hostStart: number, hostLength: number, copied: boolean): void {
    const last = this.pieces[this.pieces.length - 1];
    if (
      copied &&
      last?.copied === true &&
      last.hostStart + last.hostLength === hostStart &&
      last.virtualStart + last.virtualLength === this.text.length
    ) {
      last.virtualLength += text.length;
      last.hostLength += hostLength;
    } else {
      this.pieces.push({ virtualStart: this.text.length, virtualLength: text.length, hostStart, hostLength, copied });
    }
    this.text += text;
  }

  /** The piece holding `offset` (as a start when `end` is false, as an exclusive end otherwise). */
  private pieceAt(offset: number, end: boolean): Piece | undefined {
    let low = 0;
    let high = this.pieces.length - 1;
    let found: Piece | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const piece = this.pieces[middle]!;
      const before = end ? piece.virtualStart < offset : piece.virtualStart <= offset;
      if (before) {
        found = piece;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** The host offset of a block offset: a start, or an exclusive end (`end`). */
  hostOffset(offset: number, end = false): number {
    const piece = this.pieceAt(offset, end) ?? this.pieces[0];
    if (piece === undefined) return 0;
    const into = offset - piece.virtualStart;
    if (into >= piece.virtualLength) return piece.hostStart + piece.hostLength;
    if (into <= 0) return piece.hostStart;
    // A copy, or a same-length overwrite of one (a neutralised fragment): characters map one to one.
    if (piece.copied || piece.hostLength === piece.virtualLength) return piece.hostStart + into;
    return end ? piece.hostStart + piece.hostLength : piece.hostStart;
  }
}
