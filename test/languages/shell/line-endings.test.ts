import { describe, expect, it } from "vitest";
import { detectShellDialect, parseShell, shellVisitorKeys } from "../../../src/languages/shell/index.js";
import type { ShellNode } from "../../../src/languages/shell/index.js";
import { lint, parse, readFixture, short } from "./support.js";

const FIXTURES = ["jwt-setup.sh", "Dockerfile", "campaign.mk", ".github/workflows/deploy.yml", ".gitlab-ci.yml", ".env", "campaign.properties", "setup.bat", "setup.ps1"];

interface Flat {
  type: string;
  range: [number, number];
  loc: ShellNode["loc"];
  value: string | null;
}

/** Every node in traversal order, with its text value (words, comments, assignment names). */
function flatten(root: ShellNode): Flat[] {
  const out: Flat[] = [];
  const stack: ShellNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ShellNode;
    const value = node.type === "ShellWord" || node.type === "ShellComment" ? node.value : node.type === "ShellAssignment" ? node.name : null;
    out.push({ type: node.type, range: node.range, loc: node.loc, value });
    const children: ShellNode[] = [];
    for (const key of shellVisitorKeys[node.type]) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) children.push(...(child as ShellNode[]));
      else if (child) children.push(child as ShellNode);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as ShellNode);
  }
  return out;
}

describe.each(FIXTURES)("%s with LF, CRLF and a BOM", (name) => {
  const dialect = detectShellDialect(name);
  const lf = readFixture(name).replace(/\r\n/gu, "\n");
  const crlf = lf.replace(/\n/gu, "\r\n");

  it("gives every node the same lines and columns with CRLF as with LF", () => {
    const a = flatten(parse(lf, dialect).ast);
    const b = flatten(parse(crlf, dialect).ast);
    expect(b.map((n) => [n.type, n.loc, n.value?.replace(/\r\n/gu, "\n") ?? null])).toEqual(a.map((n) => [n.type, n.loc, n.value]));
    expect(a.length).toBeGreaterThan(5);
  });

  it("shifts offsets by one and first-line columns by one when called directly on text with a BOM", () => {
    const a = flatten(parseShell(lf, dialect).ast);
    const b = flatten(parse(`\uFEFF${lf}`, dialect).ast);
    const shift = (loc: Flat["loc"]) => ({
      start: { line: loc.start.line, column: loc.start.column + (loc.start.line === 1 ? 1 : 0) },
      end: { line: loc.end.line, column: loc.end.column + (loc.end.line === 1 ? 1 : 0) },
    });
    expect(b.slice(1).map((n) => [n.type, n.range, n.loc, n.value])).toEqual(
      a.slice(1).map((n) => [n.type, [n.range[0] + 1, n.range[1] + 1], shift(n.loc), n.value]),
    );
  });

  it("reports the same positions through ESLint with and without a BOM, with LF and CRLF", () => {
    const rules = { "campaign-ims/report-commands": "error", "campaign-ims/report-assignments": "error" } as const;
    const plain = lint(lf, name, rules).map(short);
    expect(plain.length).toBeGreaterThan(0);
    expect(lint(`\uFEFF${lf}`, name, rules).map(short)).toEqual(plain);
    expect(lint(crlf, name, rules).map((m) => short(m).replace(/\r\n/gu, "\n"))).toEqual(plain);
  });
});
