/**
 * Windows batch files (`.bat`, `.cmd`): `REM` and `::` comments, `:label` lines, `@` echo-off
 * prefixes, `^` escapes and line continuations, `"…"` quoting (up to the end of the line),
 * `&`, `&&`, `||`, `|` and parenthesised blocks splitting commands, redirections, and
 * `set NAME=value` / `set "NAME=value"` assignments (the value runs to the end of the command,
 * as cmd.exe reads it). `%VAR%` and `!VAR!` are kept verbatim.
 */
import type { ShellAssignment, ShellRedirect, ShellWord } from "./ast.js";
import { makeCommand, type ShellOutput } from "./posix-scanner.js";
import { indexOfWithin, isBlank, isLineBreak, skipLineBreak, type LineIndex } from "../text/line-index.js";
import { plainWord, WordBuilder } from "./word.js";

const CH_QUOTE = 34;
const CH_PERCENT = 37;
const CH_AMP = 38;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_COLON = 58;
const CH_LT = 60;
const CH_GT = 62;
const CH_AT = 64;
const CH_CARET = 94;
const CH_PIPE = 124;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const PERCENT_TILDE_MODIFIER = /[A-Za-z$:]/u;

export function parseBatch(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  new BatchScanner(text, lines, out).scan(textStart);
}

class BatchScanner {
  readonly text: string;
  readonly lines: LineIndex;
  readonly out: ShellOutput;
  #words: ShellWord[] = [];
  #assignments: ShellAssignment[] = [];
  #redirects: ShellRedirect[] = [];
  #depth = 0;

  constructor(text: string, lines: LineIndex, out: ShellOutput) {
    this.text = text;
    this.lines = lines;
    this.out = out;
  }

  #end(terminator: string | null): void {
    const command = makeCommand(
      { words: this.#words, assignments: this.#assignments, redirects: this.#redirects, terminator },
      null,
      this.lines,
    );
    if (command !== null) this.out.commands.push(command);
    this.#words = [];
    this.#assignments = [];
    this.#redirects = [];
  }

