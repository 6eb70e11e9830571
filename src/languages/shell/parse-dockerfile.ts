/**
 * Dockerfile: `RUN`, `CMD` and `ENTRYPOINT` (shell form through the POSIX scanner, exec form as
 * JSON string arrays, BuildKit `RUN <<EOF` scripts), `ENV` and `ARG` as assignments, comments and
 * the `# escape=` parser directive. Other instructions are skipped (their extent is still
 * honoured, so a continued `LABEL` never looks like an instruction).
 */
import type { ShellAssignment, ShellCommand, ShellWord } from "./ast.js";
import { PosixScanner, makeCommand, type ShellOutput } from "./posix-scanner.js";
import { isBlank, isLineBreak, skipLineBreak, type LineIndex } from "../text/line-index.js";
import { WordBuilder } from "./word.js";

const SHELL_INSTRUCTIONS = new Set(["RUN", "CMD", "ENTRYPOINT"]);
const PARSER_DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(\S+)[ \t]*$/u;
const JSON_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const HEX4 = /^[0-9A-Fa-f]{4}$/u;
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

interface Extent {
  /** 0-based index of the instruction's last line. */
  lastLine: number;
  /** Offset after the instruction's last content character. */
  end: number;
  /** Comment lines inside the continuation (`[start, end)` each). */
  comments: [number, number][];
}

export function parseDockerfile(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  const firstLine = lines.lineIndexOf(textStart);
  let escape: "\\" | "`" = "\\";
  let escapeCode = 92;
  let directivesAllowed = true;
  const scanner = new PosixScanner(text, lines, out);

  const pushComment = (start: number, end: number): void => {
    out.comments.push({ type: "ShellComment", marker: "#", value: text.slice(start + 1, end), ...lines.span(start, end) });
  };

  const firstNonBlank = (from: number, to: number): number => {
    let at = from;
    while (at < to && isBlank(text.charCodeAt(at))) at++;
    return at;
  };

  const extentFrom = (line: number): Extent => {
    const comments: [number, number][] = [];
    let current = line;
    for (;;) {
      const start = current === firstLine ? textStart : lines.lineStart(current);
      const contentEnd = lines.lineContentEnd(current);
      let last = contentEnd;
      while (last > start && isBlank(text.charCodeAt(last - 1))) last--;
      const continues = last > start && text.charCodeAt(last - 1) === escapeCode;
      if (!continues) return { lastLine: current, end: contentEnd, comments };
      // Skip comment lines and empty lines inside the continuation.
      let next = current + 1;
      while (next < lines.lineCount) {
        const nextStart = lines.lineStart(next);
        const nextEnd = lines.lineContentEnd(next);
        const at = firstNonBlank(nextStart, nextEnd);
        if (at === nextEnd) next++;
        else if (text.charCodeAt(at) === 35) {
          comments.push([at, nextEnd]);
          next++;
        } else break;
      }
      if (next >= lines.lineCount) return { lastLine: lines.lineCount - 1, end: contentEnd, comments };
      current = next;
    }
  };

  let line = firstLine;
  while (line < lines.lineCount) {
    const lineStart = line === firstLine ? textStart : lines.lineStart(line);
    const contentEnd = lines.lineContentEnd(line);
    const at = firstNonBlank(lineStart, contentEnd);
    if (at === contentEnd) {
      directivesAllowed = false;
      line++;
      continue;
    }
    if (text.charCodeAt(at) === 35) {
      if (directivesAllowed) {
        const match = PARSER_DIRECTIVE.exec(text.slice(at, contentEnd));
        if (match === null) directivesAllowed = false;
        else if ((match[1] ?? "").toLowerCase() === "escape" && (match[2] === "`" || match[2] === "\\")) {
          escape = match[2];
          escapeCode = escape.charCodeAt(0);
        }
      }
      pushComment(at, contentEnd);
      line++;
      continue;
    }
    directivesAllowed = false;
    let keywordEnd = at;
    while (keywordEnd < contentEnd && !isBlank(text.charCodeAt(keywordEnd))) keywordEnd++;
    const keyword = text.slice(at, keywordEnd).toUpperCase();
    const extent = extentFrom(line);
    let next = extent.lastLine + 1;
    const contentStart = skipBlanksAndContinuations(text, keywordEnd, extent.end, escapeCode);

    if (SHELL_INSTRUCTIONS.has(keyword) && contentStart < extent.end) {
      let start = contentStart;
      if (keyword === "RUN") start = skipRunFlags(text, start, extent.end, escapeCode);
      // Comment lines skipped before the command starts (the scanner reports the later ones).
      for (const [commentStart, commentEnd] of extent.comments) if (commentStart < start) pushComment(commentStart, commentEnd);
      const execForm = text.charCodeAt(start) === 91 ? parseExecForm(text, lines, start, extent.end, escapeCode) : null;
      if (execForm !== null) {
        for (const [commentStart, commentEnd] of extent.comments) if (commentStart >= start) pushComment(commentStart, commentEnd);
        const command = makeCommand({ words: execForm, assignments: [], redirects: [], terminator: null }, keyword, lines);
        if (command !== null) out.commands.push(command);
      } else if (keyword === "RUN" && isHeredocScript(text, start, extent.end)) {
        next = runHeredocScript(text, lines, out, scanner, start, extent.end);
      } else {
        const stop = scanner.scan({
          start,
          end: extent.end,
          heredocLimit: text.length,
          construct: keyword,
          escape,
          dropCommentLines: true,
          looseContinuation: true,
        });
        if (stop > extent.end) next = lines.lineIndexOf(stop - 1) + 1;
      }
    } else if ((keyword === "ENV" || keyword === "ARG") && contentStart < extent.end) {
      parseEnvOrArg(text, lines, out, keyword, contentStart, extent, escape, pushComment);
    } else {
      for (const [commentStart, commentEnd] of extent.comments) pushComment(commentStart, commentEnd);
    }
    line = next;
  }
}

