/**
 * `.env` files (dotenv syntax) and Java `.properties` files: one assignment per entry.
 */
import type { ShellAssignment, ShellWord } from "./ast.js";
import { makeCommand, type ShellOutput } from "./posix-scanner.js";
import { indexOfWithin, isBlank, isLineBreak, skipLineBreak, type LineIndex } from "../text/line-index.js";
import { plainWord, WordBuilder } from "./word.js";

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
const PROPERTIES_ESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };
const HEX4 = /^[0-9A-Fa-f]{4}$/u;

const isEnvNameStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isEnvNameChar = (code: number): boolean =>
  isEnvNameStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 45;

/** Marks `$NAME` / `${…}` in `[from, to)` as expansions while adding the text. */
function addExpandable(text: string, builder: WordBuilder, from: number, to: number): void {
  let pos = from;
  while (pos < to) {
    const dollar = indexOfWithin(text, "$", pos, to);
    if (dollar === -1) {
      builder.literal(pos, to);
      return;
    }
    builder.literal(pos, dollar);
    const next = text.charCodeAt(dollar + 1);
    let end = dollar + 1;
    if (next === 123) {
      const close = indexOfWithin(text, "}", dollar, to);
      end = close === -1 ? to : close + 1;
    } else if (isEnvNameStart(next)) {
      end = dollar + 2;
      while (end < to && isEnvNameChar(text.charCodeAt(end)) && text.charCodeAt(end) !== 46 && text.charCodeAt(end) !== 45) end++;
    }
    if (end > dollar + 1) builder.expansion(dollar, end);
    else builder.literal(dollar, end);
    pos = end;
  }
}

/**
 * `.env`: `KEY=value`, `export KEY=value`, `KEY: value`; values unquoted (up to a ` #` comment,
 * trimmed), `'…'` (literal), `"…"` (`\n`, `\r`, `\t`, `\"`, `\\` escapes) or `` `…` ``; quoted
 * values may span lines. Full-line and trailing `#` comments are comments.
 */
export function parseEnvFile(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  const pushComment = (start: number, end: number): void => {
    out.comments.push({ type: "ShellComment", marker: "#", value: text.slice(start + 1, end), ...lines.span(start, end) });
  };
  const firstLine = lines.lineIndexOf(textStart);
  let line = firstLine;
  while (line < lines.lineCount) {
    const lineStart = line === firstLine ? textStart : lines.lineStart(line);
    const end = lines.lineContentEnd(line);
    let at = lineStart;
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    line++;
    if (at >= end) continue;
    if (text.charCodeAt(at) === 35) {
      pushComment(at, end);
      continue;
    }
    const words: ShellWord[] = [];
    if (text.startsWith("export", at) && isBlank(text.charCodeAt(at + 6))) {
      words.push(plainWord(text, at, at + 6, lines));
      at += 6;
      while (at < end && isBlank(text.charCodeAt(at))) at++;
    }
    const nameStart = at;
    if (!isEnvNameStart(text.charCodeAt(at))) continue;
    while (at < end && isEnvNameChar(text.charCodeAt(at))) at++;
    const nameEnd = at;
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    const op = text.charCodeAt(at);
    if (op !== 61 && !(op === 58 && (at + 1 >= end || isBlank(text.charCodeAt(at + 1))))) continue;
    const operator = text.charAt(at);
    at++;
    const operatorEnd = at;
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    let value: ShellWord | null = null;
    let afterValue = at;
    const quote = text.charCodeAt(at);
    if (quote === 34 || quote === 39 || quote === 96) {
      value = envQuoted(text, lines, at, quote);
      if (value !== null) {
        afterValue = value.range[1];
        // A multi-line value: the scan continues after its closing line.
        line = Math.max(line, lines.lineIndexOf(afterValue - 1) + 1);
      }
    }
    if (value === null && at < end) {
      // Unquoted: up to a `#` that follows a blank, trailing blanks trimmed.
      let stop = at;
      while (stop < end && !(text.charCodeAt(stop) === 35 && (stop > at ? isBlank(text.charCodeAt(stop - 1)) : at > operatorEnd))) stop++;
      while (stop > at && isBlank(text.charCodeAt(stop - 1))) stop--;
      if (stop > at) {
        const builder = new WordBuilder(text, at);
        addExpandable(text, builder, at, stop);
        value = builder.finish(stop, lines);
        afterValue = stop;
      }
    }
    const assignment: ShellAssignment = {
      type: "ShellAssignment",
      kind: "env-file",
      name: text.slice(nameStart, nameEnd),
      nameRange: [nameStart, nameEnd],
      operator,
      value,
      ...lines.span(nameStart, value === null ? operatorEnd : value.range[1]),
    };
    const command = makeCommand({ words, assignments: [assignment], redirects: [], terminator: null }, null, lines);
    if (command !== null) out.commands.push(command);
    const tailEnd = lines.lineContentEnd(lines.lineIndexOf(afterValue));
    let comment = afterValue;
    while (comment < tailEnd && isBlank(text.charCodeAt(comment))) comment++;
    if (comment < tailEnd && text.charCodeAt(comment) === 35) pushComment(comment, tailEnd);
  }
}

