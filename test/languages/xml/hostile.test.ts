import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { XmlDoctype, XmlElement, XmlNode, XmlText } from "../../../src/languages/xml/index.js";
import { parseXml, xmlLanguage, XmlSourceCode } from "../../../src/languages/xml/index.js";
import { brief, FIXTURES, lint, readFixture } from "./support.js";
import { cpuTime } from "../../support/cpu-time.js";

/** Counts nodes by type through the source code's own traversal (enter steps only). */
function countNodes(text: string, ast: Parameters<typeof newSourceCode>[1]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const step of newSourceCode(text, ast).traverse()) {
    if (step.phase !== 1) continue;
    const type = (step.target as XmlNode).type;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
}

function newSourceCode(text: string, ast: ReturnType<typeof parseXml>["document"]): XmlSourceCode {
  return new XmlSourceCode({ text, ast });
}

describe("billion laughs", () => {
  const text = readFixture("billion-laughs.xml");

  it("parses quickly and expands nothing", () => {
    const {
      result: { document, problems },
      cpuMs,
    } = cpuTime(() => parseXml(text));
    expect(problems).toEqual([]);
    const doctype = document.children.find((child): child is XmlDoctype => child.type === "XmlDoctype")!;
    expect(doctype.name).toBe("lolz");
    expect(doctype.internalSubset).toContain('<!ENTITY lol9 "&lol8;&lol8;');
    const lolz = document.children.find((child): child is XmlElement => child.type === "XmlElement")!;
    expect(lolz.attributes[0]!.value).toBe("&lol9;");
    expect((lolz.children[0] as XmlText).value).toBe("&lol9;");
    // An expanding parser would build 10^9 "lol"s; this one reads 825 characters.
    expect(cpuMs).toBeLessThan(1000);
  });

  it("lints without expanding anything", () => {
    expect(lint(text, { "campaign-ims/report-text": ["error", "lollol"] })).toEqual([]);
  });
});

describe("a 20 MB generated file", () => {
  const records = 216_000;
  const record = (index: number): string =>
    `  <urn:Logon id="r${index}">\n    <urn:sessiontoken>tok&amp;${index}</urn:sessiontoken>\n  </urn:Logon>\n`;
  const parts = ['<?xml version="1.0"?>\n<root xmlns:urn="urn:xtk:session">\n'];
  for (let index = 0; index < records; index += 1) parts.push(record(index));
  parts.push("</root>\n");
  const text = parts.join("");

  it("parses into the expected number of nodes, with exact positions at the end", () => {
    expect(text.length).toBeGreaterThan(20_000_000);
    const { document, problems } = parseXml(text);
    expect(problems).toEqual([]);
    const counts = countNodes(text, document);
    expect(Object.fromEntries(counts)).toEqual({
      XmlDocument: 1,
      XmlProcessingInstruction: 1,
      // root + one <urn:Logon> and one <urn:sessiontoken> per record
      XmlElement: 1 + 2 * records,
      // xmlns:urn + id per record
      XmlAttribute: 1 + records,
      // after the declaration and after </root>; before </root>; per record: indentation before
      // <urn:Logon>, before <urn:sessiontoken>, its value, before </urn:Logon>
      XmlText: 3 + 4 * records,
    });
    const root = document.children.find((child): child is XmlElement => child.type === "XmlElement")!;
    const last = root.children.at(-2) as XmlElement;
    expect(last.attributes[0]!.value).toBe(`r${records - 1}`);
    const lastLine = 2 + 3 * records;
    expect(last.loc).toEqual({ start: { line: lastLine - 2, column: 3 }, end: { line: lastLine, column: 15 } });
    const token = last.children[1] as XmlElement;
    expect((token.children[0] as XmlText).value).toBe(`tok&${records - 1}`);
    expect(token.namespaceURI).toBe("urn:xtk:session");
  });
});

