import type { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { httpLanguageVisitorKeys, parseHttp } from "../../../src/languages/http/index.js";
import { lint, parse, readFixture, short } from "./support.js";

const FIXTURES = ["soap-logon-crlf-bom.http", "rest-client.rest", "jetbrains.http", "malformed.http"];

interface AnyNode {
  type: string;
  range: [number, number];
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** Every node in traversal order (XML nodes of bodies included). */
function flatten(root: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    out.push(node);
    const children: AnyNode[] = [];
    for (const key of httpLanguageVisitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) children.push(...(child as AnyNode[]));
      else if (child) children.push(child as AnyNode);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
  }
  return out;
}

describe.each(FIXTURES)("%s with LF, CRLF and a BOM", (name) => {
  const lf = readFixture(name).replace(/^\uFEFF/u, "").replace(/\r\n/gu, "\n");
  const crlf = lf.replace(/\n/gu, "\r\n");

  it("gives every node, XML ones included, the same lines and columns with CRLF as with LF", () => {
    const a = flatten(parse(lf).ast as never);
    const b = flatten(parse(crlf).ast as never);
    expect(b.map((n) => [n.type, n.loc])).toEqual(a.map((n) => [n.type, n.loc]));
    expect(a.some((n) => n.type === "XmlElement")).toBe(true);
  });

  it("shifts offsets by one when called directly on text with a BOM", () => {
    const a = flatten(parseHttp(lf).ast as never);
    const b = flatten(parse(`\uFEFF${lf}`).ast as never);
    expect(b.slice(1).map((n) => [n.type, n.range, n.loc.start.line, n.loc.end.line])).toEqual(
      a.slice(1).map((n) => [n.type, [n.range[0] + 1, n.range[1] + 1], n.loc.start.line, n.loc.end.line]),
    );
  });

  it("reports the same positions through ESLint with and without a BOM, with LF and CRLF", () => {
    const rules: Linter.RulesRecord = { "campaign-ims/report-headers": "error", "campaign-ims/report-requests": "error", "campaign-ims/report-xml-elements": ["error", "Envelope"] };
    const plain = lint(lf, rules, name).map(short);
    expect(plain.length).toBeGreaterThan(0);
    expect(lint(`\uFEFF${lf}`, rules, name).map(short)).toEqual(plain);
    expect(lint(crlf, rules, name).map(short)).toEqual(plain);
  });
});
