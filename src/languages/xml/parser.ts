/**
 * The public parsing entry points: a whole XML text (`parseXml`, what the language uses) and an
 * XML region of a larger text (`parseXmlFragment`, for the HTTP language's request bodies).
 *
 * Both build the tree with the tolerant tokenizer and check well-formedness with
 * fast-xml-parser's validator. One problem is reported per text, like a compiler's first error (a
 * template with thirty `<%= … %>` blocks gets one message, not thirty): the tokenizer's first
 * problem, unless the validator found one on an earlier line. On the same line the tokenizer's
 * wins: it says what the tree made of the text and its range is exact, where the validator gives
 * one position, sometimes a little before the construct (`Attributes for 'a' have open quote.`
 * points at the space after the tag name).
 */
import type { XmlComment, XmlDocument, XmlDocumentChild, XmlParseProblem, XmlRange } from "./ast.js";
import { markdownDirectivesEnd } from "../markdown-directives.js";
import { LineIndex } from "../text/line-index.js";
import { tokenize } from "./tokenizer.js";
import { validateWellFormedness } from "./well-formedness.js";

/** Prefix of every problem message, so users can tell a parse problem from a finding. */
export const PROBLEM_PREFIX = "Malformed XML (still linted): ";

export interface XmlParseResult {
  document: XmlDocument;
  /** At most one problem (the first one in the text); empty when the text is well-formed. */
  problems: XmlParseProblem[];
}

export interface XmlFragmentResult {
  /** The top-level nodes of the region: prolog, root element(s), comments, text. */
  children: XmlDocumentChild[];
  /** Every comment of the region, in source order (the same objects as in the tree). */
  comments: XmlComment[];
  /** At most one problem (the first one in the region); empty when the region is well-formed. */
  problems: XmlParseProblem[];
}

interface Parsed extends XmlFragmentResult {
  lineIndex: LineIndex;
}

function parseRegion(text: string, start: number, end: number, lines: LineIndex): Parsed {
  const { children, comments, problem, lineIndex } = tokenize(text, start, end, lines);
  let first: XmlParseProblem | null = problem === null ? null : { message: problem.message, range: problem.range, loc: problem.loc };
  const subsets: XmlRange[] = [];
  for (const child of children) {
    if (child.type === "XmlDoctype" && child.internalSubsetRange !== null) subsets.push(child.internalSubsetRange);
  }
  const invalid = validateWellFormedness(text, start, end, subsets);
  if (invalid !== null && (problem === null || lineIndex.lineIndexOf(invalid.offset) < lineIndex.lineIndexOf(problem.foundAt))) {
    // One character, or the whole "\r\n" when it starts there: a span never ends inside a line break.
    const width = text.startsWith("\r\n", invalid.offset) ? 2 : 1;
    const range: XmlRange = [invalid.offset, Math.min(invalid.offset + width, end)];
    first = { message: invalid.message, range, loc: lineIndex.loc(...range) };
  }
  const problems = first === null ? [] : [{ ...first, message: PROBLEM_PREFIX + first.message }];
  return { children, comments, problems, lineIndex };
}

/**
 * Parses a whole text as XML. Never throws on malformed XML: the tree is built with recovery and
 * the first problem is returned in `problems`. Offsets count every character of `text`, a BOM
 * included (ESLint strips the BOM before a language sees the text; direct callers need not).
 * The directive lines @eslint/markdown's processor puts above a code block are no part of the XML:
 * the document's nodes start after them (`XmlSourceCode` reads them as directives).
 */
export function parseXml(text: string): XmlParseResult {
  const start = markdownDirectivesEnd(text);
  const { children, comments, problems, lineIndex } = parseRegion(text, start, text.length, new LineIndex(text));
  const range: XmlRange = [0, text.length];
  const document: XmlDocument = { type: "XmlDocument", children, comments, range, loc: lineIndex.loc(...range) };
  return { document, problems };
}

/**
 * Parses the XML in `text.slice(start, end)` (for example the body of an HTTP request in a
 * `.http` file) as an XML document, with every `range` and `loc` referring to the whole `text`:
 * `range` offsets are absolute offsets into `text`, lines and columns are those of `text`
 * (1-based). Namespace scope starts empty (only `xml:` is declared), as at a document root.
 *
 * Like `parseXml`, it never throws on malformed XML: nodes are built with recovery and the first
 * well-formedness problem of the region (at most one) is returned in `problems`, its message
 * prefixed with `PROBLEM_PREFIX`. An empty or whitespace-only region gives no nodes and no
 * problem. Stable signature: the HTTP language depends on it.
 *
 * Cost: the region, plus indexing the lines of `text` once; consecutive calls with the same `text`
 * (one per request body of an `.http` file) reuse that index, so parsing every body of a file in
 * place costs O(file size) in total.
 *
 * @param text The whole text the positions refer to.
 * @param start Offset in `text` where the XML starts (inclusive).
 * @param end Offset in `text` where the XML ends (exclusive).
 */
export function parseXmlFragment(text: string, start: number, end: number): XmlFragmentResult {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`parseXmlFragment: invalid region [${start}, ${end}) of a text of length ${text.length}.`);
  }
  if (fragmentText !== text) {
    fragmentText = text;
    fragmentLines = new LineIndex(text);
  }
  const { children, comments, problems } = parseRegion(text, start, end, fragmentLines!);
  return { children, comments, problems };
}

/**
 * The line index of the last text `parseXmlFragment` was given: a file with several XML regions
 * (an `.http` file with several requests) is indexed once, not once per region.
 */
let fragmentText: string | undefined;
let fragmentLines: LineIndex | undefined;
