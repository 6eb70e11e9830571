import type { Linter } from "eslint";
import { beforeEach, describe, expect, it } from "vitest";
import { httpLanguage, HttpSourceCode, parseHttp, parseHttpFile } from "../../../src/languages/http/index.js";
import type { HttpDocument } from "../../../src/languages/http/index.js";
import { addAuthorizationIn, lint, parse, short, visits } from "./support.js";

const SOAP = [
  "### Logon",
  "POST {{host}}/nl/jsp/soaprouter.jsp",
  "Content-Type: text/xml",
  "# eslint-disable-next-line campaign-ims/report-headers",
  "SOAPAction: xtk:session#Logon",
  "X-Security-Token: {{securityToken}} // eslint-disable-line campaign-ims/report-headers",
  "Cookie: __sessiontoken={{session}}",
  "",
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">',
  "  <soapenv:Body>",
  "    <!-- eslint-disable-next-line campaign-ims/report-xml-elements -->",
  '    <urn:Logon xmlns:urn="urn:xtk:session"/>',
  '    <urn:Logon xmlns:urn="urn:xtk:session"/>',
  "  </soapenv:Body>",
  "</soapenv:Envelope>",
  "",
].join("\n");

describe("httpLanguage through ESLint's Linter", () => {
  it("reports headers at their exact positions; # and // directives work (a header line's // is part of its value)", () => {
    const onOwnLine = "GET /a\n// eslint-disable-next-line campaign-ims/report-headers\nX-Session-Token: a\nX-Session-Token: b\n";
    expect(lint(onOwnLine).map(short)).toEqual(["4:1-4:19 X-Session-Token: b"]);
  });

  it("runs XML visitors on XML bodies; # comments and <!-- eslint-… --> comments in the body are directives", () => {
    const messages = lint(SOAP, { "campaign-ims/report-headers": "error", "campaign-ims/report-xml-elements": ["error", "Logon"] });
    expect(messages.map(short)).toEqual([
      "3:1-3:23 Content-Type: text/xml",
      "6:1-6:87 X-Security-Token: {{securityToken}} // eslint-disable-line campaign-ims/report-headers",
      "7:1-7:35 Cookie: __sessiontoken={{session}}",
      "13:5-13:45 <urn:Logon> in urn:xtk:session",
    ]);
    // With the XML rule off, ESLint reports the body's directive as unused: it was read as one.
    expect(lint(SOAP).map(short).at(-1)).toBe(
      "11:5-undefined:undefined Unused eslint-disable directive (no problems were reported from 'campaign-ims/report-xml-elements').",
    );
  });

  it("# eslint-disable / eslint-enable and inline configuration", () => {
    const code = "# eslint-disable\nGET /a\nA: 1\n# eslint-enable\nB: 2\n###\n# eslint campaign-ims/report-headers: warn\nGET /b\nC: 3\n";
    // Inline configuration applies to the whole file, wherever the comment is.
    expect(lint(code).map((m) => [m.severity, short(m)])).toEqual([
      [1, "5:1-5:5 B: 2"],
      [1, "9:1-9:5 C: 3"],
    ]);
  });

  it("reports a request across its lines, and parse problems next to findings", () => {
    const code = "GET /a\n\n> {%\n  client.log(1)\n###\nPOST /b\n";
    expect(lint(code, { "campaign-ims/report-requests": "error" }).map(short)).toEqual([
      "1:1-4:16 GET /a",
      '3:3-3:5 Unterminated response handler: no "%}" closes "{%".',
      "6:1-6:8 POST /b",
    ]);
  });

  it("fails a binary file (a NUL byte) with one fatal message", () => {
    const messages = lint("GET /a\n\u0000");
    expect(messages.map((m) => [m.fatal, m.line, m.column, m.message])).toEqual([
      [true, 2, 1, "Parsing error: Binary content (NUL byte at line 2, column 1): not parsed as an HTTP request file."],
    ]);
  });

  it("reports columns after a BOM as ESLint counts them (ESLint strips the BOM)", () => {
    expect(lint("\uFEFFGET /a\nX-Security-Token: t\n").map(short)).toEqual(["2:1-2:20 X-Security-Token: t"]);
  });
});

