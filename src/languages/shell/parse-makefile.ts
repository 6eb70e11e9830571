/**
 * Makefiles (`Makefile`, `GNUmakefile`, `*.mk`): recipe lines (a tab-indented line after a rule,
 * or the part after `;` on the rule line) go through the POSIX scanner with the `@`, `-`, `+`
 * prefixes dropped and make's continuation handling (the recipe tab at the start of a
 * continuation line is not part of the shell text); variable assignments become `make`
 * assignments; `#` lines are comments; `define … endef` bodies are skipped.
 */
import type { ShellAssignment, ShellWord } from "./ast.js";
import { PosixScanner, makeCommand, type ShellOutput } from "./posix-scanner.js";
import { indexOfWithin, isBlank, isLineBreak, LineIndex } from "../text/line-index.js";
import { plainWord, WordBuilder } from "./word.js";
import { remapOutput } from "./parse-yaml.js";
import type { ScalarMap } from "./yaml-scalar.js";

// A recipe command whose program is a variable: `$(SOAP) …`, `${CURL} …`.
const VARIABLE_PROGRAM = /^\$[({]([A-Za-z_][\w.-]*)[)}]$/u;

/**
 * Makefiles, then the values of the variables recipes run as programs (`SOAP = curl -H … ` used
 * as `$(SOAP) https://…`): such a variable's line becomes the command it runs (construct
 * `variable-command`, its words the value's words, exact positions), so what it sends is found
 * where it is written. A value of several commands stays a plain assignment.
 */
export function parseMakefile(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  parseMakefileLines(text, lines, out, textStart);
  const programs = new Set<string>();
  for (const command of out.commands) {
    const match = command.construct === "recipe" ? VARIABLE_PROGRAM.exec(command.words[0]?.value ?? "") : null;
    if (match !== null) programs.add(match[1]!);
  }
  if (programs.size === 0) return;
  for (const command of [...out.commands]) {
    if (command.construct !== "variable" || command.assignments.length !== 1) continue;
    for (const assignment of command.assignments) {
      const word = assignment.value;
      if (word === null || !programs.has(assignment.name) || assignment.operator === "!=" || assignment.operator === "+=") continue;
      // The value → source map of the word, one entry per value character.
      const map: ScalarMap = { value: word.value, starts: [], ends: [], range: word.range };
      for (const segment of word.segments) {
        const identity = segment.valueEnd - segment.valueStart === segment.sourceEnd - segment.sourceStart;
        for (let index = segment.valueStart; index < segment.valueEnd; index++) {
          const offset = segment.sourceStart + (index - segment.valueStart);
          map.starts.push(identity ? offset : segment.sourceStart);
          map.ends.push(identity ? offset + 1 : segment.sourceEnd);
        }
      }
      if (map.starts.length !== map.value.length) continue;
      const temporary: ShellOutput = { commands: [], comments: [], problems: [] };
      const synthetic = new LineIndex(map.value);
      new PosixScanner(map.value, synthetic, temporary).scan({ start: 0, end: map.value.length, construct: "variable-command" });
      const parsed: ShellOutput = { commands: [], comments: [], problems: [] };
      remapOutput(temporary, parsed, map, text, lines, "variable-command");
      if (parsed.commands.length !== 1) continue;
      // The variable is the command it runs: its words replace the assignment (read once, as a command).
      const program = parsed.commands[0]!;
      command.construct = "variable-command";
      command.assignments = [];
      command.words = [...command.words, ...program.words];
      command.redirects = program.redirects;
      out.comments.push(...parsed.comments);
      out.problems.push(...parsed.problems);
    }
  }
}

