import { describe, expect, it } from "vitest";
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlText } from "../../../src/languages/xml/index.js";
import { parseXml } from "../../../src/languages/xml/index.js";
import { brief, lint, readFixture, type Rules } from "./support.js";

function elements(document: XmlDocument): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlNode[] = [...document.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type !== "XmlElement") continue;
    found.push(node);
    pending.push(...[...node.children].reverse());
  }
  return found;
}

const names = (document: XmlDocument): string[] => elements(document).map((element) => element.name);
const named = (document: XmlDocument, name: string): XmlElement => elements(document).find((element) => element.name === name)!;
const textOf = (element: XmlElement): string =>
  element.children.map((child) => (child.type === "XmlText" ? child.value : `<${child.type}>`)).join("");

const parseProblem = (message: string, line: number, column: number, endLine: number, endColumn: number) => ({
  ruleId: null,
  severity: 2,
  message: `Malformed XML (still linted): ${message}`,
  line,
  column,
  endLine,
  endColumn,
});

/** The test rule that reports <urn:Logon> with its namespace. */
const LOGON_RULE: Rules = { "campaign-ims/report-element": ["error", "urn:Logon"] };
const logonFinding = (line: number, column: number, endLine: number, endColumn: number) => ({
  ruleId: "campaign-ims/report-element",
  severity: 2,
  message: "<urn:Logon> in urn:xtk:session.",
  line,
  column,
  endLine,
  endColumn,
});

