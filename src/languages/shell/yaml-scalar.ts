/**
 * A YAML scalar's value with the source range of each value character, so shell read from a YAML
 * value keeps exact positions (escapes such as `\"` map to their two source characters, folded
 * line breaks to the break, stripped indentation to nothing).
 *
 * The `yaml` package parses the file and gives each scalar's type, range and value; it does not
 * give a per-character map, so this module rebuilds the value from the source the way YAML 1.2
 * does (flow folding, quoted escapes, block indentation and chomping) and keeps the result only
 * when it equals the value `yaml` computed. Callers fall back (one atomic mapping, or the raw
 * region) when it does not, so a corner this module misses costs precision of a range, never a
 * wrong value.
 */
import type { Scalar } from "yaml";
import type { ShellWord, ShellWordSegment } from "./ast.js";
import type { LineIndex, Range } from "../text/line-index.js";

export interface ScalarMap {
  value: string;
  /** Source `[starts[i], ends[i])` produced value character `i`. */
  starts: number[];
  ends: number[];
  /** The scalar's source range (value part, without a trailing comment). */
  range: Range;
}

const isBreak = (code: number): boolean => code === 10 || code === 13;
const isBlankCode = (code: number): boolean => code === 32 || code === 9;

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

class MapBuilder {
  value = "";
  starts: number[] = [];
  ends: number[] = [];
  push(chars: string, start: number, end: number): void {
    for (let i = 0; i < chars.length; i++) {
      this.value += chars[i];
      this.starts.push(start);
      this.ends.push(end);
    }
  }
  pop(): void {
    this.value = this.value.slice(0, -1);
    this.starts.pop();
    this.ends.pop();
  }
}

/** Flow scalars (plain, single- and double-quoted) over `[start, end)`: folding and escapes. */
function flowMap(text: string, start: number, end: number, quote: "" | "'" | '"'): MapBuilder | undefined {
  const out = new MapBuilder();
  // Value characters up to here came from escapes or earlier lines: trailing-blank trimming stops there.
  let kept = 0;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isBreak(code)) {
      while (out.value.length > kept && isBlankCode(out.value.charCodeAt(out.value.length - 1))) out.pop();
      const breaks: Range[] = [];
      while (i < end && isBreak(text.charCodeAt(i))) {
        const breakEnd = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        breaks.push([i, breakEnd]);
        i = breakEnd;
        while (i < end && isBlankCode(text.charCodeAt(i))) i++;
      }
      const first = breaks[0] as Range;
      if (breaks.length === 1) out.push(" ", first[0], first[1]);
      else for (const [from, to] of breaks.slice(1)) out.push("\n", from, to);
      kept = out.value.length;
      continue;
    }
    if (quote === '"' && code === 92) {
      const next = text[i + 1] ?? "";
      if (isBreak(text.charCodeAt(i + 1))) {
        // An escaped line break: nothing, and the next line's leading blanks are dropped.
        i = text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10 ? i + 3 : i + 2;
        while (i < end && isBlankCode(text.charCodeAt(i))) i++;
        kept = out.value.length;
        continue;
      }
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        out.push(simple, i, i + 2);
        i += 2;
      } else {
        const digits = HEX_ESCAPES[next];
        if (digits === undefined) return undefined;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (!/^[0-9a-fA-F]+$/u.test(hex) || hex.length !== digits) return undefined;
        out.push(String.fromCodePoint(Number.parseInt(hex, 16)), i, i + 2 + digits);
        i += 2 + digits;
      }
      kept = out.value.length;
      continue;
    }
    if (quote === "'" && code === 39 && text.charCodeAt(i + 1) === 39) {
      out.push("'", i, i + 2);
      i += 2;
      kept = out.value.length;
      continue;
    }
    out.push(text[i] as string, i, i + 1);
    i++;
  }
  return out;
}

/** Block scalars (`|`, `>`, with chomping and indentation indicators). */
function blockMap(text: string, lines: LineIndex, header: number, end: number, folded: boolean): MapBuilder | undefined {
  let pos = header + 1;
  let chomp: "clip" | "strip" | "keep" = "clip";
  let explicit = 0;
  const headerLine = lines.lineIndexOf(header);
  const headerEnd = lines.lineContentEnd(headerLine);
  while (pos < headerEnd && !isBlankCode(text.charCodeAt(pos))) {
    const char = text[pos];
    if (char === "-") chomp = "strip";
    else if (char === "+") chomp = "keep";
    else if (char !== undefined && char >= "1" && char <= "9") explicit = Number(char);
    pos++;
  }
  const lastLine = end > lines.lineEnd(headerLine) ? lines.lineIndexOf(end - 1) : headerLine;
  let indent = -1;
  if (explicit > 0) {
    // Relative to the parent node's indentation: the header line's indentation (or the key's
    // column in a `- key: |2` item) is not recoverable here in general; the caller checks the value.
    return undefined;
  }
  for (let line = headerLine + 1; line <= lastLine; line++) {
    const start = lines.lineStart(line);
    const contentEnd = lines.lineContentEnd(line);
    let at = start;
    while (at < contentEnd && text.charCodeAt(at) === 32) at++;
    if (at < contentEnd) {
      indent = at - start;
      break;
    }
  }
  const out = new MapBuilder();
  if (indent === -1) return out;
  // Each content line: its text after the indentation, and its line break.
  const contentLines: { from: number; to: number; breakStart: number; breakEnd: number }[] = [];
  for (let line = headerLine + 1; line <= lastLine; line++) {
    const start = lines.lineStart(line);
    const contentEnd = lines.lineContentEnd(line);
    const from = Math.min(start + indent, contentEnd);
    contentLines.push({ from, to: contentEnd, breakStart: contentEnd, breakEnd: lines.lineEnd(line) });
  }
  const isEmpty = (entry: { from: number; to: number }): boolean => entry.to <= entry.from;
  const moreIndented = (entry: { from: number; to: number }): boolean => !isEmpty(entry) && isBlankCode(text.charCodeAt(entry.from));
  for (let index = 0; index < contentLines.length; index++) {
    const entry = contentLines[index]!;
    for (let at = entry.from; at < entry.to; at++) out.push(text[at] as string, at, at + 1);
    if (entry.breakEnd <= entry.breakStart) continue;
    if (folded && !isEmpty(entry) && !moreIndented(entry)) {
      // Folding: a single break between two normal lines is a space; before empty lines it is dropped.
      let next = index + 1;
      while (next < contentLines.length && isEmpty(contentLines[next]!)) next++;
      const following = contentLines[next];
      if (following !== undefined && !moreIndented(following)) {
        if (next === index + 1) out.push(" ", entry.breakStart, entry.breakEnd);
        continue;
      }
    }
    out.push("\n", entry.breakStart, entry.breakEnd);
  }
  // Chomping.
  let trailing = out.value.length;
  while (trailing > 0 && out.value.charCodeAt(trailing - 1) === 10) trailing--;
  const keepCount = chomp === "keep" ? out.value.length - trailing : chomp === "clip" ? Math.min(1, out.value.length - trailing) : 0;
  while (out.value.length > trailing + keepCount) out.pop();
  return out;
}