const ASSIGNMENT_OPERATORS = [":::=", "::=", ":=", "?=", "+=", "!=", "="];
const MODIFIERS = new Set(["export", "override", "private"]);
const DIRECTIVES = new Set(["ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "-include", "sinclude", "vpath", "unexport", "undefine"]);

/** Whether the line ends with an odd number of backslashes (a continuation). */
function continues(text: string, start: number, end: number): boolean {
  let count = 0;
  let at = end - 1;
  while (at >= start && text.charCodeAt(at) === 92) {
    count++;
    at--;
  }
  return count % 2 === 1;
}

function parseMakefileLines(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  const firstLine = lines.lineIndexOf(textStart);
  const scanner = new PosixScanner(text, lines, out);
  const tabPrefix = (lineStart: number): number => (text.charCodeAt(lineStart) === 9 ? lineStart + 1 : lineStart);
  let seenRule = false;
  let defineDepth = 0;
  let line = firstLine;

  /** The last line of the logical line starting at `first`. */
  const logicalEnd = (first: number): number => {
    let current = first;
    while (current + 1 < lines.lineCount && continues(text, lines.lineStart(current), lines.lineContentEnd(current))) current++;
    return current;
  };

  const recipe = (start: number, end: number): void => {
    let at = start;
    while (at < end && (isBlank(text.charCodeAt(at)) || text.charCodeAt(at) === 64 || text.charCodeAt(at) === 45 || text.charCodeAt(at) === 43)) at++;
    if (at < end) scanner.scan({ start: at, end, construct: "recipe", heredocs: false, linePrefix: tabPrefix });
  };

  while (line < lines.lineCount) {
    const lineStart = line === firstLine ? textStart : lines.lineStart(line);
    if (defineDepth > 0) {
      const word = firstWord(text, lineStart, lines.lineContentEnd(line));
      if (word === "endef") defineDepth--;
      else if (word === "define") defineDepth++;
      line = line + 1;
      continue;
    }
    const last = logicalEnd(line);
    const end = lines.lineContentEnd(last);
    const next = last + 1;
    if (text.charCodeAt(lineStart) === 9 && seenRule) {
      recipe(lineStart + 1, end);
      line = next;
      continue;
    }
    let at = lineStart;
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    if (at >= end) {
      line = next;
      continue;
    }
    if (text.charCodeAt(at) === 35) {
      const commentEnd = lines.lineContentEnd(line);
      out.comments.push({ type: "ShellComment", marker: "#", value: text.slice(at + 1, commentEnd), ...lines.span(at, commentEnd) });
      line = line + 1;
      continue;
    }
    const word = firstWord(text, at, end);
    if (word === "define") {
      defineDepth++;
      line = next;
      continue;
    }
    if (DIRECTIVES.has(word)) {
      line = next;
      continue;
    }
    const assignment = makeAssignment(text, lines, at, end);
    if (assignment !== null) {
      const command = makeCommand({ words: assignment.words, assignments: [assignment.node], redirects: [], terminator: null }, "variable", lines);
      if (command !== null) out.commands.push(command);
      pushTrailingComment(text, lines, out, assignment.commentStart, end);
      line = next;
      continue;
    }
    const colon = ruleColon(text, at, end);
    if (colon !== -1) {
      seenRule = true;
      const semicolon = indexOfWithin(text, ";", colon, end);
      const hash = indexOfWithin(text, "#", colon, end);
      if (semicolon !== -1 && (hash === -1 || hash > semicolon)) recipe(semicolon + 1, end);
      else if (hash !== -1) pushTrailingComment(text, lines, out, hash, end);
    }
    line = next;
  }
}

function firstWord(text: string, from: number, end: number): string {
  let at = from;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  const start = at;
  while (at < end && !isBlank(text.charCodeAt(at)) && !isLineBreak(text.charCodeAt(at))) at++;
  return text.slice(start, at);
}

function pushTrailingComment(text: string, lines: LineIndex, out: ShellOutput, start: number, end: number): void {
  if (start < 0 || start >= end) return;
  let commentEnd = start;
  while (commentEnd < end && !isLineBreak(text.charCodeAt(commentEnd))) commentEnd++;
  out.comments.push({ type: "ShellComment", marker: "#", value: text.slice(start + 1, commentEnd), ...lines.span(start, commentEnd) });
}

/** The offset of a rule's `:` (not part of an assignment operator, outside `$( … )`), or -1. */
function ruleColon(text: string, start: number, end: number): number {
  let depth = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 36 && (text.charCodeAt(at + 1) === 40 || text.charCodeAt(at + 1) === 123)) {
      depth++;
      at++;
    } else if ((code === 41 || code === 125) && depth > 0) depth--;
    else if (code === 35 && depth === 0) return -1;
    else if (code === 58 && depth === 0) return text.charCodeAt(at + 1) === 61 ? -1 : at;
  }
  return -1;
}