describe("SOAP templates that are not well-formed still give every node", () => {
  it("<%= … %> template code", () => {
    const text = readFixture("template-erb.xml");
    const { document } = parseXml(text);
    expect(names(document)).toEqual([
      "soapenv:Envelope",
      "soapenv:Body",
      "urn:Logon",
      "urn:sessiontoken",
      "urn:strLogin",
      "urn:strPassword",
      "urn:elemParameters",
    ]);
    expect(textOf(named(document, "urn:sessiontoken"))).toBe("<%= sessionToken %>");
    expect(named(document, "urn:strPassword").namespaceURI).toBe("urn:xtk:session");
    expect(lint(text, LOGON_RULE).map(brief)).toEqual([
      logonFinding(4, 5, 9, 17),
      parseProblem("Template code <%…%> is not XML.", 5, 25, 5, 44),
    ]);
  });

  it("$1 placeholders, also as an unquoted attribute value", () => {
    const text = readFixture("template-dollar.xml");
    const { document } = parseXml(text);
    expect(names(document)).toEqual(["urn:Logon", "urn:sessiontoken", "urn:strLogin", "urn:strPassword"]);
    expect(textOf(named(document, "urn:sessiontoken"))).toBe("$1");
    expect(named(document, "urn:strLogin").attributes[0]).toMatchObject({
      name: "login",
      rawValue: "$2",
      value: "$2",
      quote: null,
      range: [98, 106],
      valueRange: [104, 106],
    });
    expect(textOf(named(document, "urn:strLogin"))).toBe("$2");
    expect(lint(text, LOGON_RULE).map(brief)).toEqual([
      logonFinding(1, 1, 5, 13),
      parseProblem('Attribute value is not quoted.', 3, 17, 3, 25),
    ]);
  });

  it("${token} placeholders, also in attribute position", () => {
    const text = readFixture("template-js.xml");
    const { document } = parseXml(text);
    expect(names(document)).toEqual(["urn:Logon", "urn:sessiontoken", "urn:strLogin", "urn:strPassword"]);
    expect(textOf(named(document, "urn:sessiontoken"))).toBe("${sessionToken}");
    expect(named(document, "urn:strLogin").attributes.map((attribute: XmlAttribute) => [attribute.name, attribute.value])).toEqual([
      ["${loginAttributes}", ""],
    ]);
    expect(textOf(named(document, "urn:strLogin"))).toBe("${login}");
    expect(lint(text, LOGON_RULE).map(brief)).toEqual([
      logonFinding(1, 1, 5, 13),
      parseProblem('Attribute has no value.', 3, 17, 3, 35),
    ]);
  });

  it("{{token}} placeholders and block helpers, also as an unquoted value before />", () => {
    const text = readFixture("template-mustache.xml");
    const { document } = parseXml(text);
    expect(names(document)).toEqual(["urn:Logon", "urn:sessiontoken", "urn:strLogin", "urn:strPassword"]);
    expect(textOf(named(document, "urn:sessiontoken"))).toBe("{{sessionToken}}");
    expect(textOf(named(document, "urn:strLogin"))).toBe("{{login}}");
    expect(named(document, "urn:strPassword")).toMatchObject({ selfClosing: true });
    expect(named(document, "urn:strPassword").attributes[0]).toMatchObject({ name: "value", value: "{{password}}", quote: null });
    expect(lint(text, LOGON_RULE).map(brief)).toEqual([
      logonFinding(1, 1, 5, 13),
      parseProblem('Attribute value is not quoted.', 4, 20, 4, 38),
    ]);
  });

  it("a missing end tag: the element ends where its parent ends", () => {
    const text = readFixture("missing-close-tag.xml");
    const { document } = parseXml(text);
    expect(names(document)).toEqual(["urn:Logon", "urn:sessiontoken", "urn:strLogin"]);
    const token = named(document, "urn:sessiontoken");
    expect(token).toMatchObject({ endTagRange: null, selfClosing: false, range: [42, 109], contentRange: [60, 109] });
    expect((token.children[0] as XmlText).value).toBe("___0a1b2c3d\n  ");
    expect(named(document, "urn:strLogin").endTagRange).not.toBeNull();
    expect(named(document, "urn:Logon").endTagRange).toEqual([109, 121]);
    expect(lint(text, LOGON_RULE).map(brief)).toEqual([
      logonFinding(1, 1, 4, 13),
      parseProblem("Element has no end tag.", 2, 3, 2, 21),
    ]);
  });

  it("an unescaped &", () => {
    const text = readFixture("unescaped-ampersand.xml");
    const { document } = parseXml(text);
    expect(names(document)).toEqual(["serverConf", "urn:Logon", "urn:strLogin"]);
    expect(textOf(named(document, "urn:strLogin"))).toBe("R&D");
    expect(lint(text, LOGON_RULE).map(brief)).toEqual([
      logonFinding(2, 3, 4, 15),
      parseProblem('"&" starts no entity or character reference; write it as "&amp;".', 3, 20, 3, 21),
    ]);
  });

  it("escaped workflow JavaScript: matches in decoded text are reported at their source", () => {
    const text = readFixture("escaped-workflow.xml");
    const messages = lint(text, {
      "campaign-ims/report-text": ["error", "<urn:Logon"],
    });
    expect(messages.map(brief)).toEqual([
      {
        ruleId: "campaign-ims/report-text",
        severity: 2,
        message: "Found <urn:Logon: &lt;urn:Logon",
        line: 4,
        column: 27,
        endLine: 4,
        endColumn: 40,
      },
    ]);
    expect(lint(text, { "campaign-ims/report-text": ["error", "xtk:session#Logon"] }).map(brief)).toEqual([
      {
        ruleId: "campaign-ims/report-text",
        severity: 2,
        message: "Found xtk:session#Logon: xtk:session#Logon",
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 32,
      },
    ]);
  });
});

