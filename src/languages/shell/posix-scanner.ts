/**
 * The POSIX shell scanner (sh/bash, and the shell inside Dockerfile RUN, Makefile recipes and CI
 * YAML scripts). It walks a region of the original text, never a copy, so every node's range is
 * a source range: quotes, escapes and `\`+newline continuations are mapped, not rewritten.
 *
 * It splits commands at newlines and `&&`, `||`, `;`, `|`, `&`, `(`, `)`; keeps `$( … )`,
 * `${ … }` and backticks verbatim inside their word; reads here-documents as text; and never
 * throws: an unterminated quote or here-document is reported as a problem and runs to the end of
 * the region. Runs in linear time (nested substitutions are skipped with an explicit stack).
 */
import type { ShellAssignment, ShellCommand, ShellComment, ShellHeredoc, ShellRedirect, ShellWord } from "./ast.js";
import type { ParseProblem } from "../text/text-source-code.js";
import { indexOfWithin, isBlank, isLineBreak, skipLineBreak, type LineIndex } from "../text/line-index.js";
import { sliceWord, WordBuilder } from "./word.js";

/** Where the nodes found by the scanners go (in source order). */
export interface ShellOutput {
  commands: ShellCommand[];
  comments: ShellComment[];
  problems: ParseProblem[];
}

export interface PosixRegion {
  start: number;
  /** Tokens never extend past `end`. */
  end: number;
  /** Here-document bodies may extend up to here (default `end`). */
  heredocLimit?: number;
  construct: string | null;
  /** Whether a line break ends a command; a function decides per break (given the next line's start). */
  newlineTerminates?: boolean | ((nextLineStart: number) => boolean);
  /** Source characters at the start of each line inside the region that the shell never sees. */
  linePrefix?: (lineStart: number) => number;
  heredocs?: boolean;
  /** The line-continuation character (`\`, or `` ` `` for a Dockerfile with `# escape=``). */
  escape?: "\\" | "`";
  /** Dockerfile: after a continuation, whole comment lines and empty lines are dropped. */
  dropCommentLines?: boolean;
  /** Dockerfile: blanks may follow the continuation character before the line break. */
  looseContinuation?: boolean;
}

const RESERVED_SKIPPED = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!", "time"]);
const EXPORT_LIKE = new Set(["export", "declare", "typeset", "readonly", "local", "env"]);

const CH_TAB = 9;
const CH_SPACE = 32;
const CH_BANG = 33;
const CH_DQUOTE = 34;
const CH_HASH = 35;
const CH_DOLLAR = 36;
const CH_AMP = 38;
const CH_SQUOTE = 39;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_PLUS = 43;
const CH_MINUS = 45;
const CH_SEMI = 59;
const CH_LT = 60;
const CH_EQ = 61;
const CH_GT = 62;
const CH_LBRACKET = 91;
const CH_BACKSLASH = 92;
const CH_RBRACKET = 93;
const CH_BACKTICK = 96;
const CH_LBRACE = 123;
const CH_PIPE = 124;
const CH_RBRACE = 125;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isNameStart = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isNameChar = (code: number): boolean => isNameStart(code) || isDigit(code);
/** Characters that end an unquoted word. */
const isMeta = (code: number): boolean =>
  code === CH_SPACE ||
  code === CH_TAB ||
  code === 10 ||
  code === 13 ||
  code === CH_SEMI ||
  code === CH_AMP ||
  code === CH_PIPE ||
  code === CH_LPAREN ||
  code === CH_RPAREN ||
  code === CH_LT ||
  code === CH_GT;
/** `$` followed by one of these is a special parameter (`$?`, `$#`, `$1` …). */
const isSpecialParameter = (code: number): boolean =>
  isDigit(code) || code === 64 || code === 42 || code === CH_HASH || code === 63 || code === CH_MINUS || code === CH_DOLLAR || code === CH_BANG;

