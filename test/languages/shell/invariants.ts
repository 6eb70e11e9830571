/**
 * Structural invariants every AST of the line-oriented languages must satisfy, checked against an
 * independent position computation (ESLint's `TextSourceCodeBase#getLocFromIndex`).
 */
import { expect } from "vitest";

interface AnyNode {
  type: string;
  range: [number, number];
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  [key: string]: unknown;
}

const isNode = (value: unknown): value is AnyNode =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" && Array.isArray((value as { range?: unknown }).range);

/**
 * Walks the tree along `visitorKeys` and checks every node: ranges inside the text and inside the
 * parent, `loc` equal to `locFromIndex` of the range, `…Range` fields inside the text, and the
 * node-specific text identities (word `raw`, segment mapping, comment values, header parts).
 * Returns the number of nodes per type.
 */
export function checkTree(
  text: string,
  root: AnyNode,
  visitorKeys: Record<string, readonly string[]>,
  locFromIndex: (index: number) => { line: number; column: number },
): Record<string, number> {
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  const stack: { node: AnyNode; parent: AnyNode | null }[] = [{ node: root, parent: null }];
  const fail = (node: AnyNode, what: string): void => {
    if (problems.length < 20) problems.push(`${node.type} ${JSON.stringify(node.range)}: ${what}`);
  };
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: AnyNode; parent: AnyNode | null };
    counts[node.type] = (counts[node.type] ?? 0) + 1;
    const [start, end] = node.range;
    if (!(start >= 0 && start <= end && end <= text.length)) fail(node, "range outside the text");
    if (parent !== null && !(parent.range[0] <= start && end <= parent.range[1])) fail(node, `outside parent ${parent.type} ${JSON.stringify(parent.range)}`);
    const expected = { start: locFromIndex(start), end: locFromIndex(end) };
    if (JSON.stringify(node.loc) !== JSON.stringify(expected)) fail(node, `loc ${JSON.stringify(node.loc)} != ${JSON.stringify(expected)}`);
    for (const [key, value] of Object.entries(node)) {
      if (key.endsWith("Range") && Array.isArray(value)) {
        const [a, b] = value as [number, number];
        if (!(a >= 0 && a <= b && b <= text.length)) fail(node, `${key} outside the text`);
      }
    }
    switch (node.type) {
      case "ShellWord": {
        if (node.raw !== text.slice(start, end)) fail(node, "raw is not the source text");
        const value = node.value as string;
        const segments = node.segments as { valueStart: number; valueEnd: number; sourceStart: number; sourceEnd: number }[];
        let valueAt = 0;
        let sourceAt = start;
        for (const segment of segments) {
          if (segment.valueStart !== valueAt) fail(node, "segments leave a gap in the value");
          if (segment.sourceStart < sourceAt || segment.sourceEnd > end || segment.sourceStart > segment.sourceEnd) fail(node, "segment outside the word or out of order");
          const identity = segment.valueEnd - segment.valueStart === segment.sourceEnd - segment.sourceStart;
          if (identity && value.slice(segment.valueStart, segment.valueEnd) !== text.slice(segment.sourceStart, segment.sourceEnd)) {
            fail(node, "identity segment does not match the source");
          }
          valueAt = segment.valueEnd;
          sourceAt = segment.sourceEnd;
        }
        if (valueAt !== value.length) fail(node, "segments do not cover the value");
        break;
      }
      case "ShellComment":
      case "HttpComment":
        if (!text.slice(start, end).includes(node.value as string)) fail(node, "value is not in the comment's text");
        break;
      case "ShellAssignment":
      case "HttpHeader":
      case "HttpVariable": {
        const nameRange = node.nameRange as [number, number];
        if (node.type !== "ShellAssignment" || node.kind !== "properties") {
          if (text.slice(...nameRange) !== node.name) fail(node, "name is not the text of nameRange");
        }
        if (node.type !== "ShellAssignment" && text.slice(...(node.valueRange as [number, number])) !== node.value) fail(node, "value is not the text of valueRange");
        break;
      }
      case "HttpBody":
        if (text.slice(start, end) !== node.text) fail(node, "text is not the source text");
        break;
      default:
        break;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = node[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) if (isNode(child)) stack.push({ node: child, parent: node });
    }
  }
  expect(problems).toEqual([]);
  return counts;
}
