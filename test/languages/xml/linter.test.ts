import { Linter } from "eslint";
import { beforeEach, describe, expect, it } from "vitest";
import { parseXml, xmlLanguage, XmlSourceCode } from "../../../src/languages/xml/index.js";
import { ancestry, brief, lint, plugin, readFixture, visits } from "./support.js";

const x = (line: number, column: number, endLine: number, endColumn: number) => ({
  ruleId: "campaign-ims/no-x",
  severity: 2,
  message: "Element <x>.",
  line,
  column,
  endLine,
  endColumn,
});
const y = (line: number, column: number, endLine: number, endColumn: number) => ({
  ...x(line, column, endLine, endColumn),
  ruleId: "campaign-ims/no-y",
  message: "Element <y>.",
});

describe("xmlLanguage through ESLint's Linter", () => {
  it("reports at the node's exact position, with CRLF", () => {
    const messages = lint("<r>\r\n  <x a=\"1\">\r\n  </x>\r\n  <y/>\r\n</r>\r\n");
    expect(messages.map(brief)).toEqual([x(2, 3, 3, 7), y(4, 3, 4, 7)]);
  });

  it("reports columns after a BOM as ESLint counts them (ESLint strips the BOM)", () => {
    expect(lint("\uFEFF<x/>").map(brief)).toEqual([x(1, 1, 1, 5)]);
    expect(lint("\uFEFF<r>\n<x/></r>").map(brief)).toEqual([x(2, 1, 2, 5)]);
  });

  it("rejects a languageOptions value of the wrong type and accepts reportParseProblems: false", () => {
    expect(() => lint("<x/>", undefined, { languageOptions: { reportParseProblems: "no" } })).toThrow(
      /reportParseProblems must be a boolean/u,
    );
    expect(lint("<x/>", undefined, { languageOptions: { reportParseProblems: false } }).map(brief)).toEqual([x(1, 1, 1, 5)]);
  });
});

describe("directives in XML comments", () => {
  it("eslint-disable / eslint-enable around a region", () => {
    const code = ["<r>", "<!-- eslint-disable -->", "<x/><y/>", "<!-- eslint-enable -->", "<x/>", "</r>"].join("\n");
    expect(lint(code).map(brief)).toEqual([x(5, 1, 5, 5)]);
  });

  it("eslint-disable for one rule only", () => {
    const code = ["<r>", "<!-- eslint-disable campaign-ims/no-x -->", "<x/><y/>", "</r>"].join("\n");
    expect(lint(code).map(brief)).toEqual([y(3, 5, 3, 9)]);
  });

  it("eslint-enable for one rule ends only that rule's disable", () => {
    const code = ["<r>", "<!-- eslint-disable -->", "<x/><y/>", "<!-- eslint-enable campaign-ims/no-y -->", "<x/><y/>", "</r>"].join("\n");
    expect(lint(code).map(brief)).toEqual([y(5, 5, 5, 9)]);
  });

  it("eslint-disable-next-line", () => {
    const code = ["<r>", "<!-- eslint-disable-next-line campaign-ims/no-x -->", "<x/><y/>", "<x/>", "</r>"].join("\n");
    expect(lint(code).map(brief)).toEqual([y(3, 5, 3, 9), x(4, 1, 4, 5)]);
  });

  it("eslint-disable-line, with a justification after --", () => {
    const code = ["<r>", "<x/> <!-- eslint-disable-line campaign-ims/no-x -- fixture data -->", "<x/>", "</r>"].join("\n");
    expect(lint(code).map(brief)).toEqual([x(3, 1, 3, 5)]);
  });

  it("an eslint-disable-line comment that spans lines is a problem, not a directive", () => {
    const code = ["<r>", "<x/> <!-- eslint-disable-line", "campaign-ims/no-x -->", "</r>"].join("\n");
    expect(lint(code).map(brief)).toEqual([
      x(2, 1, 2, 5),
      {
        ruleId: null,
        severity: 2,
        message: "eslint-disable-line comment should not span multiple lines.",
        line: 2,
        column: 6,
        endLine: 3,
        endColumn: 22,
      },
    ]);
  });

  it("inline configuration turns a rule off or changes its severity", () => {
    expect(lint('<!-- eslint campaign-ims/no-x: "off" -->\n<r><x/><y/></r>').map(brief)).toEqual([y(2, 8, 2, 12)]);
    expect(lint('<!-- eslint campaign-ims/no-x: "warn" -->\n<x/>').map(brief)).toEqual([{ ...x(2, 1, 2, 5), severity: 1 }]);
  });

  it("inline configuration that does not parse is reported at the comment", () => {
    const messages = lint("<!-- eslint campaign-ims/no-x: [ -->\n<x/>");
    expect(messages.map((message) => [message.ruleId, message.line, message.column, message.endLine, message.endColumn])).toEqual([
      [null, 1, 1, 1, 37],
      ["campaign-ims/no-x", 2, 1, 2, 5],
    ]);
    expect(messages[0]!.message).toMatch(/^Failed to parse JSON from/u);
    expect(messages[0]!.fatal).toBe(true);
  });

  it("an unused directive is reported (at its start, as ESLint does) and fixed by removing the whole comment", () => {
    const linter = new Linter({ configType: "flat" });
    const config = [
      {
        files: ["**/*.xml"],
        plugins: { "campaign-ims": plugin as never },
        language: "campaign-ims/xml",
        rules: { "campaign-ims/no-x": "error" as const },
        linterOptions: { reportUnusedDisableDirectives: "error" as const },
      },
    ];
    const code = "<r>\n<!-- eslint-disable-next-line campaign-ims/no-x -->\n<y/>\n</r>";
    expect(linter.verify(code, config, "file.xml").map(brief)).toEqual([
      {
        ruleId: null,
        severity: 2,
        message: "Unused eslint-disable directive (no problems were reported from 'campaign-ims/no-x').",
        line: 2,
        column: 1,
        endLine: undefined,
        endColumn: undefined,
      },
    ]);
    // ESLint replaces a removed directive comment with one space.
    expect(linter.verifyAndFix(code, config, "file.xml").output).toBe("<r>\n \n<y/>\n</r>");
  });

  it("a comment that is not a directive does nothing", () => {
    expect(lint("<r><!-- uses eslint --><!-- eslintrc --><!--eslint-disabled--><x/></r>").map(brief)).toEqual([
      x(1, 63, 1, 67),
    ]);
  });

  it("a comment that starts with the word eslint is inline config, as in JS", () => {
    const messages = lint("<r><!-- eslint is used here --><x/></r>");
    expect(messages.map(brief)).toEqual([
      {
        ruleId: null,
        severity: 2,
        message: "Failed to parse JSON from 'is used here': Expected property name or '}' in JSON at position 1",
        line: 1,
        column: 4,
        endLine: 1,
        endColumn: 32,
      },
      x(1, 32, 1, 36),
    ]);
  });
});

