/**
 * PowerShell scripts (`.ps1`, `.psm1`): statements split at line ends, `;`, `|`, `&&`, `||` and
 * braces; backtick escapes and line continuations; `'…'` (`''`), `"…"` (backtick escapes, `""`),
 * here-strings `@"…"@` / `@'…'@`; `$( … )`, `@( … )`, `@{ … }` and `( … )` kept verbatim in
 * their word; `#` and `<# … #>` comments; the `&` and `.` invocation operators dropped; and
 * `$env:NAME = …` / `$name = …` assignments (the value is the first token after the operator).
 */
import type { ShellAssignment, ShellRedirect, ShellWord } from "./ast.js";
import { makeCommand, type ShellOutput } from "./posix-scanner.js";
import { indexOfWithin, isBlank, isLineBreak, skipLineBreak, type LineIndex } from "../text/line-index.js";
import { WordBuilder } from "./word.js";

const CH_DQUOTE = 34;
const CH_HASH = 35;
const CH_DOLLAR = 36;
const CH_AMP = 38;
const CH_SQUOTE = 39;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_DOT = 46;
const CH_COLON = 58;
const CH_SEMI = 59;
const CH_LT = 60;
const CH_EQ = 61;
const CH_GT = 62;
const CH_AT = 64;
const CH_BACKTICK = 96;
const CH_LBRACE = 123;
const CH_PIPE = 124;
const CH_RBRACE = 125;