describe("other recoveries, each reported once at the first problem", () => {
  const cases: [string, string, string[], string, [number, number, number, number]][] = [
    ["a stray end tag is text", "<a>x</b>y</a>", ["a"], "End tag matches no open element.", [1, 5, 1, 9]],
    ["an end tag without >", "<a>x</a", ["a"], 'End tag has no closing ">".', [1, 5, 1, 7]],
    ["a < that starts no tag", "<a>1 < 2</a>", ["a"], '"<" starts no tag; write it as "&lt;".', [1, 6, 1, 7]],
    ["template tags <${tag}>", "<a><${tag}>v</${tag}></a>", ["a"], '"<" starts no tag; write it as "&lt;".', [1, 4, 1, 5]],
    ["an unclosed comment", "<a><b/><!-- note", ["a", "b"], 'Comment has no closing "-->".', [1, 8, 1, 17]],
    ["an unclosed CDATA section", "<a><![CDATA[x", ["a"], 'CDATA section has no closing "]]>".', [1, 4, 1, 14]],
    ["a start tag without > at the end", '<a><b x="1"', ["a", "b"], 'Start tag has no closing ">".', [1, 4, 1, 6]],
    ["a start tag interrupted by markup", "<a><b x='1'\n<c/></a>", ["a", "b", "c"], 'Start tag has no closing ">".', [1, 4, 2, 1]],
    ["an attribute value without its closing quote", '<a x="1><b/></a>', ["a", "b"], 'Attribute value has no closing ".', [1, 4, 1, 8]],
    ["template code in a start tag", "<a <%= attrs %> y='1'/>", ["a"], "Template code <%…%> is not XML.", [1, 4, 1, 16]],
    ["a stray character in a start tag", "<a / b='1'/>", ["a"], "Unexpected / in start tag.", [1, 4, 1, 5]],
    ["two roots", "<a/><b/>", ["a", "b"], "More than one root element.", [1, 5, 1, 9]],
    ["text after the root", "<a/>\ntext", ["a"], "Text outside the root element.", [2, 1, 2, 2]],
    ["a misplaced doctype", "<a><!DOCTYPE a></a>", ["a"], "DOCTYPE inside an element.", [1, 4, 1, 13]],
    ["two unclosed elements: the inner one is reported", "<?xml version='1.0'?>\n<a>\n<b>", ["a", "b"], "Element has no end tag.", [3, 1, 3, 4]],
    ["an end tag that closes an ancestor", "<a>\n<b><c>\n</a>", ["a", "b", "c"], "Element has no end tag.", [2, 4, 2, 7]],
    // Found by fast-xml-parser's validator only: its message, at its position.
    ["a repeated attribute", '<a x="1" x="2"/>', ["a"], "Attribute … is repeated.", [1, 10, 1, 11]],
    ["an invalid attribute name", '<a 1x="1"/>', ["a"], "Attribute … is an invalid name.", [1, 4, 1, 5]],
    [
      "the validator's error comes first",
      '<a x="1" x="2">\n<%= y %></a>',
      ["a"],
      "Attribute … is repeated.",
      [1, 10, 1, 11],
    ],
  ];

  for (const [title, text, expectedNames, message, [line, column, endLine, endColumn]] of cases) {
    it(title, () => {
      const { document, problems } = parseXml(text);
      expect(names(document)).toEqual(expectedNames);
      expect(problems.map((problem) => [problem.message, problem.loc])).toEqual([
        [
          `Malformed XML (still linted): ${message}`,
          { start: { line, column }, end: { line: endLine, column: endColumn } },
        ],
      ]);
    });
  }

  it("keeps unreadable markup in the text of its element", () => {
    const { document } = parseXml("<a>x</b>1 < 2<${tag}></a>");
    expect(textOf(named(document, "a"))).toBe("x</b>1 < 2<${tag}>");
    expect(named(document, "a").children).toHaveLength(1);
  });

  it("closes every element when the text ends inside them", () => {
    const text = "<a><b><c>t";
    const { document } = parseXml(text);
    for (const element of elements(document)) {
      expect(element.range[1]).toBe(text.length);
      expect(element.loc.end).toEqual({ line: 1, column: 11 });
      expect(element.endTagRange).toBeNull();
      expect(element.contentRange![1]).toBe(text.length);
    }
  });

  it("reports nothing for an empty or blank file", () => {
    expect(parseXml("").problems).toEqual([]);
    expect(parseXml(" \r\n\t").problems).toEqual([]);
    expect(parseXml("").document).toMatchObject({ children: [], range: [0, 0], loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
  });

  it("an eslint-disable comment before it also silences the parse problem (ESLint applies it to ruleId null)", () => {
    expect(lint("<!-- eslint-disable -->\n<r><x/>&</r>").map(brief)).toEqual([]);
    expect(lint("<r><x/>&</r>").map(brief)).toEqual([
      { ruleId: "campaign-ims/no-x", severity: 2, message: "Element <x>.", line: 1, column: 4, endLine: 1, endColumn: 8 },
      parseProblem('"&" starts no entity or character reference; write it as "&amp;".', 1, 8, 1, 9),
    ]);
  });
});