describe("directive lines from @eslint/markdown's processor (an xml fence in a runbook)", () => {
  // The processor turns `<!-- eslint… -->` before a fence into `/*eslint…*/` lines at the top.
  const unused = (rule: string) => ({
    ruleId: null,
    severity: 1,
    message: `Unused eslint-disable directive (no problems were reported from '${rule}').`,
    line: 1,
    column: 1,
    endLine: undefined,
    endColumn: undefined,
  });

  it("work like XML comment directives, at the positions of the whole text", () => {
    const nextLine = "/*eslint-disable-next-line campaign-ims/no-x -- runbook example*/\n<r><x/><y/>\n<x/></r>\n";
    expect(lint(nextLine).map(brief)).toEqual([y(2, 8, 2, 12), x(3, 1, 3, 5)]);
    const region = "/*eslint-disable*/\n/*eslint-enable campaign-ims/no-y*/\n<r><x/><y/></r>";
    expect(lint(region).map(brief)).toEqual([y(3, 8, 3, 12)]);
    expect(lint('/*eslint campaign-ims/no-x: "warn"*/\n<x/>').map(brief)).toEqual([{ ...x(2, 1, 2, 5), severity: 1 }]);
    // As in JS: eslint-disable-line covers its own line, which holds no XML (so it is unused).
    expect(lint("/*eslint-disable-line campaign-ims/no-x*/\n<x/>").map(brief)).toEqual([unused("campaign-ims/no-x"), x(2, 1, 2, 5)]);
  });

  it("are not XML: the document starts after them, so an XML declaration is still at its start", () => {
    const text = '/* global foo */\n/*eslint-disable-next-line campaign-ims/no-x*/\n<?xml version="1.0"?><r><x/>\n<x/></r>';
    expect(lint(text).map(brief)).toEqual([x(4, 1, 4, 5)]);
    const { document, problems } = parseXml(text);
    expect(problems).toEqual([]);
    expect(document.comments).toEqual([]);
    expect(document.children.map((child) => [child.type, child.range[0]])).toEqual([
      ["XmlProcessingInstruction", 64],
      ["XmlElement", 85],
    ]);
    expect(document.range).toEqual([0, text.length]);
    // The `global` line belongs to the run but is no directive.
    expect(new XmlSourceCode({ text, ast: document }).getInlineConfigNodes()).toEqual([
      {
        type: "MarkdownDirectiveComment",
        value: "eslint-disable-next-line campaign-ims/no-x",
        range: [17, 63],
        loc: { start: { line: 2, column: 1 }, end: { line: 2, column: 47 } },
      },
    ]);
  });

  it("count only as a run of whole lines at the very start of the text", () => {
    const notRead = (text: string) => lint(text).filter((message) => message.ruleId !== null).map(brief);
    expect(notRead("<r>\n/*eslint-disable*/\n<x/></r>")).toEqual([x(3, 1, 3, 5)]);
    expect(notRead("\n/*eslint-disable*/\n<x/>")).toEqual([x(3, 1, 3, 5)]);
    expect(notRead("/*eslint-disable*/<x/>")).toEqual([x(1, 19, 1, 23)]);
    expect(notRead("/* note */\n/*eslint-disable*/\n<x/>")).toEqual([x(3, 1, 3, 5)]);
  });
});