describe("directive lines from @eslint/markdown's processor (an http fence in a runbook)", () => {
  // The processor turns `<!-- eslint… -->` before a fence into `/*eslint…*/` lines at the top.
  const fence = "runbook.md/0.http";
  const both = { "campaign-ims/report-requests": "error", "campaign-ims/report-headers": "error" } as const;

  it("work like # comment directives, at the positions of the whole text", () => {
    const nextLine = "/*eslint-disable-next-line campaign-ims/report-requests -- runbook example*/\nPOST /a\nX-Session-Token: a\n";
    expect(lint(nextLine, both, fence).map(short)).toEqual(["3:1-3:19 X-Session-Token: a"]);
    const region = "/*eslint-disable*/\n/*eslint-enable campaign-ims/report-headers*/\nGET /a\nA: 1\n";
    expect(lint(region, both, fence).map(short)).toEqual(["4:1-4:5 A: 1"]);
    const config = '/*eslint campaign-ims/report-headers: "warn"*/\nGET /a\nA: 1\n';
    expect(lint(config, undefined, fence).map((m) => [m.severity, short(m)])).toEqual([[1, "3:1-3:5 A: 1"]]);
    // They cover the XML visitors of the bodies too.
    const soap = '/*eslint-disable campaign-ims/report-xml-elements*/\nPOST /a\nContent-Type: text/xml\n\n<urn:Logon xmlns:urn="urn:xtk:session"/>\n';
    const rules: Linter.RulesRecord = { "campaign-ims/report-headers": "error", "campaign-ims/report-xml-elements": ["error", "Logon"] };
    expect(lint(soap, rules, fence).map(short)).toEqual(["3:1-3:23 Content-Type: text/xml"]);
  });

  it("are no part of the file: the same nodes and messages as without them, two lines down", () => {
    // Lines the processor copies that are no directive (`global`, `eslint-env`) are skipped as well.
    const prefix = "/* global x */\n/* eslint-env node */\n";
    const rules: Linter.RulesRecord = { ...both, "campaign-ims/report-xml-elements": ["error", "Logon"], "campaign-ims/record-visits": "error" };
    visits.length = 0;
    const plain = lint(SOAP, rules, fence).map(short);
    const plainVisits = [...visits];
    visits.length = 0;
    const prefixed = lint(prefix + SOAP, rules, fence).map((m) => short({ ...m, line: m.line - 2, endLine: m.endLine === undefined ? undefined : m.endLine - 2 }));
    expect(plain).toHaveLength(5);
    expect(prefixed).toEqual(plain);
    expect(visits).toEqual(plainVisits);
    // Every node's range and loc agree with the whole text (the invariants of `parse`).
    expect(parse(prefix + SOAP).ast.comments).toHaveLength(parse(SOAP).ast.comments.length);
  });

  it("do not set the file's line ending: the content's first line break does", () => {
    expect(parseHttp("/* global x */\nGET /a\r\nA: 1\r\n").ast.lineEnding).toBe("\r\n");
    // A request whose last line has no break takes the file's.
    expect(addAuthorizationIn("/* global x */\nPOST /a\r\nX-Security-Token: t", fence).output).toBe(
      "/* global x */\nPOST /a\r\nX-Security-Token: t\r\nAuthorization: Bearer {{imsToken}}",
    );
  });
});

