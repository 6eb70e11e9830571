/**
 * XML bodies of `.http` requests, analysed by the XML language's `parseXmlFragment`: the nodes'
 * ranges and `loc`s refer to the whole `.http` text (the XML parser reuses its line index across
 * the regions of one text, so all bodies of a file cost O(file size) together).
 */
import type { XmlComment, XmlDocument } from "../xml/index.js";
import { parseXmlFragment } from "../xml/index.js";
import type { ParseProblem } from "../text/text-source-code.js";
import type { LineIndex } from "../text/line-index.js";

/** The XML of a body: an `XmlDocument` whose `range` is the body's range (not the whole file). */
export interface HttpXmlBody {
  document: XmlDocument;
  comments: XmlComment[];
  problems: ParseProblem[];
}

/** Parses `text.slice(start, end)` as XML with every position referring to `text`. */
export function parseXmlBody(text: string, start: number, end: number, lines: LineIndex): HttpXmlBody {
  const { children, comments, problems } = parseXmlFragment(text, start, end);
  const document: XmlDocument = { type: "XmlDocument", children, comments, ...lines.span(start, end) };
  return { document, comments, problems };
}
