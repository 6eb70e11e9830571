/**
 * Building `ShellWord`s with their value → source mapping, and reading that mapping back.
 */
import type { ShellWord, ShellWordSegment } from "./ast.js";
import type { LineIndex, Range } from "../text/line-index.js";

const QUOTE_CHARACTER = /["'`]/u;

// Value index just past the last expansion of each word (for words split at `=`).
const lastExpansionEnd = new WeakMap<ShellWord, number>();

export interface WordMark {
  value: string;
  length: number;
  segments: number;
  lastValueEnd: number;
  lastSourceEnd: number;
  lastExpansionEnd: number;
  quoted: boolean;
}

/** Accumulates a word's value and segments while a scanner walks its source. */
export class WordBuilder {
  readonly text: string;
  start: number;
  quoted = false;
  #value = "";
  #length = 0;
  #segments: ShellWordSegment[] = [];
  #runStart = -1;
  #runEnd = -1;
  #lastExpansionEnd = -1;

  constructor(text: string, start: number) {
    this.text = text;
    this.start = start;
  }

  /** Starts a new word at `start` (a scanner reuses one builder for all its words). */
  begin(start: number): this {
    this.start = start;
    this.quoted = false;
    this.#value = "";
    this.#length = 0;
    this.#segments = [];
    this.#runStart = -1;
    this.#runEnd = -1;
    this.#lastExpansionEnd = -1;
    return this;
  }

  /** Source `[from, to)` goes into the value unchanged. */
  literal(from: number, to: number): void {
    if (to <= from) return;
    if (from === this.#runEnd) {
      this.#runEnd = to;
      return;
    }
    this.#flush();
    this.#runStart = from;
    this.#runEnd = to;
  }

  /** Source `[from, to)` contributes `value` as one atomic unit (an escape, a folded break). */
  mapped(value: string, from: number, to: number): void {
    this.#flush();
    if (value.length === 0) return;
    this.#value += value;
    this.#segments.push({ valueStart: this.#length, valueEnd: this.#length + value.length, sourceStart: from, sourceEnd: to });
    this.#length += value.length;
  }

  /** Source `[from, to)` is an expansion (`$x`, `$( … )`, backticks) kept verbatim. */
  expansion(from: number, to: number): void {
    this.literal(from, to);
    this.#lastExpansionEnd = this.valueLength;
  }

  get valueLength(): number {
    return this.#length + (this.#runStart === -1 ? 0 : this.#runEnd - this.#runStart);
  }

  /** The value so far (flushes pending text). */
  get value(): string {
    this.#flush();
    return this.#value;
  }

  #flush(): void {
    if (this.#runStart === -1) return;
    const from = this.#runStart;
    const to = this.#runEnd;
    this.#runStart = -1;
    this.#runEnd = -1;
    const piece = this.text.slice(from, to);
    this.#value = this.#value === "" ? piece : this.#value + piece;
    const last = this.#segments[this.#segments.length - 1];
    const n = to - from;
    if (
      last !== undefined &&
      last.sourceEnd === from &&
      last.valueEnd - last.valueStart === last.sourceEnd - last.sourceStart
    ) {
      last.valueEnd += n;
      last.sourceEnd = to;
    } else {
      this.#segments.push({ valueStart: this.#length, valueEnd: this.#length + n, sourceStart: from, sourceEnd: to });
    }
    this.#length += n;
  }

  /** A checkpoint to return to with `reset` (used to re-read an unterminated quote). */
  mark(): WordMark {
    this.#flush();
    const last = this.#segments[this.#segments.length - 1];
    return {
      value: this.#value,
      length: this.#length,
      segments: this.#segments.length,
      lastValueEnd: last?.valueEnd ?? 0,
      lastSourceEnd: last?.sourceEnd ?? 0,
      lastExpansionEnd: this.#lastExpansionEnd,
      quoted: this.quoted,
    };
  }

  reset(mark: WordMark): void {
    this.#flush();
    this.#value = mark.value;
    this.#length = mark.length;
    this.#segments.length = mark.segments;
    const last = this.#segments[this.#segments.length - 1];
    if (last !== undefined) {
      last.valueEnd = mark.lastValueEnd;
      last.sourceEnd = mark.lastSourceEnd;
    }
    this.#lastExpansionEnd = mark.lastExpansionEnd;
    this.quoted = mark.quoted;
  }

  /** The finished word, ending at source offset `end`. */
  finish(end: number, lines: LineIndex): ShellWord {
    const value = this.value;
    const raw = this.text.slice(this.start, end);
    const word: ShellWord = {
      type: "ShellWord",
      raw,
      value: value === raw ? raw : value,
      segments: this.#segments,
      quoted: this.quoted,
      hasExpansion: this.#lastExpansionEnd !== -1,
      ...lines.span(this.start, end),
    };
    if (this.#lastExpansionEnd !== -1) lastExpansionEnd.set(word, this.#lastExpansionEnd);
    return word;
  }
}

/** A word whose value is exactly its source text. */
export function plainWord(text: string, start: number, end: number, lines: LineIndex): ShellWord {
  const builder = new WordBuilder(text, start);
  builder.literal(start, end);
  return builder.finish(end, lines);
}

function segmentIndexAt(segments: readonly ShellWordSegment[], valueIndex: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((segments[mid] as ShellWordSegment).valueStart <= valueIndex) low = mid;
    else high = mid - 1;
  }
  return low;
}

const isIdentity = (segment: ShellWordSegment): boolean =>
  segment.valueEnd - segment.valueStart === segment.sourceEnd - segment.sourceStart;

/**
 * The source offset where the value character at `valueIndex` starts (for an escape, where its
 * backslash starts). `valueIndex === value.length` gives the offset just past the last value
 * character (before a closing quote); for an empty value, the word's start.
 */
export function shellWordSourceOffset(word: ShellWord, valueIndex: number): number {
  const { segments } = word;
  if (segments.length === 0) return word.range[0];
  if (valueIndex >= word.value.length) return (segments[segments.length - 1] as ShellWordSegment).sourceEnd;
  const segment = segments[segmentIndexAt(segments, Math.max(0, valueIndex))] as ShellWordSegment;
  if (isIdentity(segment)) return segment.sourceStart + (Math.max(0, valueIndex) - segment.valueStart);
  return segment.sourceStart;
}

/**
 * The exact source range of `value.slice(valueStart, valueEnd)`: from the source of its first
 * character to the end of the source of its last one. Quotes and continuations inside the slice
 * are included, those around it are not, so replacing the range rewrites exactly that text.
 */
export function shellWordSourceRange(word: ShellWord, valueStart: number, valueEnd: number = word.value.length): Range {
  const start = shellWordSourceOffset(word, valueStart);
  if (valueEnd <= valueStart) return [start, start];
  const { segments } = word;
  const segment = segments[segmentIndexAt(segments, Math.min(valueEnd, word.value.length) - 1)] as ShellWordSegment;
  const end = isIdentity(segment) ? segment.sourceStart + (Math.min(valueEnd, word.value.length) - segment.valueStart) : segment.sourceEnd;
  return [start, end];
}

/**
 * The part of `word` from value index `valueStart` on, as a word starting at source offset
 * `sourceStart` (used to split `NAME=value` at the `=`). Returns `null` when no source remains.
 */
export function sliceWord(word: ShellWord, valueStart: number, sourceStart: number, text: string, lines: LineIndex): ShellWord | null {
  const end = word.range[1];
  if (sourceStart >= end) return null;
  const segments: ShellWordSegment[] = [];
  for (const segment of word.segments) {
    if (segment.valueEnd <= valueStart) continue;
    if (segment.valueStart >= valueStart) {
      segments.push({
        valueStart: segment.valueStart - valueStart,
        valueEnd: segment.valueEnd - valueStart,
        sourceStart: segment.sourceStart,
        sourceEnd: segment.sourceEnd,
      });
    } else {
      // An identity segment straddling the split point (atomic ones have one value char).
      const skip = valueStart - segment.valueStart;
      segments.push({
        valueStart: 0,
        valueEnd: segment.valueEnd - valueStart,
        sourceStart: segment.sourceStart + skip,
        sourceEnd: segment.sourceEnd,
      });
    }
  }
  const raw = text.slice(sourceStart, end);
  const expansionEnd = lastExpansionEnd.get(word) ?? -1;
  const sliced: ShellWord = {
    type: "ShellWord",
    raw,
    value: word.value.slice(valueStart),
    segments,
    quoted: word.quoted && QUOTE_CHARACTER.test(raw),
    hasExpansion: expansionEnd > valueStart,
    ...lines.span(sourceStart, end),
  };
  if (sliced.hasExpansion) lastExpansionEnd.set(sliced, expansionEnd - valueStart);
  return sliced;
}
