/**
 * A bound on element nesting. Parsing any depth is linear (the tokenizer keeps an explicit
 * stack), but ESLint's traversal keeps each node's ancestors in an array it shifts on every step,
 * so linting costs elements × depth: 100,000 nested elements took 2.5 s, 400,000 took 78 s, and
 * a 5 MB file holds 700,000. Documents nested deeper than libxml2 accepts even with
 * XML_PARSE_HUGE (2048 levels; its default is 256) are not linted: a file of 5 MB then lints in
 * about a second whatever its shape. Real SOAP templates and configurations are tens of levels
 * deep.
 */
import type { XmlDocument, XmlElement, XmlElementChild } from "./ast.js";

export const MAX_XML_NESTING = 2048;

/** The first element (in document order) nested deeper than `MAX_XML_NESTING`, if any. */
export function firstTooDeep(document: XmlDocument): XmlElement | undefined {
  const stack: Array<{ node: XmlElementChild | XmlDocument["children"][number]; depth: number }> = [];
  for (let index = document.children.length - 1; index >= 0; index--) stack.push({ node: document.children[index]!, depth: 1 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type !== "XmlElement") continue;
    if (depth > MAX_XML_NESTING) return node;
    for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index]!, depth: depth + 1 });
  }
  return undefined;
}

/** The parse error for a document nested too deeply, at the element that goes past the limit. */
export function tooDeepError(element: XmlElement): { message: string; line: number; column: number } {
  return {
    message: `XML nested more than ${MAX_XML_NESTING} elements deep: not linted (linting time grows with the depth).`,
    line: element.loc.start.line,
    column: element.loc.start.column,
  };
}