describe("XmlSourceCode", () => {
  beforeEach(() => {
    visits.length = 0;
    ancestry.length = 0;
  });

  it("visits every node with enter and exit steps, attributes before children", () => {
    expect(lint('<?xml version="1.0"?><r a="1"><!--c-->t<x/></r>', { "campaign-ims/record-visits": "error" })).toEqual([]);
    expect(visits).toEqual([
      "enter XmlDocument",
      "enter XmlProcessingInstruction",
      "exit XmlProcessingInstruction",
      "enter XmlElement:r",
      "enter XmlAttribute:a",
      "exit XmlAttribute:a",
      "enter XmlComment",
      "exit XmlComment",
      "enter XmlText",
      "exit XmlText",
      "enter XmlElement:x",
      "exit XmlElement:x",
      "exit XmlElement:r",
      "exit XmlDocument",
    ]);
    expect(ancestry).toEqual(["XmlAttribute:a < XmlDocument < XmlElement:r", "XmlText < XmlDocument < XmlElement:r"]);
  });

  it("knows parents without a prior traversal, and exposes comments and parse problems", () => {
    const text = "<r><!-- eslint-disable --><x>&</x></r>";
    const { document, problems } = parseXml(text);
    const sourceCode = new XmlSourceCode({ text, ast: document, problems });
    const r = document.children[0]!;
    expect(r.type).toBe("XmlElement");
    if (r.type !== "XmlElement") return;
    const xElement = r.children[1]!;
    expect(sourceCode.getParent(xElement)).toBe(r);
    expect(sourceCode.getParent(r)).toBe(document);
    expect(sourceCode.getParent(document)).toBeUndefined();
    expect(sourceCode.comments).toEqual([r.children[0]]);
    expect(sourceCode.getInlineConfigNodes()).toEqual([r.children[0]]);
    expect(sourceCode.parseProblems).toEqual(problems);
    expect(sourceCode.getDisableDirectives().problems).toEqual([
      {
        ruleId: null,
        message: 'Malformed XML (still linted): "&" starts no entity or character reference; write it as "&amp;".',
        loc: { start: { line: 1, column: 30 }, end: { line: 1, column: 31 } },
      },
    ]);
    expect(sourceCode.lines).toEqual([text]);
  });

  it("splits lines at CRLF, CR and LF, and maps offsets like the nodes do", () => {
    const text = "<r>\r\n<a/>\r<b/>\n</r>";
    const { document } = parseXml(text);
    const sourceCode = new XmlSourceCode({ text, ast: document });
    expect(sourceCode.lines).toEqual(["<r>", "<a/>", "<b/>", "</r>"]);
    expect(sourceCode.getLocFromIndex(text.indexOf("<b/>"))).toEqual({ line: 3, column: 1 });
    expect(sourceCode.getIndexFromLoc({ line: 4, column: 1 })).toBe(text.indexOf("</r>"));
  });

  it("is what xmlLanguage.createSourceCode makes, with the language's options", () => {
    const file = { path: "a.xml", physicalPath: "a.xml", bom: false, body: "<x>&</x>" };
    const result = xmlLanguage.parse(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const quiet = xmlLanguage.createSourceCode(file, result, { languageOptions: { reportParseProblems: false } });
    expect(quiet).toBeInstanceOf(XmlSourceCode);
    expect(quiet.getDisableDirectives().problems).toEqual([]);
    expect(quiet.parseProblems).toHaveLength(1);
    const loud = xmlLanguage.createSourceCode(file, result, { languageOptions: {} });
    expect(loud.getDisableDirectives().problems).toHaveLength(1);
  });
});

describe("the language's contract", () => {
  it("has the shape ESLint and createRule expect", () => {
    expect(xmlLanguage.fileType).toBe("text");
    expect(xmlLanguage.lineStart).toBe(1);
    expect(xmlLanguage.columnStart).toBe(1);
    expect(xmlLanguage.nodeTypeKey).toBe("type");
    expect(xmlLanguage.visitorKeys).toEqual({
      XmlDocument: ["children"],
      XmlElement: ["attributes", "children"],
      XmlAttribute: [],
      XmlText: [],
      XmlComment: [],
      XmlProcessingInstruction: [],
      XmlDoctype: [],
    });
    const file = { path: "a.xml", physicalPath: "a.xml", bom: false, body: readFixture("template-erb.xml") };
    const result = xmlLanguage.parse(file);
    expect(result.ok && result.ast.type).toBe("XmlDocument");
  });
});
