import { describe, expect, it } from "vitest";
import type { XmlElement, XmlText } from "../../../src/languages/xml/index.js";
import { PROBLEM_PREFIX } from "../../../src/languages/xml/index.js";
import { parse, rangeOf, spanOf } from "./support.js";

const LOGON = [
  "### Logon",
  "POST {{host}}/nl/jsp/soaprouter.jsp",
  "Content-Type: text/xml; charset=utf-8",
  "SOAPAction: xtk:session#Logon",
  "",
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">',
  "  <soapenv:Body>",
  "    <urn:Logon>",
  "      <urn:sessiontoken>___{{session}}</urn:sessiontoken>",
  "      <urn:strLogin>admin</urn:strLogin>",
  "      <urn:strPassword>p&amp;ss</urn:strPassword>",
  "    </urn:Logon>",
  "  </soapenv:Body>",
  "</soapenv:Envelope>",
  "",
].join("\r\n");

describe("XML bodies", () => {
  it("are analysed as XML with positions in the .http file", () => {
    const { ast, problems } = parse(LOGON);
    expect(problems).toEqual([]);
    const body = ast.requests[0]?.body;
    expect(body).toMatchObject({ isXml: true, contentType: "text/xml; charset=utf-8" });
    const document = body?.xml;
    expect(document).toMatchObject({ type: "XmlDocument", range: body?.range, loc: body?.loc });
    const envelope = document?.children[0] as XmlElement;
    expect(envelope).toMatchObject({ type: "XmlElement", name: "soapenv:Envelope", namespaceURI: "http://schemas.xmlsoap.org/soap/envelope/" });
    expect(envelope.loc).toEqual({ start: { line: 6, column: 1 }, end: { line: 14, column: 20 } });
    const logon = (envelope.children.find((c) => c.type === "XmlElement") as XmlElement).children.find((c) => c.type === "XmlElement") as XmlElement;
    expect(logon).toMatchObject({ localName: "Logon", namespaceURI: "urn:xtk:session", ...spanOf(LOGON, "<urn:Logon>\r\n      <urn:sessiontoken>___{{session}}</urn:sessiontoken>\r\n      <urn:strLogin>admin</urn:strLogin>\r\n      <urn:strPassword>p&amp;ss</urn:strPassword>\r\n    </urn:Logon>") });
    const token = logon.children.find((c) => c.type === "XmlElement" && c.localName === "sessiontoken") as XmlElement;
    expect(token.contentRange).toEqual(rangeOf(LOGON, "___{{session}}"));
    expect(token.loc.start).toEqual({ line: 9, column: 7 });
    const password = logon.children.find((c) => c.type === "XmlElement" && c.localName === "strPassword") as XmlElement;
    const text = password.children[0];
    expect(text).toMatchObject({ type: "XmlText", value: "p&ss", raw: "p&amp;ss", valueRange: rangeOf(LOGON, "p&amp;ss") });
    // The reference map points at the file too.
    expect((text as XmlText).referenceMap).toEqual([1, 2, rangeOf(LOGON, "&amp;")[0], rangeOf(LOGON, "&amp;")[1]]);
  });

  it("are XML when the Content-Type says so or the body starts with <; other bodies are not", () => {
    const text = "POST /a\nContent-Type: application/soap+xml\n\n  <x/>\n###\nPOST /b\n\n<y/>\n###\nPOST /c\nContent-Type: application/json\n\n{\"<\": 1}\n";
    const { ast } = parse(text);
    expect(ast.requests.map((r) => [r.body?.isXml, r.body?.xml?.children.map((c) => c.type)])).toEqual([
      [true, ["XmlElement"]],
      [true, ["XmlElement"]],
      [false, undefined],
    ]);
    expect(ast.requests[0]?.body?.range).toEqual(rangeOf(text, "<x/>"));
  });

  it("report a malformed XML body as a problem and keep its nodes", () => {
    const text = "POST /a\nContent-Type: text/xml\n\n<urn:Logon><urn:strLogin>$1</urn:strLogin>\n";
    const { ast, problems } = parse(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message.startsWith(PROBLEM_PREFIX)).toBe(true);
    expect(problems[0]?.loc.start.line).toBe(4);
    const logon = ast.requests[0]?.body?.xml?.children[0] as XmlElement;
    expect(logon).toMatchObject({ name: "urn:Logon", endTagRange: null });
    expect(logon.children[0]).toMatchObject({ name: "urn:strLogin", ...spanOf(text, "<urn:strLogin>$1</urn:strLogin>") });
  });
});
