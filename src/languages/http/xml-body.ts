/**
 * XML bodies of `.http` requests, analysed by the XML language's `parseXmlFragment`.
 *
 * `parseXmlFragment(text, start, end)` gives positions in the whole text, but it indexes the lines
 * of the whole text on every call, so calling it once per body would cost O(file size × bodies).
 * Instead each body is parsed on its own (`parseXmlFragment(bodyText, 0, length)`) and the result
 * is moved to the body's place in the file: every `range` and `…Range` gets the body's offset, every
 * `loc` its line (and, on the body's first line, its column), and `referenceMap` source offsets
 * (entries 2 and 3 of each group of four) the offset too. A test checks that this equals calling
 * `parseXmlFragment` on the whole text.
 */
import type { SourceLocation } from "@eslint/core";
import type { XmlComment, XmlDocument } from "../xml/index.js";
import { parseXmlFragment } from "../xml/index.js";
import type { ParseProblem } from "../shell/comment-source-code.js";
import type { LineIndex, Position } from "../shell/text-index.js";

/** The XML of a body: an `XmlDocument` whose `range` is the body's range (not the whole file). */
export interface HttpXmlBody {
  document: XmlDocument;
  comments: XmlComment[];
  problems: ParseProblem[];
}

interface Shift {
  offset: number;
  /** Absolute 1-based line of the body's first line. */
  line: number;
  /** Absolute 1-based column of the body's first character. */
  column: number;
}

const shiftPosition = (position: Position, shift: Shift): Position =>
  position.line === 1
    ? { line: shift.line, column: position.column + shift.column - 1 }
    : { line: position.line + shift.line - 1, column: position.column };

const shiftLoc = (loc: SourceLocation, shift: Shift): SourceLocation => ({
  start: shiftPosition(loc.start, shift),
  end: shiftPosition(loc.end, shift),
});

const isNodeObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === "string";

const isRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "number";

/** Moves every node reachable from `roots` (each once) by `shift`. */
function shiftNodes(roots: readonly unknown[], shift: Shift): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNodeObject(node) || seen.has(node)) continue;
    seen.add(node);
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === "loc" && typeof value === "object" && value !== null) {
        node[key] = shiftLoc(value as SourceLocation, shift);
      } else if ((key === "range" || key.endsWith("Range")) && isRange(value)) {
        node[key] = [value[0] + shift.offset, value[1] + shift.offset];
      } else if (key === "referenceMap" && Array.isArray(value)) {
        node[key] = (value as number[]).map((entry, index) => (index % 4 >= 2 ? entry + shift.offset : entry));
      } else if (Array.isArray(value)) {
        for (const item of value) if (isNodeObject(item)) stack.push(item);
      } else if (isNodeObject(value)) {
        stack.push(value);
      }
    }
  }
}

/** Parses `text.slice(start, end)` as XML with every position referring to `text`. */
export function parseXmlBody(text: string, start: number, end: number, lines: LineIndex): HttpXmlBody {
  const { children, comments, problems } = parseXmlFragment(text.slice(start, end), 0, end - start);
  const { line, column } = lines.position(start);
  const shift: Shift = { offset: start, line, column };
  shiftNodes(children, shift);
  const shiftedProblems: ParseProblem[] = problems.map((problem) => ({
    message: problem.message,
    range: [problem.range[0] + start, problem.range[1] + start],
    loc: shiftLoc(problem.loc, shift),
  }));
  const document: XmlDocument = { type: "XmlDocument", children, comments, ...lines.span(start, end) };
  return { document, comments, problems: shiftedProblems };
}