describe("fixes at the header insertion point", () => {
  it("adds a header after the last one, keeping the request's line ending", () => {
    const code = "POST /a\nContent-Type: text/xml\n\n<x/>\n###\nGET /b\r\nAccept: */*\r\n\r\n###\nGET /c";
    const report = addAuthorizationIn(code);
    expect(report.output).toBe(
      "POST /a\nContent-Type: text/xml\nAuthorization: Bearer {{imsToken}}\n\n<x/>\n###\nGET /b\r\nAccept: */*\r\nAuthorization: Bearer {{imsToken}}\r\n\r\n###\nGET /c\nAuthorization: Bearer {{imsToken}}",
    );
    expect(report.messages).toEqual([]);
  });

  it("adds it after a multi-line URL and before a comment line that follows the headers", () => {
    const code = "GET /a\n    ?x=1\n# note\n\nbody\n";
    expect(addAuthorizationIn(code).output).toBe("GET /a\n    ?x=1\nAuthorization: Bearer {{imsToken}}\n# note\n\nbody\n");
  });

  it("keeps the BOM and CRLF of the file", () => {
    expect(addAuthorizationIn("\uFEFFPOST /a\r\nX-Security-Token: t\r\n").output).toBe("\uFEFFPOST /a\r\nX-Security-Token: t\r\nAuthorization: Bearer {{imsToken}}\r\n");
  });
});

describe("HttpSourceCode", () => {
  beforeEach(() => {
    visits.length = 0;
  });

  it("traverses HTTP and XML nodes in source order", () => {
    const code = "@v = 1\n# c\nPOST /a\nContent-Type: text/xml\n\n<r><x/></r>\n\n> ./h.js\n";
    lint(code, { "campaign-ims/record-visits": "error" });
    expect(visits).toEqual([
      "enter HttpDocument",
      "enter HttpVariable(v) < HttpDocument",
      "exit HttpVariable(v)",
      "enter HttpComment < HttpDocument",
      "exit HttpComment",
      "enter HttpRequest < HttpDocument",
      "enter HttpHeader(Content-Type) < HttpRequest",
      "exit HttpHeader(Content-Type)",
      "enter HttpBody < HttpRequest",
      "enter XmlDocument < HttpBody",
      "enter XmlElement(r) < XmlDocument",
      "enter XmlElement(x) < XmlElement",
      "exit XmlElement(x)",
      "exit XmlElement(r)",
      "exit XmlDocument",
      "exit HttpBody",
      "enter HttpFileReference < HttpRequest",
      "exit HttpFileReference",
      "exit HttpRequest",
      "exit HttpDocument",
    ]);
  });

  it("exposes text, lines, comments (HTTP and XML) and parents", () => {
    const text = "# eslint-disable\r\nPOST /a\r\n\r\n<a><!-- eslint-disable-line --></a>\r\n";
    const parsed = parseHttpFile(text);
    const ast = (parsed as { ast: HttpDocument }).ast;
    const sourceCode = httpLanguage.createSourceCode({ path: "a.http", physicalPath: "a.http", bom: false, body: text }, parsed as never);
    expect(sourceCode).toBeInstanceOf(HttpSourceCode);
    expect(sourceCode.lines).toEqual(["# eslint-disable", "POST /a", "", "<a><!-- eslint-disable-line --></a>", ""]);
    expect(sourceCode.getInlineConfigNodes().map((c) => c.type)).toEqual(["HttpComment", "XmlComment"]);
    const request = ast.requests[0];
    const element = request?.body?.xml?.children[0];
    expect(sourceCode.getAncestors(element as never).map((n) => n.type)).toEqual(["HttpDocument", "HttpRequest", "HttpBody", "XmlDocument"]);
    expect(sourceCode.getText(element as never)).toBe("<a><!-- eslint-disable-line --></a>");
  });

  it("has the language contract ESLint needs", () => {
    expect(httpLanguage).toMatchObject({ fileType: "text", lineStart: 1, columnStart: 1, nodeTypeKey: "type" });
    expect(httpLanguage.visitorKeys).toMatchObject({
      HttpDocument: ["variables", "requests", "comments"],
      HttpRequest: ["headers", "body", "scripts", "fileReferences"],
      HttpBody: ["xml"],
      XmlDocument: ["children"],
      XmlElement: ["attributes", "children"],
    });
    expect(() => httpLanguage.validateLanguageOptions({})).not.toThrow();
  });
});
