/**
 * Entity and character references: decoding for matching, and mapping decoded indices back to
 * source offsets for reporting.
 *
 * Rules search decoded values (`&lt;urn:Logon&gt;` in escaped workflow JavaScript decodes to
 * `<urn:Logon>`), but must report where the match is in the file. Each node whose decoded value
 * differs from its source keeps a `referenceMap`: a flat array with four numbers per decoded
 * reference, `decodedStart, decodedEnd, sourceStart, sourceEnd` (source offsets are absolute
 * offsets into the parsed text). `toSourceOffset()` / `toSourceRange()` read it.
 *
 * Decoded: `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and numeric references to XML characters.
 * Kept as written: every other `&name;` (HTML or DTD entities are never expanded, so a
 * billion-laughs document expands nothing), and a `&` that starts no reference (reported).
 */
import type { XmlAttribute, XmlRange, XmlText } from "./ast.js";

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** `&#60;`, `&#x3C;`, `&lt;` …: group 1 decimal, 2 hexadecimal, 3 a name. */
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([\p{L}_:][\p{L}\p{M}\p{N}_:.\u00B7-]*));/uy;

/** Reports a problem found while decoding: message and source range. */
export type ProblemSink = (message: string, start: number, end: number) => void;

export interface DecodedValue {
  value: string;
  referenceMap: number[] | null;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes `raw`, the source text that starts at offset `rawStart` (offsets in `referenceMap` and in
 * problems are `rawStart`-based). Problems (a bare `&`, a reference to a character XML does not
 * allow) go to `onProblem`; the text is then kept as written. Works on the slice so that a search
 * for `&` never runs past the node (a text without `&` costs one `indexOf`).
 */
export function decodeReferences(raw: string, rawStart: number, onProblem: ProblemSink): DecodedValue {
  let amp = raw.indexOf("&");
  if (amp === -1) return { value: raw, referenceMap: null };
  const parts: string[] = [];
  const map: number[] = [];
  let copied = 0;
  let decodedLength = 0;
  while (amp !== -1) {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(raw);
    if (match === null) {
      onProblem(`"&" starts no entity or character reference; write it as "&amp;".`, rawStart + amp, rawStart + amp + 1);
      amp = raw.indexOf("&", amp + 1);
      continue;
    }
    const referenceEnd = REFERENCE.lastIndex;
    let replacement: string | undefined;
    if (match[3] !== undefined) {
      replacement = PREDEFINED[match[3]];
    } else {
      const digits = match[1] ?? match[2]!;
      const code = digits.length > 8 ? -1 : Number.parseInt(digits, match[1] === undefined ? 16 : 10);
      if (isXmlChar(code)) replacement = String.fromCodePoint(code);
      else onProblem(`"${match[0]}" refers to a character XML does not allow.`, rawStart + amp, rawStart + referenceEnd);
    }
    if (replacement !== undefined) {
      parts.push(raw.slice(copied, amp));
      decodedLength += amp - copied;
      parts.push(replacement);
      map.push(decodedLength, decodedLength + replacement.length, rawStart + amp, rawStart + referenceEnd);
      decodedLength += replacement.length;
      copied = referenceEnd;
    }
    amp = raw.indexOf("&", referenceEnd);
  }
  if (map.length === 0) return { value: raw, referenceMap: null };
  parts.push(raw.slice(copied));
  return { value: parts.join(""), referenceMap: map };
}

/**
 * The source offset of index `index` of a decoded value (`0 <= index <= value.length`; the end
 * index maps to the end of the source). An index inside the replacement of a reference maps to
 * the start of that reference, so a match that starts or ends at a reference covers all of it.
 */
export function toSourceOffset(node: XmlText | XmlAttribute, index: number): number {
  const base = node.valueRange[0];
  const map = node.referenceMap;
  if (map === null || map.length === 0 || index < map[0]!) return base + index;
  // Last reference whose decoded start is <= index.
  let low = 0;
  let high = map.length / 4 - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (map[mid * 4]! <= index) low = mid;
    else high = mid - 1;
  }
  const at = low * 4;
  const decodedEnd = map[at + 1]!;
  if (index < decodedEnd) return map[at + 2]!;
  return map[at + 3]! + (index - decodedEnd);
}

/** Maps `[start, end)` of a decoded value to the source range that produced it. */
export function toSourceRange(node: XmlText | XmlAttribute, start: number, end: number): XmlRange {
  return [toSourceOffset(node, start), toSourceOffset(node, end)];
}