interface MakeAssignment {
  node: ShellAssignment;
  words: ShellWord[];
  /** Offset of a trailing `#` comment, or -1. */
  commentStart: number;
}

/** `[export|override|private]… NAME op value`, or `null`. */
function makeAssignment(text: string, lines: LineIndex, start: number, end: number): MakeAssignment | null {
  const words: ShellWord[] = [];
  let at = start;
  for (;;) {
    let wordEnd = at;
    while (wordEnd < end && !isBlank(text.charCodeAt(wordEnd)) && !isLineBreak(text.charCodeAt(wordEnd))) wordEnd++;
    const word = text.slice(at, wordEnd);
    if (!MODIFIERS.has(word)) break;
    let next = wordEnd;
    while (next < end && isBlank(text.charCodeAt(next))) next++;
    if (next >= end) break;
    words.push(plainWord(text, at, wordEnd, lines));
    at = next;
  }
  const nameStart = at;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (isBlank(code) || isLineBreak(code) || code === 58 || code === 35 || code === 61 || code === 63 || code === 43 || code === 33) break;
    if (code === 36) return null; // computed names: not worth modelling
    at++;
  }
  const nameEnd = at;
  if (nameEnd === nameStart) return null;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  const operator = ASSIGNMENT_OPERATORS.find((candidate) => text.startsWith(candidate, at));
  if (operator === undefined) return null;
  at += operator.length;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  const { word: value, commentStart } = makeValue(text, lines, at, end);
  const node: ShellAssignment = {
    type: "ShellAssignment",
    kind: "make",
    name: text.slice(nameStart, nameEnd),
    nameRange: [nameStart, nameEnd],
    operator,
    value,
    ...lines.span(nameStart, value === null ? at : value.range[1]),
  };
  return { node, words, commentStart };
}

/**
 * A make variable value: up to an unescaped `#`, trailing blanks trimmed; a backslash-newline and
 * the blanks around it read as one space; `\#` is `#`.
 */
function makeValue(text: string, lines: LineIndex, start: number, end: number): { word: ShellWord | null; commentStart: number } {
  let stop = end;
  let commentStart = -1;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) {
      at++;
      continue;
    }
    if (code === 35) {
      stop = at;
      commentStart = at;
      break;
    }
  }
  while (stop > start && (isBlank(text.charCodeAt(stop - 1)) || isLineBreak(text.charCodeAt(stop - 1)))) stop--;
  if (stop <= start) return { word: null, commentStart };
  const builder = new WordBuilder(text, start);
  let pos = start;
  while (pos < stop) {
    const code = text.charCodeAt(pos);
    let blankEnd = pos;
    while (blankEnd < stop && isBlank(text.charCodeAt(blankEnd))) blankEnd++;
    if (text.charCodeAt(blankEnd) === 92 && isLineBreak(text.charCodeAt(blankEnd + 1))) {
      // Blanks, the backslash, the line break and the next line's indentation read as one space.
      let to = blankEnd + 1;
      while (to < stop && (isLineBreak(text.charCodeAt(to)) || isBlank(text.charCodeAt(to)))) to++;
      builder.mapped(" ", pos, to);
      pos = to;
      continue;
    }
    if (blankEnd > pos) {
      builder.literal(pos, blankEnd);
      pos = blankEnd;
      continue;
    }
    if (code === 92 && text.charCodeAt(pos + 1) === 35) {
      builder.mapped("#", pos, pos + 2);
      pos += 2;
      continue;
    }
    if (code === 36) builder.expansion(pos, pos + 1);
    else builder.literal(pos, pos + 1);
    pos++;
  }
  return { word: builder.finish(stop, lines), commentStart };
}