function envQuoted(text: string, lines: LineIndex, start: number, quote: number): ShellWord | null {
  const close = findClosingQuote(text, start, quote);
  if (close === -1) return null;
  const builder = new WordBuilder(text, start);
  builder.quoted = true;
  let pos = start + 1;
  while (pos < close) {
    const code = text.charCodeAt(pos);
    if (quote === 34 && code === 92 && pos + 1 < close) {
      const escaped = DOUBLE_QUOTE_ESCAPES[text.charAt(pos + 1)];
      if (escaped !== undefined) {
        builder.mapped(escaped, pos, pos + 2);
        pos += 2;
        continue;
      }
    }
    if (quote !== 39 && code === 36) {
      let next = pos + 1;
      while (next < close && text.charCodeAt(next) !== 36 && text.charCodeAt(next) !== 92) next++;
      addExpandable(text, builder, pos, next);
      pos = next;
      continue;
    }
    builder.literal(pos, pos + 1);
    pos++;
  }
  return builder.finish(close + 1, lines);
}

function findClosingQuote(text: string, start: number, quote: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92 && quote === 34) {
      at++;
      continue;
    }
    if (code === quote) return at;
  }
  return -1;
}

/**
 * `.properties`: `key=value`, `key: value`, `key value`; `#` and `!` comment lines; a trailing
 * odd backslash continues the entry (the next line's leading blanks are dropped); `\t`, `\n`,
 * `\r`, `\f`, `\uXXXX` and `\x` escapes in keys and values.
 */
export function parseProperties(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  const firstLine = lines.lineIndexOf(textStart);
  let line = firstLine;
  while (line < lines.lineCount) {
    const lineStart = line === firstLine ? textStart : lines.lineStart(line);
    const lineEnd = lines.lineContentEnd(line);
    let at = lineStart;
    while (at < lineEnd && (isBlank(text.charCodeAt(at)) || text.charCodeAt(at) === 12)) at++;
    if (at >= lineEnd) {
      line++;
      continue;
    }
    const first = text.charCodeAt(at);
    if (first === 35 || first === 33) {
      out.comments.push({ type: "ShellComment", marker: text.charAt(at), value: text.slice(at + 1, lineEnd), ...lines.span(at, lineEnd) });
      line++;
      continue;
    }
    // The logical entry: continued while a line ends with an odd number of backslashes.
    let last = line;
    while (last + 1 < lines.lineCount && oddBackslashes(text, lines.lineContentEnd(last))) last++;
    const end = lines.lineContentEnd(last);
    line = last + 1;

    const key = new WordBuilder(text, at);
    let pos = at;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (code === 61 || code === 58 || isBlank(code) || code === 12) break;
      pos = propertiesChar(text, key, pos, end);
    }
    const keyNode = key.finish(pos, lines);
    let operator = " ";
    while (pos < end && (isBlank(text.charCodeAt(pos)) || text.charCodeAt(pos) === 12)) pos++;
    if (pos < end && (text.charCodeAt(pos) === 61 || text.charCodeAt(pos) === 58)) {
      operator = text.charAt(pos);
      pos++;
      while (pos < end && (isBlank(text.charCodeAt(pos)) || text.charCodeAt(pos) === 12)) pos++;
    }
    let value: ShellWord | null = null;
    if (pos < end) {
      const builder = new WordBuilder(text, pos);
      let at2 = pos;
      while (at2 < end) at2 = propertiesChar(text, builder, at2, end);
      value = builder.finish(end, lines);
    }
    const assignment: ShellAssignment = {
      type: "ShellAssignment",
      kind: "properties",
      name: keyNode.value,
      nameRange: keyNode.range,
      operator,
      value,
      ...lines.span(at, value === null ? keyNode.range[1] : end),
    };
    const command = makeCommand({ words: [], assignments: [assignment], redirects: [], terminator: null }, null, lines);
    if (command !== null) out.commands.push(command);
  }
}

function oddBackslashes(text: string, end: number): boolean {
  let count = 0;
  while (end - count - 1 >= 0 && text.charCodeAt(end - count - 1) === 92) count++;
  return count % 2 === 1;
}

/** One character (or escape, or continuation) of a properties key or value; returns the next offset. */
function propertiesChar(text: string, builder: WordBuilder, pos: number, end: number): number {
  if (text.charCodeAt(pos) !== 92) {
    builder.literal(pos, pos + 1);
    return pos + 1;
  }
  if (pos + 1 >= end) return end; // a lone trailing backslash
  const next = text.charAt(pos + 1);
  if (isLineBreak(next.charCodeAt(0))) {
    let after = skipLineBreak(text, pos + 1);
    while (after < end && (isBlank(text.charCodeAt(after)) || text.charCodeAt(after) === 12)) after++;
    return after;
  }
  if (next === "u") {
    const hex = text.slice(pos + 2, pos + 6);
    if (HEX4.test(hex)) {
      builder.mapped(String.fromCharCode(Number.parseInt(hex, 16)), pos, pos + 6);
      return pos + 6;
    }
  }
  builder.mapped(PROPERTIES_ESCAPES[next] ?? next, pos, pos + 2);
  return pos + 2;
}