describe("deep nesting", () => {
  const depth = 100_000;

  it("parses and traverses 100k levels without recursion", () => {
    const text = `${"<a>".repeat(depth)}<x/>${"</a>".repeat(depth)}`;
    const { document, problems } = parseXml(text);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(countNodes(text, document))).toEqual({ XmlDocument: 1, XmlElement: depth + 1 });
    let element = document.children[0] as XmlElement;
    for (let level = 1; level < depth; level += 1) element = element.children[0] as XmlElement;
    const x = element.children[0] as XmlElement;
    expect(x.name).toBe("x");
    expect(x.range).toEqual([3 * depth, 3 * depth + 4]);
    const sourceCode = newSourceCode(text, document);
    expect(sourceCode.getAncestors(x)).toHaveLength(depth + 1);
  });

  // Linting costs elements × depth in ESLint's traversal (400k levels: 78 s), so the language
  // refuses documents nested deeper than 2048 levels (test/robustness/xml-deep-nesting.test.ts).
  it("refuses to lint 100k levels through ESLint, with a parse error at level 2049", () => {
    const text = `${"<a>".repeat(depth)}<x/>${"</a>".repeat(depth)}`;
    expect(lint(text).map(brief)).toEqual([
      {
        ruleId: null,
        severity: 2,
        message: "Parsing error: XML nested more than 2048 elements deep: not linted (linting time grows with the depth).",
        line: 1,
        column: 3 * 2048 + 1,
        endLine: undefined,
        endColumn: undefined,
      },
    ]);
  });

  it("closes 100k unclosed levels at the end and reports the innermost", () => {
    const text = "<a>\n".repeat(depth);
    const { document, problems } = parseXml(text);
    expect(problems.map((problem) => [problem.message, problem.loc.start])).toEqual([
      ["Malformed XML (still linted): Element has no end tag.", { line: depth, column: 1 }],
    ]);
    expect(Object.fromEntries(countNodes(text, document))).toEqual({ XmlDocument: 1, XmlElement: depth, XmlText: depth });
  });
});

describe("inputs that cannot be XML", () => {
  it("binary data fails to parse with a clear message", () => {
    const text = readFixture("binary.xml");
    const result = xmlLanguage.parse({ path: "binary.xml", physicalPath: "binary.xml", bom: false, body: text });
    expect(result).toEqual({
      ok: false,
      errors: [{ message: "Not XML text: NUL byte (binary data, or a UTF-16 file read as UTF-8).", line: 3, column: 1 }],
    });
    expect(lint(text).map((message) => ({ ...brief(message), fatal: message.fatal }))).toEqual([
      {
        ruleId: null,
        severity: 2,
        message: "Parsing error: Not XML text: NUL byte (binary data, or a UTF-16 file read as UTF-8).",
        line: 3,
        column: 1,
        endLine: undefined,
        endColumn: undefined,
        fatal: true,
      },
    ]);
  });

  it("a UTF-16 file read as UTF-8 is reported the same way (BOM and < decode to 3 characters)", () => {
    const utf16 = Buffer.from("\uFEFF<a/>", "utf16le").toString("utf8");
    expect(lint(utf16).map((message) => [message.fatal, message.line, message.column])).toEqual([[true, 1, 4]]);
  });

  it("control characters other than NUL are still parsed (and the rest is linted)", () => {
    const { document } = parseXml(`<r>\u0001<x/></r>`);
    expect((document.children[0] as XmlElement).children.map((child) => child.type)).toEqual(["XmlText", "XmlElement"]);
  });

  it("the binary fixture really holds NUL bytes", () => {
    expect([...readFileSync(`${FIXTURES}binary.xml`)].filter((byte) => byte === 0)).toHaveLength(7);
  });
});

describe("pathological inputs stay linear", () => {
  // Each would take minutes if a search rescanned the rest of the text for every occurrence.
  const size = 200_000;
  const cases: [string, string, string][] = [
    ["template openings without %>", `<a>${"<%".repeat(size)}`, '"<" starts no tag'],
    ["bare ampersands", `<a>${"&x".repeat(size)}</a>`, '"&" starts no entity'],
    ["stray end tags", `<a>${"</b>".repeat(size)}</a>`, "End tag matches no open element."],
    ["lone <", `<a>${"< ".repeat(size)}</a>`, '"<" starts no tag'],
    ["start tags without >", "<a".repeat(size), 'Start tag has no closing ">".'],
    ["end tags without >", `<a>${"</a ".repeat(size)}`, 'End tag has no closing ">".'],
    ["a text with one & at the very end", `<a>${"<b>t</b>".repeat(size)}&amp;</a>`, ""],
  ];
  for (const [title, text, message] of cases) {
    it(title, () => {
      const { document, problems } = parseXml(text);
      expect(document.range).toEqual([0, text.length]);
      if (message === "") expect(problems).toEqual([]);
      else expect(problems[0]!.message).toContain(message);
    });
  }
});