/** Skips blanks and escape + line-break continuations. */
function skipBlanksAndContinuations(text: string, from: number, end: number, escapeCode: number): number {
  let at = from;
  for (;;) {
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    if (at < end && text.charCodeAt(at) === escapeCode) {
      let after = at + 1;
      while (after < end && isBlank(text.charCodeAt(after))) after++;
      if (after < end && isLineBreak(text.charCodeAt(after))) {
        at = skipLineBreak(text, after);
        // Comment lines inside the continuation.
        for (;;) {
          let first = at;
          while (first < end && isBlank(text.charCodeAt(first))) first++;
          if (first < end && text.charCodeAt(first) === 35) {
            while (first < end && !isLineBreak(text.charCodeAt(first))) first++;
            at = first < end ? skipLineBreak(text, first) : end;
          } else if (first < end && isLineBreak(text.charCodeAt(first))) {
            at = skipLineBreak(text, first);
          } else break;
        }
        continue;
      }
    }
    return at;
  }
}

/** Skips `RUN --mount=… --network=…` flags. */
function skipRunFlags(text: string, from: number, end: number, escapeCode: number): number {
  let at = from;
  while (at + 1 < end && text.charCodeAt(at) === 45 && text.charCodeAt(at + 1) === 45) {
    while (at < end && !isBlank(text.charCodeAt(at)) && !isLineBreak(text.charCodeAt(at)) && text.charCodeAt(at) !== escapeCode) at++;
    at = skipBlanksAndContinuations(text, at, end, escapeCode);
  }
  return at;
}

/** Exec form `["nlserver", "config", …]`: one word per JSON string, or `null` when not valid JSON. */
function parseExecForm(text: string, lines: LineIndex, start: number, end: number, escapeCode: number): ShellWord[] | null {
  const words: ShellWord[] = [];
  let pos = skipBlanksAndContinuations(text, start + 1, end, escapeCode);
  if (text.charCodeAt(pos) === 93) {
    return skipBlanksAndContinuations(text, pos + 1, end, escapeCode) === end ? words : null;
  }
  for (;;) {
    if (text.charCodeAt(pos) !== 34) return null;
    const builder = new WordBuilder(text, pos);
    builder.quoted = true;
    let at = pos + 1;
    let closed = false;
    while (at < end) {
      const code = text.charCodeAt(at);
      if (code === 34) {
        closed = true;
        break;
      }
      if (isLineBreak(code)) return null;
      if (code === 92) {
        const next = text.charAt(at + 1);
        if (next === "u") {
          const hex = text.slice(at + 2, at + 6);
          if (!HEX4.test(hex)) return null;
          builder.mapped(String.fromCharCode(Number.parseInt(hex, 16)), at, at + 6);
          at += 6;
          continue;
        }
        const unescaped = JSON_ESCAPES[next];
        if (unescaped === undefined) return null;
        builder.mapped(unescaped, at, at + 2);
        at += 2;
        continue;
      }
      builder.literal(at, at + 1);
      at++;
    }
    if (!closed) return null;
    words.push(builder.finish(at + 1, lines));
    pos = skipBlanksAndContinuations(text, at + 1, end, escapeCode);
    const code = text.charCodeAt(pos);
    if (code === 44) {
      pos = skipBlanksAndContinuations(text, pos + 1, end, escapeCode);
      continue;
    }
    if (code === 93) return skipBlanksAndContinuations(text, pos + 1, end, escapeCode) === end ? words : null;
    return null;
  }
}