/** The value → source map of a scalar node, or undefined when it cannot be rebuilt exactly. */
export function scalarMap(text: string, lines: LineIndex, node: Scalar, offset: number): ScalarMap | undefined {
  const range = node.range;
  if (range === undefined || range === null) return undefined;
  const start = range[0] + offset;
  const end = range[1] + offset;
  let built: MapBuilder | undefined;
  switch (node.type) {
    case "PLAIN":
      built = flowMap(text, start, end, "");
      break;
    case "QUOTE_SINGLE":
      built = flowMap(text, start + 1, end - 1, "'");
      break;
    case "QUOTE_DOUBLE":
      built = flowMap(text, start + 1, end - 1, '"');
      break;
    case "BLOCK_LITERAL":
    case "BLOCK_FOLDED": {
      let header = start;
      while (header < end && text[header] !== "|" && text[header] !== ">") header++;
      built = blockMap(text, lines, header, end, node.type === "BLOCK_FOLDED");
      break;
    }
    default:
      return undefined;
  }
  if (built === undefined) return undefined;
  const expected = typeof node.value === "string" ? node.value : node.type === "PLAIN" ? text.slice(start, end) : undefined;
  if (expected !== built.value) return undefined;
  return { value: built.value, starts: built.starts, ends: built.ends, range: [start, end] };
}

/** A map where the whole value stands for the whole source range (one atomic segment). */
export function atomicMap(value: string, range: Range): ScalarMap {
  return { value, starts: Array.from(value, () => range[0]), ends: Array.from(value, () => range[1]), range };
}

/** `[valueStart, valueEnd)` of a map → the segments of a word (identity runs where possible). */
export function segmentsOf(map: ScalarMap, valueStart = 0, valueEnd = map.value.length): ShellWordSegment[] {
  const segments: ShellWordSegment[] = [];
  let index = valueStart;
  while (index < valueEnd) {
    const sourceStart = map.starts[index]!;
    if (map.ends[index]! - sourceStart !== 1) {
      // An atomic character (escape, folded break); characters of one source span stay together.
      let last = index;
      while (last + 1 < valueEnd && map.starts[last + 1] === sourceStart && map.ends[last + 1] === map.ends[index]) last++;
      segments.push({ valueStart: index, valueEnd: last + 1, sourceStart, sourceEnd: map.ends[index]! });
      index = last + 1;
      continue;
    }
    let last = index;
    while (last + 1 < valueEnd && map.ends[last + 1]! - map.starts[last + 1]! === 1 && map.starts[last + 1] === map.ends[last]) last++;
    segments.push({ valueStart: index, valueEnd: last + 1, sourceStart, sourceEnd: map.ends[last]! });
    index = last + 1;
  }
  return segments;
}

// Expansions the programs reading YAML values perform: `${…}` / `$(…)` / `$NAME` (docker-compose,
// Kubernetes `$(VAR)`, GitHub `${{ … }}`).
const YAML_EXPANSION = /\$[{(A-Za-z_]/u;

/** A word for `[valueStart, valueEnd)` of a scalar's value, with exact source ranges. */
export function wordOfMap(text: string, lines: LineIndex, map: ScalarMap, quoted: boolean, valueStart = 0, valueEnd = map.value.length): ShellWord {
  const value = map.value.slice(valueStart, valueEnd);
  const segments = segmentsOf(map, valueStart, valueEnd).map((segment) => ({
    ...segment,
    valueStart: segment.valueStart - valueStart,
    valueEnd: segment.valueEnd - valueStart,
  }));
  const start = valueEnd > valueStart ? map.starts[valueStart]! : valueStart < map.value.length ? map.starts[valueStart]! : map.range[1];
  const end = valueEnd > valueStart ? map.ends[valueEnd - 1]! : start;
  return {
    type: "ShellWord",
    raw: text.slice(start, end),
    value,
    segments,
    quoted,
    hasExpansion: YAML_EXPANSION.test(value),
    ...lines.span(start, end),
  };
}