const ESCAPES: Record<string, string> = { "0": "\0", a: "\u0007", b: "\b", e: "\u001b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
const ASSIGNMENT_OPERATORS = ["??=", "+=", "-=", "*=", "/=", "%=", "="];

const isNameChar = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;

export function parsePowerShell(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  new PowerShellScanner(text, lines, out).scan(textStart);
}

class PowerShellScanner {
  readonly text: string;
  readonly lines: LineIndex;
  readonly out: ShellOutput;
  #words: ShellWord[] = [];
  #assignments: ShellAssignment[] = [];
  #redirects: ShellRedirect[] = [];
  /** Where strings end: the text's end, or a line end while an unterminated string is re-read. */
  #limit: number;
  /** Offset of each `(` / `{` seen by `#balanced` → offset after its closer, or -1. */
  #balancedEnds = new Map<number, number>();

  constructor(text: string, lines: LineIndex, out: ShellOutput) {
    this.text = text;
    this.lines = lines;
    this.out = out;
    this.#limit = text.length;
  }

  get #empty(): boolean {
    return this.#words.length + this.#assignments.length + this.#redirects.length === 0;
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

  #problem(start: number, end: number, message: string): void {
    this.out.problems.push({ message, ...this.lines.span(start, end) });
  }

  scan(start: number): void {
    const { text } = this;
    let pos = start;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      const next = text.charCodeAt(pos + 1);
      if (isBlank(code)) {
        pos++;
        continue;
      }
      if (code === CH_BACKTICK && isLineBreak(next)) {
        pos = skipLineBreak(text, pos + 1);
        continue;
      }
      if (isLineBreak(code)) {
        this.#end(null);
        pos = skipLineBreak(text, pos);
        continue;
      }
      if (code === CH_HASH) {
        let end = pos;
        while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
        this.#comment(pos, pos + 1, end, end);
        pos = end;
        continue;
      }
      if (code === CH_LT && next === CH_HASH) {
        const close = text.indexOf("#>", pos + 2);
        if (close === -1) {
          this.#problem(pos, pos + 2, "Unterminated block comment: no \"#>\" closes it.");
          this.#comment(pos, pos + 2, text.length, text.length);
          pos = text.length;
        } else {
          this.#comment(pos, pos + 2, close, close + 2);
          pos = close + 2;
        }
        continue;
      }
      if (code === CH_SEMI) {
        this.#end(";");
        pos++;
        continue;
      }
      if (code === CH_PIPE) {
        const operator = next === CH_PIPE ? "||" : "|";
        this.#end(operator);
        pos += operator.length;
        continue;
      }
      if (code === CH_AMP) {
        if (next === CH_AMP) {
          this.#end("&&");
          pos += 2;
        } else if (this.#empty) {
          pos++; // the call operator
        } else {
          this.#end("&");
          pos++;
        }
        continue;
      }
      if (code === CH_LBRACE || code === CH_RBRACE) {
        this.#end(null);
        pos++;
        continue;
      }
      if (code === CH_RPAREN) {
        pos++;
        continue;
      }
      if (code === CH_DOT && this.#empty && (isBlank(next) || next === CH_DQUOTE || next === CH_SQUOTE)) {
        pos++; // dot-sourcing
        continue;
      }
      if (code === CH_GT || code === CH_LT || ((code === 42 || (code >= 48 && code <= 57)) && next === CH_GT)) {
        pos = this.#redirect(pos);
        continue;
      }
      if (code === CH_DOLLAR && this.#empty) {
        const assigned = this.#assignment(pos);
        if (assigned !== -1) {
          pos = assigned;
          continue;
        }
      }
      const { word, end } = this.#word(pos);
      this.#words.push(word);
      pos = end;
    }
    this.#end(null);
  }

  #comment(start: number, valueStart: number, valueEnd: number, end: number): void {
    this.out.comments.push({
      type: "ShellComment",
      marker: this.text.slice(start, valueStart),
      value: this.text.slice(valueStart, valueEnd),
      ...this.lines.span(start, end),
    });
  }

  /** `$env:NAME = value` / `${env:NAME} = value` / `$name += value` at `start`; -1 if not one. */
  #assignment(start: number): number {
    const { text, lines } = this;
    let pos = start + 1;
    let nameStart: number;
    let nameEnd: number;
    let scope = "";
    if (text.charCodeAt(pos) === CH_LBRACE) {
      const close = indexOfWithin(text, "}", pos, this.#lineEnd(pos));
      if (close === -1) return -1;
      const colon = indexOfWithin(text, ":", pos, close);
      nameStart = colon !== -1 ? colon + 1 : pos + 1;
      scope = colon !== -1 ? text.slice(pos + 1, colon) : "";
      nameEnd = close;
      pos = close + 1;
    } else {
      const first = pos;
      while (isNameChar(text.charCodeAt(pos))) pos++;
      if (pos === first) return -1;
      nameStart = first;
      if (text.charCodeAt(pos) === CH_COLON && isNameChar(text.charCodeAt(pos + 1))) {
        scope = text.slice(first, pos);
        nameStart = pos + 1;
        pos++;
        while (isNameChar(text.charCodeAt(pos))) pos++;
      }
      nameEnd = pos;
    }
    const target = pos;
    while (isBlank(text.charCodeAt(pos))) pos++;
    const operator = ASSIGNMENT_OPERATORS.find((candidate) => text.startsWith(candidate, pos));
    if (operator === undefined || text.charCodeAt(pos + operator.length) === CH_EQ) return -1;
    pos += operator.length;
    while (isBlank(text.charCodeAt(pos)) || (text.charCodeAt(pos) === CH_BACKTICK && isLineBreak(text.charCodeAt(pos + 1)))) {
      pos = text.charCodeAt(pos) === CH_BACKTICK ? skipLineBreak(text, pos + 1) : pos + 1;
    }
    let value: ShellWord | null = null;
    const code = text.charCodeAt(pos);
    if (pos < text.length && !isLineBreak(code) && code !== CH_SEMI && code !== CH_PIPE && code !== CH_HASH) {
      const parsed = this.#word(pos);
      value = parsed.word;
      pos = parsed.end;
    }
    const isEnv = scope.toLowerCase() === "env";
    this.#assignments.push({
      type: "ShellAssignment",
      kind: isEnv ? "powershell-env" : "powershell-variable",
      name: text.slice(nameStart, nameEnd),
      nameRange: [nameStart, nameEnd],
      operator,
      value,
      ...lines.span(start, value === null ? target : value.range[1]),
    });
    return pos;
  }

  #redirect(start: number): number {
    const { text, lines } = this;
    let pos = start;
    if (text.charCodeAt(pos) !== CH_GT && text.charCodeAt(pos) !== CH_LT) pos++;
    pos++;
    if (text.charCodeAt(pos) === CH_GT) pos++;
    else if (text.charCodeAt(pos) === CH_AMP && text.charCodeAt(pos + 1) >= 48 && text.charCodeAt(pos + 1) <= 57) pos += 2;
    const operator = text.slice(start, pos);
    while (isBlank(text.charCodeAt(pos))) pos++;
    let target: ShellWord | null = null;
    const code = text.charCodeAt(pos);
    if (!operator.endsWith("1") && !operator.endsWith("2") && pos < text.length && !isLineBreak(code) && code !== CH_SEMI && code !== CH_PIPE) {
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
      if (
        isBlank(code) ||
        isLineBreak(code) ||
        code === CH_SEMI ||
        code === CH_PIPE ||
        code === CH_AMP ||
        code === CH_LBRACE ||
        code === CH_RBRACE ||
        code === CH_RPAREN ||
        code === CH_GT ||
        code === CH_LT
      ) {
        break;
      }
      const next = text.charCodeAt(pos + 1);
      if (code === CH_BACKTICK) {
        if (isLineBreak(next)) {
          pos = skipLineBreak(text, pos + 1);
          continue;
        }
        if (pos + 1 < text.length) {
          builder.mapped(text.charAt(pos + 1), pos, pos + 2);
          pos += 2;
          continue;
        }
      }
      if (code === CH_SQUOTE) {
        builder.quoted = true;
        pos = this.#singleQuoted(pos, builder);
        continue;
      }
      if (code === CH_DQUOTE) {
        builder.quoted = true;
        pos = this.#doubleQuoted(pos, builder);
        continue;
      }
      if (code === CH_AT && (next === CH_DQUOTE || next === CH_SQUOTE) && isHereStringStart(text, pos + 2)) {
        builder.quoted = true;
        pos = this.#hereString(pos, builder);
        continue;
      }
      if ((code === CH_AT || code === CH_DOLLAR) && (next === CH_LPAREN || next === CH_LBRACE)) {
        const end = this.#balanced(pos + 1);
        builder.expansion(pos, end);
        pos = end;
        continue;
      }
      if (code === CH_LPAREN) {
        const end = this.#balanced(pos);
        builder.expansion(pos, end);
        pos = end;
        continue;
      }
      if (code === CH_DOLLAR && (isNameChar(next) || next === CH_DOLLAR || next === 63)) {
        const end = variableEnd(text, pos);
        builder.expansion(pos, end);
        pos = end;
        continue;
      }
      builder.literal(pos, pos + 1);
      pos++;
    }
    return { word: builder.finish(pos, lines), end: pos };
  }

  /** The end of the line holding `pos` (before its line break). */
  #lineEnd(pos: number): number {
    let at = pos;
    while (at < this.text.length && !isLineBreak(this.text.charCodeAt(at))) at++;
    return at;
  }

  /**
   * Reads a string with `read` (-1 when it reaches `#limit` unterminated). An unterminated string
   * is read again up to the end of its line and reported, so the lines after it are still read.
   */
  #recovering(start: number, builder: WordBuilder, what: string, read: () => number): number {
    const mark = builder.mark();
    const problems = this.out.problems.length;
    const stop = read();
    if (stop !== -1) return stop;
    builder.reset(mark);
    this.out.problems.length = problems;
    const saved = this.#limit;
    const lineEnd = this.#lineEnd(start);
    this.#limit = lineEnd;
    read();
    this.#limit = saved;
    this.#problem(start, start + 1, `Unterminated ${what}.`);
    return lineEnd;
  }

  #singleQuoted(start: number, builder: WordBuilder): number {
    return this.#recovering(start, builder, "single-quoted string", () => {
      const { text } = this;
      const limit = this.#limit;
      let pos = start + 1;
      while (pos < limit) {
        const close = text.indexOf("'", pos);
        if (close === -1 || close >= limit) break;
        builder.literal(pos, close);
        if (text.charCodeAt(close + 1) === CH_SQUOTE && close + 1 < limit) {
          builder.mapped("'", close, close + 2);
          pos = close + 2;
          continue;
        }
        return close + 1;
      }
      builder.literal(pos, limit);
      return -1;
    });
  }

  #doubleQuoted(start: number, builder: WordBuilder): number {
    return this.#recovering(start, builder, "double-quoted string", () => {
      const { text } = this;
      const limit = this.#limit;
      let pos = start + 1;
      while (pos < limit) {
        const code = text.charCodeAt(pos);
        const next = pos + 1 < limit ? text.charCodeAt(pos + 1) : -1;
        if (code === CH_DQUOTE) {
          if (next === CH_DQUOTE) {
            builder.mapped('"', pos, pos + 2);
            pos += 2;
            continue;
          }
          return pos + 1;
        }
        if (code === CH_BACKTICK && next !== -1) {
          const escaped = text.charAt(pos + 1);
          builder.mapped(ESCAPES[escaped] ?? escaped, pos, pos + 2);
          pos += 2;
          continue;
        }
        if (code === CH_DOLLAR && next === CH_LPAREN) {
          const end = Math.min(this.#balanced(pos + 1), limit);
          builder.expansion(pos, end);
          pos = end;
          continue;
        }
        if (code === CH_DOLLAR && (isNameChar(next) || next === CH_LBRACE)) {
          const end = Math.min(variableEnd(text, pos), limit);
          builder.expansion(pos, end);
          pos = end;
          continue;
        }
        builder.literal(pos, pos + 1);
        pos++;
      }
      return -1;
    });
  }

  /** `@"` / `@'` at `start`, content from the next line to a line starting with `"@` / `'@`. */
  #hereString(start: number, builder: WordBuilder): number {
    const { text, lines } = this;
    const quote = text.charAt(start + 1);
    const firstLine = lines.lineIndexOf(start);
    const contentStart = lines.lineStart(firstLine + 1);
    for (let line = firstLine + 1; line < lines.lineCount; line++) {
      const lineStart = lines.lineStart(line);
      if (text.charAt(lineStart) === quote && text.charCodeAt(lineStart + 1) === CH_AT) {
        // The content excludes the line break before the closing line.
        let contentEnd = lineStart;
        if (contentEnd > contentStart && text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
        if (contentEnd > contentStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
        this.#hereContent(quote, contentStart, Math.max(contentStart, contentEnd), builder);
        return lineStart + 2;
      }
    }
    this.#problem(start, start + 2, `Unterminated here-string: no line starting with ${quote}@ closes it.`);
    this.#hereContent(quote, Math.min(contentStart, text.length), text.length, builder);
    return text.length;
  }

  #hereContent(quote: string, from: number, to: number, builder: WordBuilder): void {
    if (quote === "'") {
      builder.literal(from, to);
      return;
    }
    let pos = from;
    while (pos < to) {
      const code = this.text.charCodeAt(pos);
      if (code === CH_BACKTICK && pos + 1 < to) {
        const escaped = this.text.charAt(pos + 1);
        builder.mapped(ESCAPES[escaped] ?? escaped, pos, pos + 2);
        pos += 2;
        continue;
      }
      if (code === CH_DOLLAR && (this.text.charCodeAt(pos + 1) === CH_LPAREN || isNameChar(this.text.charCodeAt(pos + 1)) || this.text.charCodeAt(pos + 1) === CH_LBRACE)) {
        const end = Math.min(this.text.charCodeAt(pos + 1) === CH_LPAREN ? this.#balanced(pos + 1) : variableEnd(this.text, pos), to);
        builder.expansion(pos, end);
        pos = end;
        continue;
      }
      builder.literal(pos, pos + 1);
      pos++;
    }
  }

  /**
   * From an opening `(` or `{` at `start`, the offset after its matching closer (strings skipped).
   * Where every bracket opened during a scan closes is remembered, so one that is met again after
   * the recovery from an unterminated one is not scanned again (linear time on hostile input).
   */
  #balanced(start: number): number {
    const { text } = this;
    let closed = this.#balancedEnds.get(start);
    if (closed === undefined) closed = this.#scanBalanced(start);
    if (closed !== -1) return closed;
    // Unterminated: the construct ends with its line, so the lines after it are still read.
    this.#problem(start, start + 1, `Unterminated "${text.charAt(start)}": no matching closer.`);
    return this.#lineEnd(start);
  }

  #scanBalanced(start: number): number {
    const { text } = this;
    const ends = this.#balancedEnds;
    const closers: number[] = [];
    const opens: number[] = [];
    let pos = start;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (code === CH_LPAREN || code === CH_LBRACE) {
        closers.push(code === CH_LPAREN ? CH_RPAREN : CH_RBRACE);
        opens.push(pos);
      } else if (code === CH_RPAREN || code === CH_RBRACE) {
        if (closers[closers.length - 1] === code) {
          closers.pop();
          ends.set(opens.pop() as number, pos + 1);
        }
        if (closers.length === 0) return pos + 1;
      } else if (code === CH_BACKTICK) pos++;
      else if (code === CH_SQUOTE) {
        const close = text.indexOf("'", pos + 1);
        pos = close === -1 ? text.length : close;
      } else if (code === CH_DQUOTE) {
        let at = pos + 1;
        while (at < text.length && text.charCodeAt(at) !== CH_DQUOTE) at += text.charCodeAt(at) === CH_BACKTICK ? 2 : 1;
        pos = at;
      }
      pos++;
    }
    for (const open of opens) ends.set(open, -1);
    return -1;
  }
}

/** `@"` / `@'` must be followed by the end of the line (blanks allowed) to open a here-string. */
function isHereStringStart(text: string, at: number): boolean {
  let pos = at;
  while (isBlank(text.charCodeAt(pos))) pos++;
  return pos >= text.length || isLineBreak(text.charCodeAt(pos));
}

/** The end of `$name`, `$scope:name`, `${…}`, `$$`, `$?` at `start`. */
function variableEnd(text: string, start: number): number {
  const next = text.charCodeAt(start + 1);
  if (next === CH_LBRACE) {
    let lineEnd = start + 2;
    while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    const close = indexOfWithin(text, "}", start + 2, lineEnd);
    return close === -1 ? lineEnd : close + 1;
  }
  if (next === CH_DOLLAR || next === 63) return start + 2;
  let pos = start + 1;
  while (isNameChar(text.charCodeAt(pos))) pos++;
  if (text.charCodeAt(pos) === CH_COLON && isNameChar(text.charCodeAt(pos + 1))) {
    pos++;
    while (isNameChar(text.charCodeAt(pos))) pos++;
  }
  return pos;
}