const HEREDOC_START = /^<<(-?)(["']?)([A-Za-z0-9_.-]+)\2[ \t]*$/u;

/** `RUN <<EOF` alone on its line: BuildKit runs the here-document as the script. */
function isHeredocScript(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 60 && HEREDOC_START.test(text.slice(start, end));
}

function runHeredocScript(text: string, lines: LineIndex, out: ShellOutput, scanner: PosixScanner, start: number, end: number): number {
  const match = HEREDOC_START.exec(text.slice(start, end));
  const stripTabs = match?.[1] === "-";
  const delimiter = match?.[3] ?? "";
  const firstLine = lines.lineIndexOf(start);
  let line = firstLine + 1;
  while (line < lines.lineCount) {
    let lineStart = lines.lineStart(line);
    const lineEnd = lines.lineContentEnd(line);
    if (stripTabs) while (lineStart < lineEnd && text.charCodeAt(lineStart) === 9) lineStart++;
    if (lineEnd - lineStart === delimiter.length && text.startsWith(delimiter, lineStart)) break;
    line++;
  }
  const bodyStart = lines.lineStart(firstLine + 1);
  const bodyEnd = line < lines.lineCount ? lines.lineStart(line) : text.length;
  if (line >= lines.lineCount) {
    out.problems.push({ message: `Unterminated here-document: no line "${delimiter}" closes it.`, ...lines.span(start, end) });
  }
  if (bodyStart < bodyEnd) scanner.scan({ start: bodyStart, end: bodyEnd, construct: "RUN" });
  return line + 1;
}

function parseEnvOrArg(
  text: string,
  lines: LineIndex,
  out: ShellOutput,
  keyword: "ENV" | "ARG",
  start: number,
  extent: Extent,
  escape: "\\" | "`",
  pushComment: (start: number, end: number) => void,
): void {
  const kind = keyword === "ENV" ? "dockerfile-env" : "dockerfile-arg";
  let nameEnd = start;
  while (nameEnd < extent.end && !isBlank(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 61 && !isLineBreak(text.charCodeAt(nameEnd))) nameEnd++;
  if (keyword === "ENV" && text.charCodeAt(nameEnd) !== 61) {
    // Legacy `ENV NAME value with spaces`: the rest of the instruction is the value.
    for (const [commentStart, commentEnd] of extent.comments) pushComment(commentStart, commentEnd);
    const valueStart = skipBlanksAndContinuations(text, nameEnd, extent.end, escape.charCodeAt(0));
    let valueEnd = extent.end;
    while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const value = valueStart < valueEnd ? legacyEnvValue(text, lines, valueStart, valueEnd, escape.charCodeAt(0)) : null;
    const assignment: ShellAssignment = {
      type: "ShellAssignment",
      kind,
      name: text.slice(start, nameEnd),
      nameRange: [start, nameEnd],
      operator: " ",
      value,
      ...lines.span(start, value === null ? nameEnd : value.range[1]),
    };
    const command = makeCommand({ words: [], assignments: [assignment], redirects: [], terminator: null }, keyword, lines);
    if (command !== null) out.commands.push(command);
    return;
  }
  for (const [commentStart, commentEnd] of extent.comments) if (commentStart < start) pushComment(commentStart, commentEnd);
  const local: ShellOutput = { commands: [], comments: out.comments, problems: out.problems };
  new PosixScanner(text, lines, local).scan({
    start,
    end: extent.end,
    construct: keyword,
    heredocs: false,
    escape,
    dropCommentLines: true,
    looseContinuation: true,
  });
  for (const command of local.commands) out.commands.push(toDockerAssignments(command, kind));
}

/** Marks a scanned ENV/ARG command's assignments; `ARG NAME` words become value-less assignments. */
function toDockerAssignments(command: ShellCommand, kind: "dockerfile-env" | "dockerfile-arg"): ShellCommand {
  const assignments: ShellAssignment[] = command.assignments.map((assignment) => ({ ...assignment, kind }));
  const words: ShellWord[] = [];
  for (const word of command.words) {
    if (kind === "dockerfile-arg" && !word.quoted && ARG_NAME.test(word.raw)) {
      assignments.push({ type: "ShellAssignment", kind, name: word.raw, nameRange: word.range, operator: "=", value: null, range: word.range, loc: word.loc });
    } else {
      words.push(word);
    }
  }
  assignments.sort((a, b) => a.range[0] - b.range[0]);
  return { ...command, words, assignments };
}

/** The value of legacy `ENV NAME value`: quotes removed, escapes and continuations resolved. */
function legacyEnvValue(text: string, lines: LineIndex, start: number, end: number, escapeCode: number): ShellWord {
  const builder = new WordBuilder(text, start);
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (code === escapeCode && pos + 1 < end) {
      let after = pos + 1;
      while (after < end && isBlank(text.charCodeAt(after))) after++;
      if (isLineBreak(text.charCodeAt(after))) {
        pos = skipBlanksAndContinuations(text, pos, end, escapeCode);
        continue;
      }
      builder.mapped(text.charAt(pos + 1), pos, pos + 2);
      pos += 2;
      continue;
    }
    if (code === 34 || code === 39) {
      builder.quoted = true;
      pos++;
      continue;
    }
    builder.literal(pos, pos + 1);
    pos++;
  }
  return builder.finish(end, lines);
}