interface CommandDraft {
  words: ShellWord[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  terminator: string | null;
}

interface PendingHeredoc {
  redirect: ShellRedirect;
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
}

const enum Nest {
  Paren,
  Brace,
  DoubleQuote,
  Backtick,
}

/** Builds a ShellCommand from its parts (range: from the first part to the last). */
export function makeCommand(draft: CommandDraft, construct: string | null, lines: LineIndex): ShellCommand | null {
  let start = Infinity;
  let end = -Infinity;
  for (const list of [draft.words, draft.assignments, draft.redirects] as { range: [number, number] }[][]) {
    for (const node of list) {
      if (node.range[0] < start) start = node.range[0];
      if (node.range[1] > end) end = node.range[1];
    }
  }
  if (start === Infinity) return null;
  return {
    type: "ShellCommand",
    words: draft.words,
    assignments: draft.assignments,
    redirects: draft.redirects,
    terminator: draft.terminator,
    construct,
    ...lines.span(start, end),
  };
}

/**
 * If `word` is `NAME=value` / `NAME+=value` / `NAME[i]=value` with a plain unquoted name, the
 * assignment; otherwise `null`.
 */
export function assignmentFromWord(
  word: ShellWord,
  kind: ShellAssignment["kind"],
  text: string,
  lines: LineIndex,
): ShellAssignment | null {
  const start = word.range[0];
  const end = word.range[1];
  let at = start;
  if (!isNameStart(text.charCodeAt(at))) return null;
  while (at < end && isNameChar(text.charCodeAt(at))) at++;
  const nameEnd = at;
  if (text.charCodeAt(at) === CH_LBRACKET) {
    const close = indexOfWithin(text, "]", at, end);
    if (close === -1) return null;
    at = close + 1;
  }
  let operator = "=";
  if (text.charCodeAt(at) === CH_PLUS) {
    operator = "+=";
    at++;
  }
  if (text.charCodeAt(at) !== CH_EQ || at >= end) return null;
  const operatorEnd = at + 1;
  // The name and operator are plain characters, so their value length equals their source length.
  return {
    type: "ShellAssignment",
    kind,
    name: text.slice(start, nameEnd),
    nameRange: [start, nameEnd],
    operator,
    value: sliceWord(word, operatorEnd - start, operatorEnd, text, lines),
    ...lines.span(start, end),
  };
}

export class PosixScanner {
  readonly text: string;
  readonly lines: LineIndex;
  readonly out: ShellOutput;
  #region!: Required<Omit<PosixRegion, "newlineTerminates" | "linePrefix">> & {
    newlineTerminates: boolean | ((nextLineStart: number) => boolean);
    linePrefix: ((lineStart: number) => number) | undefined;
  };
  #escape = CH_BACKSLASH;
  /** Where tokens end: the region's end, or a line end while an unterminated quote is re-read. */
  #end = 0;
  #draft: CommandDraft = { words: [], assignments: [], redirects: [], terminator: null };
  #pending: PendingHeredoc[] = [];
  #deferred: CommandDraft[] = [];
  #builder: WordBuilder;
  /** Content start of each `$(`, `${`, backtick … seen → offset after its closer, or -1 (see `#nested`). */
  #nestedEnds = new Map<number, number>();

  constructor(text: string, lines: LineIndex, out: ShellOutput) {
    this.text = text;
    this.lines = lines;
    this.out = out;
    this.#builder = new WordBuilder(text, 0);
  }