  #lineEnd(pos: number): number {
    let at = pos;
    while (at < this.text.length && !isLineBreak(this.text.charCodeAt(at))) at++;
    return at;
  }

  #comment(markerStart: number, markerEnd: number): number {
    const end = this.#lineEnd(markerEnd);
    this.out.comments.push({
      type: "ShellComment",
      marker: this.text.slice(markerStart, markerEnd),
      value: this.text.slice(markerEnd, end),
      ...this.lines.span(markerStart, end),
    });
    return end;
  }

  /** At a command start: comments, labels and `set`; returns the offset to continue from. */
  #commandStart(start: number, atLineStart: boolean): number {
    const { text } = this;
    let pos = start;
    while (pos < text.length && (isBlank(text.charCodeAt(pos)) || text.charCodeAt(pos) === CH_AT)) pos++;
    if (text.charCodeAt(pos) === CH_COLON) {
      if (text.charCodeAt(pos + 1) === CH_COLON) return this.#comment(pos, pos + 2);
      if (atLineStart) return this.#lineEnd(pos); // a label
    }
    const word = text.slice(pos, pos + 4).toLowerCase();
    if (word.startsWith("rem")) {
      const after = text.charCodeAt(pos + 3);
      if (pos + 3 >= text.length || isBlank(after) || isLineBreak(after)) return this.#comment(pos, pos + 3);
    }
    if (word === "set " || word === "set\t") {
      const handled = this.#set(pos);
      if (handled !== -1) return handled;
    }
    return pos;
  }

  /** `set NAME=value` / `set "NAME=value"` at `start`; -1 when it is not an assignment. */
  #set(start: number): number {
    const { text, lines } = this;
    let pos = start + 3;
    while (pos < text.length && isBlank(text.charCodeAt(pos))) pos++;
    const lineEnd = this.#lineEnd(pos);
    const first = text.charCodeAt(pos);
    if (first === 47 || pos >= lineEnd) return -1; // `set /a`, `set /p`, bare `set`
    const setWord = plainWord(text, start, start + 3, lines);
    if (first === CH_QUOTE) {
      const equals = indexOfWithin(text, "=", pos, lineEnd);
      const close = text.lastIndexOf('"', lineEnd - 1);
      if (equals === -1 || close <= equals) return -1;
      const builder = new WordBuilder(text, equals + 1);
      builder.literal(equals + 1, close);
      markPercent(text, builder, equals + 1, close);
      const value = close > equals + 1 ? builder.finish(close, lines) : null;
      this.#words.push(setWord);
      this.#assignments.push({
        type: "ShellAssignment",
        kind: "batch-set",
        name: text.slice(pos + 1, equals),
        nameRange: [pos + 1, equals],
        operator: "=",
        value,
        ...lines.span(pos + 1, value === null ? equals + 1 : close),
      });
      return close + 1;
    }
    let equals = pos;
    while (equals < lineEnd) {
      const code = text.charCodeAt(equals);
      if (code === 61 || code === CH_AMP || code === CH_PIPE || code === CH_LT || code === CH_GT) break;
      equals++;
    }
    if (text.charCodeAt(equals) !== 61 || equals === pos) return -1;
    const builder = new WordBuilder(text, equals + 1);
    let at = equals + 1;
    let end = at;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (isLineBreak(code) || code === CH_AMP || code === CH_PIPE || code === CH_LT || code === CH_GT) break;
      if (code === CH_RPAREN && this.#depth > 0) break;
      if (code === CH_CARET && at + 1 < text.length) {
        if (isLineBreak(text.charCodeAt(at + 1))) {
          at = skipLineBreak(text, at + 1);
          continue;
        }
        builder.mapped(text.charAt(at + 1), at, at + 2);
        at += 2;
        end = at;
        continue;
      }
      if (code === CH_PERCENT) {
        const close = percentEnd(text, at);
        if (close !== -1) {
          builder.expansion(at, close);
          at = close;
          end = at;
          continue;
        }
      }
      builder.literal(at, at + 1);
      at++;
      end = at;
    }
    const value = end > equals + 1 ? builder.finish(end, lines) : null;
    this.#words.push(setWord);
    this.#assignments.push({
      type: "ShellAssignment",
      kind: "batch-set",
      name: text.slice(pos, equals),
      nameRange: [pos, equals],
      operator: "=",
      value,
      ...lines.span(pos, value === null ? equals + 1 : end),
    });
    return end;
  }

  scan(start: number): void {
    const { text } = this;
    let pos = this.#commandStart(start, true);
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (isBlank(code)) {
        pos++;
        continue;
      }
      if (code === CH_CARET && isLineBreak(text.charCodeAt(pos + 1))) {
        pos = skipLineBreak(text, pos + 1);
        continue;
      }
      if (isLineBreak(code)) {
        this.#end(null);
        pos = this.#commandStart(skipLineBreak(text, pos), true);
        continue;
      }
      if (code === CH_AMP || code === CH_PIPE) {
        const double = text.charCodeAt(pos + 1) === code;
        const operator = double ? text.slice(pos, pos + 2) : text.charAt(pos);
        this.#end(operator);
        pos = this.#commandStart(pos + operator.length, false);
        continue;
      }
      if (code === CH_LPAREN && this.#words.length === 0) {
        this.#end(null);
        this.#depth++;
        pos = this.#commandStart(pos + 1, false);
        continue;
      }
      if (code === CH_LPAREN && this.#words.length > 0 && isBlank(text.charCodeAt(pos - 1))) {
        // `if … (` / `for … do (`: the block's commands are separate.
        this.#end(null);
        this.#depth++;
        pos = this.#commandStart(pos + 1, false);
        continue;
      }
      if (code === CH_RPAREN && this.#depth > 0) {
        this.#end(null);
        this.#depth--;
        pos++;
        continue;
      }
      if (code === CH_LT || code === CH_GT || (isDigit(code) && (text.charCodeAt(pos + 1) === CH_GT || text.charCodeAt(pos + 1) === CH_LT))) {
        pos = this.#redirect(pos);
        continue;
      }
      const { word, end } = this.#word(pos);
      this.#words.push(word);
      pos = end;
    }
    this.#end(null);
  }

  #redirect(start: number): number {
    const { text, lines } = this;
    let pos = start;
    if (isDigit(text.charCodeAt(pos))) pos++;
    pos++;
    if (text.charCodeAt(pos) === CH_GT || text.charCodeAt(pos) === CH_AMP) pos++;
    const operator = text.slice(start, pos);
    while (pos < text.length && isBlank(text.charCodeAt(pos))) pos++;
    let target: ShellWord | null = null;
    const code = text.charCodeAt(pos);
    if (pos < text.length && !isLineBreak(code) && code !== CH_AMP && code !== CH_PIPE && code !== CH_LT && code !== CH_GT) {
      const parsed = this.#word(pos);
      target = parsed.word;
      pos = parsed.end;
    }
    this.#redirects.push({
      type: "ShellRedirect",
      operator,
      target,
      heredoc: null,
      ...lines.span(start, target === null ? start + operator.length : target.range[1]),
    });
    return pos;
  }

  #word(start: number): { word: ShellWord; end: number } {
    const { text, lines } = this;
    const builder = new WordBuilder(text, start);
    let pos = start;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (isBlank(code) || isLineBreak(code) || code === CH_AMP || code === CH_PIPE || code === CH_LT || code === CH_GT) break;
      if (code === CH_RPAREN && this.#depth > 0) break;
      if (code === CH_CARET) {
        if (pos + 1 >= text.length) {
          pos++;
          continue;
        }
        if (isLineBreak(text.charCodeAt(pos + 1))) {
          pos = skipLineBreak(text, pos + 1);
          continue;
        }
        builder.mapped(text.charAt(pos + 1), pos, pos + 2);
        pos += 2;
        continue;
      }
      if (code === CH_QUOTE) {
        builder.quoted = true;
        let close = pos + 1;
        while (close < text.length && text.charCodeAt(close) !== CH_QUOTE && !isLineBreak(text.charCodeAt(close))) close++;
        builder.literal(pos + 1, close);
        markPercent(text, builder, pos + 1, close);
        pos = text.charCodeAt(close) === CH_QUOTE ? close + 1 : close;
        continue;
      }
      if (code === CH_PERCENT) {
        const end = percentEnd(text, pos);
        if (end !== -1) {
          builder.expansion(pos, end);
          pos = end;
          continue;
        }
      }
      builder.literal(pos, pos + 1);
      pos++;
    }
    return { word: builder.finish(pos, lines), end: pos };
  }
}

/** The end of a `%VAR%`, `%~dp0`, `%1` or `%*` expansion at `pos`, or -1. */
function percentEnd(text: string, pos: number): number {
  const next = text.charCodeAt(pos + 1);
  if (isDigit(next) || next === 42) return pos + 2;
  if (next === 126) {
    let at = pos + 2;
    while (at < text.length && PERCENT_TILDE_MODIFIER.test(text.charAt(at)) && !isDigit(text.charCodeAt(at))) at++;
    return isDigit(text.charCodeAt(at)) ? at + 1 : -1;
  }
  let at = pos + 1;
  while (at < text.length && !isBlank(text.charCodeAt(at)) && !isLineBreak(text.charCodeAt(at)) && text.charCodeAt(at) !== CH_PERCENT) at++;
  return text.charCodeAt(at) === CH_PERCENT && at > pos + 1 ? at + 1 : -1;
}

/** Inside quotes, `%VAR%` still expands: mark the word as having an expansion. */
function markPercent(text: string, builder: WordBuilder, from: number, to: number): void {
  const percent = indexOfWithin(text, "%", from, to);
  if (percent !== -1) {
    const end = percentEnd(text, percent);
    if (end !== -1 && end <= to) builder.expansion(to, to);
  }
}
