/** Offsets of lines in a text, with ESLint's notion of a line break (so its line numbers match). */

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

export class LineIndex {
  /** Offset of the first character of each line (line 1 at index 0). */
  private readonly starts: number[] = [0];
  /** Offset just past the last character of each line (before its line break). */
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (const match of text.matchAll(LINE_BREAK)) {
      this.ends.push(match.index);
      this.starts.push(match.index + match[0].length);
    }
    this.ends.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a 1-based line and column, clamped to the text. */
  offsetOf(line: number, column: number): number {
    const index = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return Math.min(this.starts[index]! + Math.max(column - 1, 0), this.ends[index]!);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }

  lineEnd(line: number): number {
    return this.ends[Math.min(Math.max(line, 1), this.ends.length) - 1]!;
  }
}