  /** Scans a region; returns the offset where scanning stopped (past any here-document bodies). */
  scan(region: PosixRegion): number {
    this.#region = {
      start: region.start,
      end: region.end,
      heredocLimit: Math.max(region.heredocLimit ?? region.end, region.end),
      construct: region.construct,
      newlineTerminates: region.newlineTerminates ?? true,
      linePrefix: region.linePrefix,
      heredocs: region.heredocs ?? true,
      escape: region.escape ?? "\\",
      dropCommentLines: region.dropCommentLines ?? false,
      looseContinuation: region.looseContinuation ?? false,
    };
    this.#escape = this.#region.escape === "`" ? CH_BACKTICK : CH_BACKSLASH;
    this.#end = region.end;
    this.#draft = { words: [], assignments: [], redirects: [], terminator: null };
    this.#pending = [];
    this.#deferred = [];
    this.#nestedEnds = new Map();
    const { text } = this;
    const end = this.#end;
    let pos = region.start;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (isBlank(code)) {
        pos++;
        continue;
      }
      if (code === this.#escape) {
        const lineBreak = this.#continuationBreak(pos);
        if (lineBreak !== -1) {
          pos = this.#afterContinuation(lineBreak);
          continue;
        }
      }
      if (isLineBreak(code)) {
        pos = this.#newline(pos);
        continue;
      }
      if (code === CH_HASH) {
        pos = this.#comment(pos);
        continue;
      }
      const operator = this.#operatorAt(pos);
      if (operator !== null) {
        this.#endCommand(operator === "(" || operator === ")" ? null : operator);
        pos += operator.length;
        continue;
      }
      if (this.#isRedirectStart(pos)) {
        pos = this.#redirect(pos);
        continue;
      }
      const wordEnd = this.#word(pos);
      pos = wordEnd.end;
      this.#addWord(wordEnd.word);
    }
    this.#endCommand(null);
    let stop = end;
    if (this.#pending.length > 0) {
      // Bodies follow the region's last line only where they may extend past it (a Dockerfile RUN
      // line); otherwise (a YAML scalar ends at its last line's content) they are empty, at `end`.
      if (end < this.#region.heredocLimit && isLineBreak(text.charCodeAt(end)) && this.#region.heredocs) {
        stop = this.#readHeredocs(skipLineBreak(text, end));
      } else {
        for (const pending of this.#pending) this.#closeHeredoc(pending, end, end, end, false);
        this.#pending = [];
      }
    }
    this.#flushDeferred();
    return stop;
  }

  // ---------------------------------------------------------------------------------------------
  // Lines, comments, operators

  /** Offset after a line break at `pos` and after the line prefix the shell does not see. */
  #nextLine(pos: number): number {
    const next = skipLineBreak(this.text, pos);
    const prefix = this.#region.linePrefix;
    return prefix === undefined || next >= this.#end ? next : prefix(next);
  }

  /** If the escape character at `pos` continues the line, the offset of the line break; else -1. */
  #continuationBreak(pos: number): number {
    const { text } = this;
    const end = this.#end;
    let at = pos + 1;
    if (this.#region.looseContinuation) while (at < end && isBlank(text.charCodeAt(at))) at++;
    return at < end && isLineBreak(text.charCodeAt(at)) ? at : -1;
  }

  /** After `\` + line break (the break is at `breakAt`): the continuation's next offset. */
  #afterContinuation(breakAt: number): number {
    let pos = this.#nextLine(breakAt);
    if (!this.#region.dropCommentLines) return pos;
    const { text } = this;
    const end = this.#end;
    for (;;) {
      let at = pos;
      while (at < end && isBlank(text.charCodeAt(at))) at++;
      if (at < end && text.charCodeAt(at) === CH_HASH) {
        const lineEnd = this.#lineContentEnd(at);
        this.#pushComment(at, lineEnd, 1);
        if (lineEnd >= end) return lineEnd;
        pos = this.#nextLine(lineEnd);
      } else if (at < end && isLineBreak(text.charCodeAt(at))) {
        pos = this.#nextLine(at);
      } else {
        return pos;
      }
    }
  }

  #lineContentEnd(pos: number): number {
    const { text } = this;
    const end = this.#end;
    let at = pos;
    while (at < end && !isLineBreak(text.charCodeAt(at))) at++;
    return at;
  }

  #pushComment(start: number, end: number, markerLength: number): void {
    const comment: ShellComment = {
      type: "ShellComment",
      marker: this.text.slice(start, start + markerLength),
      value: this.text.slice(start + markerLength, end),
      ...this.lines.span(start, end),
    };
    this.out.comments.push(comment);
  }

  #comment(pos: number): number {
    const end = this.#lineContentEnd(pos);
    this.#pushComment(pos, end, 1);
    return end;
  }

  #newline(pos: number): number {
    const afterBreak = skipLineBreak(this.text, pos);
    const rule = this.#region.newlineTerminates;
    const terminates = typeof rule === "function" ? rule(afterBreak) : rule;
    if (terminates) this.#endCommand(null);
    let next = afterBreak;
    if (this.#pending.length > 0 && this.#region.heredocs) {
      if (!terminates) this.#endCommand(null);
      next = this.#readHeredocs(afterBreak);
      this.#flushDeferred();
      // Heredoc bodies past the region (a Dockerfile RUN line) end the scan.
      if (next >= this.#end) return next;
    }
    const prefix = this.#region.linePrefix;
    return prefix === undefined || next >= this.#end ? next : prefix(next);
  }

  #operatorAt(pos: number): string | null {
    const { text } = this;
    const code = text.charCodeAt(pos);
    const next = text.charCodeAt(pos + 1);
    switch (code) {
      case CH_AMP:
        if (next === CH_AMP) return "&&";
        if (next === CH_GT) return null; // `&>` redirection
        return "&";
      case CH_PIPE:
        if (next === CH_PIPE) return "||";
        if (next === CH_AMP) return "|&";
        return "|";
      case CH_SEMI:
        if (next === CH_SEMI) return text.charCodeAt(pos + 2) === CH_AMP ? ";;&" : ";;";
        if (next === CH_AMP) return ";&";
        return ";";
      case CH_LPAREN:
        return "(";
      case CH_RPAREN:
        return ")";
      default:
        return null;
    }
  }

  #endCommand(terminator: string | null): void {
    const draft = this.#draft;
    if (draft.words.length + draft.assignments.length + draft.redirects.length === 0) return;
    draft.terminator = terminator;
    this.#draft = { words: [], assignments: [], redirects: [], terminator: null };
    if (this.#pending.length > 0 || this.#deferred.length > 0) this.#deferred.push(draft);
    else this.#emit(draft);
  }

  #flushDeferred(): void {
    if (this.#pending.length > 0) return;
    for (const draft of this.#deferred) this.#emit(draft);
    this.#deferred = [];
  }

  #emit(draft: CommandDraft): void {
    const command = makeCommand(draft, this.#region.construct, this.lines);
    if (command !== null) this.out.commands.push(command);
  }

  #addWord(word: ShellWord): void {
    const draft = this.#draft;
    if (draft.words.length === 0) {
      // Reserved words that open/close compound commands, and a pasted `$ ` prompt, are not words.
      if (!word.quoted && (RESERVED_SKIPPED.has(word.raw) || word.raw === "$")) return;
      const assignment = assignmentFromWord(word, "shell", this.text, this.lines);
      if (assignment !== null) {
        draft.assignments.push(assignment);
        return;
      }
    } else {
      const first = draft.words[0] as ShellWord;
      if (!first.quoted && EXPORT_LIKE.has(first.raw)) {
        // `env A=1 cmd …`: only the assignments before the command are env's.
        const isEnv = first.raw === "env";
        if (!isEnv || draft.words.every((w) => w === first || w.value.startsWith("-"))) {
          const assignment = assignmentFromWord(word, "export", this.text, this.lines);
          if (assignment !== null) {
            draft.assignments.push(assignment);
            return;
          }
        }
      }
    }
    draft.words.push(word);
  }

  // ---------------------------------------------------------------------------------------------
  // Redirections and here-documents

  #isRedirectStart(pos: number): boolean {
    const { text } = this;
    let at = pos;
    while (isDigit(text.charCodeAt(at))) at++;
    const code = text.charCodeAt(at);
    if (code === CH_LT || code === CH_GT) {
      // `<( … )` / `>( … )` process substitution is a word.
      return !(at === pos && text.charCodeAt(at + 1) === CH_LPAREN);
    }
    return at === pos && code === CH_AMP && text.charCodeAt(at + 1) === CH_GT;
  }

  #redirect(start: number): number {
    const { text } = this;
    const end = this.#end;
    let at = start;
    while (isDigit(text.charCodeAt(at))) at++;
    const code = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    let op: string;
    if (code === CH_AMP) op = text.charCodeAt(at + 2) === CH_GT ? "&>>" : "&>";
    else if (code === CH_LT) {
      if (next === CH_LT) op = text.charCodeAt(at + 2) === CH_LT ? "<<<" : text.charCodeAt(at + 2) === CH_MINUS ? "<<-" : "<<";
      else if (next === CH_GT) op = "<>";
      else if (next === CH_AMP) op = "<&";
      else op = "<";
    } else if (next === CH_GT) op = ">>";
    else if (next === CH_AMP) op = ">&";
    else if (next === CH_PIPE) op = ">|";
    else op = ">";
    let pos = Math.min(at + op.length, end);
    const operator = text.slice(start, pos);
    while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
    let target: ShellWord | null = null;
    if (pos < end && !isMeta(text.charCodeAt(pos))) {
      const parsed = this.#word(pos);
      target = parsed.word;
      pos = parsed.end;
    }
    const redirect: ShellRedirect = {
      type: "ShellRedirect",
      operator,
      target,
      heredoc: null,
      ...this.lines.span(start, target === null ? start + operator.length : target.range[1]),
    };
    this.#draft.redirects.push(redirect);
    if ((op === "<<" || op === "<<-") && this.#region.heredocs) {
      if (target === null) {
        this.#problem(start, start + operator.length, "Here-document operator without a delimiter word.");
      } else {
        this.#pending.push({ redirect, delimiter: target.value, quoted: target.quoted, stripTabs: op === "<<-" });
      }
    }
    return pos;
  }

  /**
   * Reads the bodies of the pending here-documents, starting at a line start. A body never starts
   * past the limit (a line break that ends the region or the file leaves it empty, at the limit),
   * so a here-document's range never ends before it starts.
   */
  #readHeredocs(start: number): number {
    const { text } = this;
    const limit = this.#region.heredocLimit;
    const prefix = this.#region.linePrefix;
    let pos = Math.min(start, limit);
    for (const pending of this.#pending) {
      const bodyStart = pos;
      let closed = false;
      while (pos < limit) {
        let lineStart = prefix === undefined ? pos : Math.min(prefix(pos), limit);
        let lineEnd = lineStart;
        while (lineEnd < limit && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
        if (pending.stripTabs) while (lineStart < lineEnd && text.charCodeAt(lineStart) === CH_TAB) lineStart++;
        if (lineEnd - lineStart === pending.delimiter.length && text.startsWith(pending.delimiter, lineStart)) {
          this.#closeHeredoc(pending, bodyStart, pos, lineEnd, true);
          pos = lineEnd < limit ? skipLineBreak(text, lineEnd) : lineEnd;
          closed = true;
          break;
        }
        pos = lineEnd < limit ? skipLineBreak(text, lineEnd) : lineEnd;
      }
      if (!closed) {
        this.#closeHeredoc(pending, bodyStart, limit, limit, false);
        pos = limit;
      }
    }
    this.#pending = [];
    return Math.min(pos, limit);
  }

  #closeHeredoc(pending: PendingHeredoc, bodyStart: number, bodyEnd: number, end: number, terminated: boolean): void {
    const heredoc: ShellHeredoc = {
      type: "ShellHeredoc",
      delimiter: pending.delimiter,
      quoted: pending.quoted,
      stripTabs: pending.stripTabs,
      body: this.text.slice(bodyStart, bodyEnd),
      bodyRange: [bodyStart, bodyEnd],
      terminated,
      ...this.lines.span(bodyStart, end),
    };
    const { redirect } = pending;
    const headEnd = redirect.target?.range[1] ?? redirect.range[0] + redirect.operator.length;
    redirect.heredoc = heredoc;
    redirect.range = [redirect.range[0], end];
    redirect.loc = this.lines.loc(redirect.range[0], end);
    if (!terminated) {
      const start = redirect.range[0];
      this.#problem(start, headEnd, `Unterminated here-document: no line "${pending.delimiter}" closes it.`);
    }
  }

  #problem(start: number, end: number, message: string): void {
    this.out.problems.push({ message, ...this.lines.span(start, end) });
  }

  // ---------------------------------------------------------------------------------------------
  // Words

  #word(start: number): { word: ShellWord; end: number } {
    const { text } = this;
    const end = this.#end;
    const builder = this.#builder.begin(start);
    let pos = start;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (isMeta(code)) {
        // `NAME=( … )` array assignment, `<( … )` / `>( … )` process substitution: one word.
        if (code === CH_LPAREN && pos > start && text.charCodeAt(pos - 1) === CH_EQ) {
          pos = this.#nested(pos + 1, Nest.Paren, builder, pos);
          continue;
        }
        if ((code === CH_LT || code === CH_GT) && pos === start && text.charCodeAt(pos + 1) === CH_LPAREN) {
          pos = this.#nested(pos + 2, Nest.Paren, builder, pos);
          continue;
        }
        break;
      }
      if (code === this.#escape) {
        const lineBreak = this.#continuationBreak(pos);
        if (pos + 1 >= end) {
          builder.literal(pos, pos + 1);
          pos++;
        } else if (lineBreak !== -1) {
          pos = this.#afterContinuation(lineBreak);
        } else if (this.#escape === CH_BACKSLASH) {
          builder.mapped(text.charAt(pos + 1), pos, pos + 2);
          pos += 2;
        } else {
          pos = this.#nested(pos + 1, Nest.Backtick, builder, pos);
        }
        continue;
      }
      switch (code) {
        case CH_SQUOTE:
          builder.quoted = true;
          pos = this.#singleQuoted(pos, builder);
          break;
        case CH_DQUOTE:
          builder.quoted = true;
          pos = this.#doubleQuoted(pos, builder);
          break;
        case CH_DOLLAR:
          pos = this.#dollar(pos, builder);
          break;
        case CH_BACKTICK:
          pos = this.#nested(pos + 1, Nest.Backtick, builder, pos);
          break;
        default: {
          let at = pos + 1;
          while (at < end) {
            const c = text.charCodeAt(at);
            if (isMeta(c) || c === CH_SQUOTE || c === CH_DQUOTE || c === CH_DOLLAR || c === CH_BACKTICK || c === this.#escape) break;
            at++;
          }
          builder.literal(pos, at);
          pos = at;
        }
      }
    }
    return { word: builder.finish(pos, this.lines), end: pos };
  }

  /** Literal text from `from` to `to` that may span lines: line prefixes become gaps. */
  #literalLines(from: number, to: number, builder: WordBuilder): void {
    const { text } = this;
    if (this.#region.linePrefix === undefined) {
      builder.literal(from, to);
      return;
    }
    let pos = from;
    while (pos < to) {
      let at = pos;
      while (at < to && !isLineBreak(text.charCodeAt(at))) at++;
      if (at >= to) {
        builder.literal(pos, to);
        return;
      }
      const afterBreak = skipLineBreak(text, at);
      builder.literal(pos, Math.min(afterBreak, to));
      pos = Math.min(this.#nextLine(at), to);
    }
  }

  #singleQuoted(start: number, builder: WordBuilder): number {
    const end = this.#end;
    const close = this.text.indexOf("'", start + 1);
    if (close === -1 || close >= end) {
      // Unterminated: the string ends with its line, so the lines after it are still read.
      const lineEnd = this.#lineContentEnd(start);
      this.#literalLines(start + 1, lineEnd, builder);
      this.#problem(start, start + 1, "Unterminated single-quoted string.");
      return lineEnd;
    }
    this.#literalLines(start + 1, close, builder);
    return close + 1;
  }

  /**
   * Reads a construct with `read` (which returns -1 when it reaches the end unterminated). An
   * unterminated construct is read again up to the end of its line and reported, so that one
   * stray quote does not swallow the rest of the file.
   */
  #recovering(start: number, builder: WordBuilder, what: string, read: () => number): number {
    const mark = builder.mark();
    const problems = this.out.problems.length;
    const comments = this.out.comments.length;
    const stop = read();
    if (stop !== -1) return stop;
    builder.reset(mark);
    this.out.problems.length = problems;
    this.out.comments.length = comments;
    const saved = this.#end;
    const lineEnd = this.#lineContentEnd(start);
    this.#end = lineEnd;
    read();
    this.#end = saved;
    this.#problem(start, Math.min(start + (what.startsWith("$") ? 2 : 1), lineEnd), `Unterminated ${what}.`);
    return lineEnd;
  }

  #doubleQuoted(start: number, builder: WordBuilder): number {
    return this.#recovering(start, builder, "double-quoted string", () => this.#doubleQuotedTo(start, builder));
  }

  #doubleQuotedTo(start: number, builder: WordBuilder): number {
    const { text } = this;
    const end = this.#end;
    let pos = start + 1;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (code === CH_DQUOTE) return pos + 1;
      if (code === this.#escape && pos + 1 < end) {
        const next = text.charCodeAt(pos + 1);
        const lineBreak = this.#continuationBreak(pos);
        if (lineBreak !== -1) {
          pos = this.#afterContinuation(lineBreak);
        } else if (this.#escape === CH_BACKSLASH && (next === CH_DOLLAR || next === CH_BACKTICK || next === CH_DQUOTE || next === CH_BACKSLASH)) {
          builder.mapped(text.charAt(pos + 1), pos, pos + 2);
          pos += 2;
        } else {
          builder.literal(pos, pos + 1);
          pos++;
        }
        continue;
      }
      if (code === CH_DOLLAR) {
        pos = this.#dollar(pos, builder, true);
        continue;
      }
      if (code === CH_BACKTICK) {
        pos = this.#nested(pos + 1, Nest.Backtick, builder, pos);
        continue;
      }
      if (isLineBreak(code)) {
        const afterBreak = skipLineBreak(text, pos);
        builder.literal(pos, Math.min(afterBreak, end));
        pos = Math.min(this.#nextLine(pos), end);
        continue;
      }
      let at = pos + 1;
      while (at < end) {
        const c = text.charCodeAt(at);
        if (c === CH_DQUOTE || c === this.#escape || c === CH_DOLLAR || c === CH_BACKTICK || isLineBreak(c)) break;
        at++;
      }
      builder.literal(pos, at);
      pos = at;
    }
    return -1;
  }

  /** `$…` at `start`: an expansion kept verbatim, ANSI-C `$'…'`, or a literal `$`. */
  #dollar(start: number, builder: WordBuilder, inDoubleQuotes = false): number {
    const { text } = this;
    const end = this.#end;
    const next = text.charCodeAt(start + 1);
    if (start + 1 >= end) {
      builder.literal(start, start + 1);
      return start + 1;
    }
    if (next === CH_LPAREN) return this.#nested(start + 2, Nest.Paren, builder, start);
    if (next === CH_LBRACE) return this.#nested(start + 2, Nest.Brace, builder, start);
    if (next === CH_SQUOTE && !inDoubleQuotes) {
      builder.quoted = true;
      return this.#ansiC(start, builder);
    }
    if (next === CH_DQUOTE && !inDoubleQuotes) {
      // `$"…"` (locale translation): a double-quoted string.
      builder.quoted = true;
      return this.#doubleQuoted(start + 1, builder);
    }
    if (isNameStart(next)) {
      let at = start + 2;
      while (at < end && isNameChar(text.charCodeAt(at))) at++;
      builder.expansion(start, at);
      return at;
    }
    if (isSpecialParameter(next)) {
      builder.expansion(start, start + 2);
      return start + 2;
    }
    builder.literal(start, start + 1);
    return start + 1;
  }

  #ansiC(start: number, builder: WordBuilder): number {
    return this.#recovering(start, builder, "$'…' string", () => this.#ansiCTo(start, builder));
  }

  #ansiCTo(start: number, builder: WordBuilder): number {
    const { text } = this;
    const end = this.#end;
    let pos = start + 2;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (code === CH_SQUOTE) return pos + 1;
      if (code === CH_BACKSLASH && pos + 1 < end) {
        const next = text.charCodeAt(pos + 1);
        if (next === CH_SQUOTE || next === CH_BACKSLASH) builder.mapped(text.charAt(pos + 1), pos, pos + 2);
        else builder.literal(pos, pos + 2);
        pos += 2;
        continue;
      }
      builder.literal(pos, pos + 1);
      pos++;
    }
    return -1;
  }

  /**
   * Skips a nested construct whose opening delimiter ends just before `pos` (`$(`, `${`, a
   * backtick, `=(`) and adds `[from, end)` to the word verbatim as an expansion.
   *
   * Where every construct opened during a scan closes is remembered (`#nestedEnds`), so a construct
   * met again after the recovery from an unterminated one is not scanned again: without this, a
   * file of lines each opening a `$(` that never closes would take quadratic time.
   */
  #nested(pos: number, kind: Nest, builder: WordBuilder, from: number): number {
    const { text } = this;
    const end = this.#end;
    const atRegionEnd = end === this.#region.end;
    const known = this.#nestedEnds.get(pos);
    let closed: number;
    if (known !== undefined && known !== -1 && known <= end) closed = known;
    else if (known === -1 && atRegionEnd) closed = -1;
    else closed = this.#scanNested(pos, kind, atRegionEnd);
    // Unterminated: the construct ends with its line, so the lines after it are still read.
    const stop = closed === -1 ? this.#lineContentEnd(from) : closed;
    const isExpansion = kind !== Nest.Paren || text.charCodeAt(from) === CH_DOLLAR || text.charCodeAt(from) === CH_LT || text.charCodeAt(from) === CH_GT || text.charCodeAt(from) === CH_BACKTICK;
    if (isExpansion) builder.expansion(from, stop);
    else builder.literal(from, stop);
    if (closed === -1) {
      const what =
        kind === Nest.Backtick ? "backtick command substitution" : kind === Nest.Brace ? '"${" expansion' : '"(" group';
      // The opening token: "`" and "(" are one character, "$(", "${", "<(" and ">(" two; never
      // past the line's content, so the span does not end between a "\r" and its "\n".
      const opening = text.charCodeAt(from) === CH_BACKTICK || text.charCodeAt(from) === CH_LPAREN ? 1 : 2;
      this.#problem(from, Math.min(from + opening, end, this.#lineContentEnd(from)), `Unterminated ${what}.`);
    }
    return stop;
  }

  /** The offset after the closer of the construct whose content starts at `pos`, or -1. */
  #scanNested(pos: number, kind: Nest, record: boolean): number {
    const { text } = this;
    const end = this.#end;
    const ends = this.#nestedEnds;
    const stack: Nest[] = [kind];
    const starts: number[] = [pos];
    const push = (nest: Nest, contentStart: number): void => {
      stack.push(nest);
      starts.push(contentStart);
    };
    const pop = (closerEnd: number): void => {
      stack.pop();
      ends.set(starts.pop() as number, closerEnd);
    };
    let at = pos;
    while (at < end && stack.length > 0) {
      const code = text.charCodeAt(at);
      const top = stack[stack.length - 1] as Nest;
      if (code === CH_BACKSLASH) {
        at += 2;
        continue;
      }
      if (top === Nest.DoubleQuote) {
        if (code === CH_DQUOTE) pop(at + 1);
        else if (code === CH_DOLLAR && text.charCodeAt(at + 1) === CH_LPAREN) {
          push(Nest.Paren, at + 2);
          at++;
        } else if (code === CH_DOLLAR && text.charCodeAt(at + 1) === CH_LBRACE) {
          push(Nest.Brace, at + 2);
          at++;
        } else if (code === CH_BACKTICK) push(Nest.Backtick, at + 1);
        at++;
        continue;
      }
      if (top === Nest.Backtick) {
        if (code === CH_BACKTICK) pop(at + 1);
        at++;
        continue;
      }
      switch (code) {
        case CH_SQUOTE: {
          const close = text.indexOf("'", at + 1);
          at = close === -1 || close >= end ? end : close + 1;
          continue;
        }
        case CH_DQUOTE:
          push(Nest.DoubleQuote, at + 1);
          break;
        case CH_BACKTICK:
          push(Nest.Backtick, at + 1);
          break;
        case CH_DOLLAR: {
          const next = text.charCodeAt(at + 1);
          if (next === CH_LPAREN) {
            push(Nest.Paren, at + 2);
            at++;
          } else if (next === CH_LBRACE) {
            push(Nest.Brace, at + 2);
            at++;
          }
          break;
        }
        case CH_LPAREN:
          if (top === Nest.Paren) push(Nest.Paren, at + 1);
          break;
        case CH_RPAREN:
          if (top === Nest.Paren) pop(at + 1);
          break;
        case CH_LBRACE:
          if (top === Nest.Brace) push(Nest.Brace, at + 1);
          break;
        case CH_RBRACE:
          if (top === Nest.Brace) pop(at + 1);
          break;
        default:
          break;
      }
      at++;
    }
    if (stack.length === 0) return Math.min(at, end);
    // Never closed before the region's end: true of every construct still open.
    if (record) for (const start of starts) ends.set(start, -1);
    return -1;
  }
}
