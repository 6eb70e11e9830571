import { describe, expect, it } from "vitest";
import { httpLanguage, HttpSourceCode } from "../../../src/languages/http/index.js";
import type { XmlElement, XmlNode } from "../../../src/languages/xml/index.js";
import { addAuthorizationIn, lint, parse, readFixture, short } from "./support.js";

/** Every element in an XML subtree, depth first. */
function elements(node: XmlNode | null | undefined): XmlElement[] {
  if (node == null) return [];
  const found: XmlElement[] = [];
  const stack: XmlNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as XmlNode;
    if (current.type === "XmlElement") found.push(current);
    if ("children" in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as XmlNode);
  }
  return found;
}

describe("http fixtures", () => {
  it("soap-logon-crlf-bom.http: BOM, CRLF, a SOAP Logon body with XML positions", () => {
    const text = readFixture("soap-logon-crlf-bom.http");
    const { ast, problems } = parse(text);
    expect(problems).toEqual([]);
    const request = ast.requests[0];
    expect(request).toMatchObject({ name: "Logon (Windows-edited: BOM and CRLF)", method: "POST", url: "{{host}}/nl/jsp/soaprouter.jsp", lineEnding: "\r\n" });
    expect(ast.variables.map((v) => [v.name, v.value, v.loc.start])).toEqual([["host", "https://acc.example.com", { line: 1, column: 2 }]]);
    const login = elements(request?.body?.xml).find((e) => e.localName === "strLogin");
    expect(login?.loc).toEqual({ start: { line: 12, column: 7 }, end: { line: 12, column: 41 } });
    // Through ESLint (BOM stripped), the fix inserts a CRLF header line after SOAPAction and keeps the BOM.
    const fixed = addAuthorizationIn(text).output;
    expect(fixed.startsWith("\uFEFF@host")).toBe(true);
    expect(fixed).toContain("SOAPAction: xtk:session#Logon\r\nAuthorization: Bearer {{imsToken}}\r\n\r\n<soapenv:Envelope");
    expect(fixed.length).toBe(text.length + "\r\nAuthorization: Bearer {{imsToken}}".length);
  });

  it("rest-client.rest: named requests, query continuation, body include, XML body, bare URL", () => {
    const text = readFixture("rest-client.rest");
    const { ast, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(ast.requests.map((r) => [r.name, r.method, r.url, r.headers.map((h) => h.name), r.body?.isXml ?? null])).toEqual([
      ["logon", "POST", "{{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon", ["Content-Type", "X-Security-Token"], null],
      ["query", "POST", "{{host}}/nl/jsp/soaprouter.jsp", ["Content-Type", "X-Session-Token", "Cookie"], true],
      [null, "GET", "{{host}}/r/test", [], null],
    ]);
    expect(ast.requests[0]?.fileReferences.map((f) => [f.kind, f.operator, f.path])).toEqual([["body", "<@", "./envelopes/logon.xml"]]);
    expect(elements(ast.requests[1]?.body?.xml).map((e) => e.name)).toEqual([
      "soapenv:Envelope",
      "soapenv:Header",
      "soapenv:Body",
      "urn:ExecuteQuery",
      "urn:sessiontoken",
      "urn:entity",
      "queryDef",
    ]);
    const sourceCode = new HttpSourceCode({ text, ast, problems });
    expect(sourceCode.getDisableDirectives().directives.map((d) => [d.type, d.value])).toEqual([["disable-next-line", "campaign-ims/no-session-token"]]);
    // The directive names a rule this test plugin does not define: ESLint says so, at the comment.
    expect(lint(text, { "campaign-ims/report-headers": "error" }, "rest-client.rest").map(short)).toEqual([
      "8:1-8:23 Content-Type: text/xml",
      "9:1-9:58 Definition for rule 'campaign-ims/no-session-token' was not found.",
      "10:1-10:62 X-Security-Token: {{logon.response.body.$.pstrSecurityToken}}",
      "18:1-18:23 Content-Type: text/xml",
      "19:1-19:60 X-Session-Token: {{logon.response.body.$.pstrSessionToken}}",
      "20:1-20:35 Cookie: __sessiontoken={{session}}",
    ]);
  });

  it("jetbrains.http: pre-request and response scripts, outputs and references, soap+xml bodies", () => {
    const { ast, problems } = parse(readFixture("jetbrains.http"));
    expect(problems).toEqual([]);
    expect(ast.requests.map((r) => [r.name, r.url, r.body?.isXml, r.scripts.map((s) => s.kind), r.fileReferences.map((f) => f.kind)])).toEqual([
      ["Exchange the JWT (legacy)", "https://ims-na1.adobelogin.com/ims/exchange/jwt", false, ["pre-request", "response-handler"], ["response-output"]],
      ["BearerTokenLogon with the access token", "https://acc.example.com/nl/jsp/soaprouter.jsp", true, [], ["response-handler", "response-reference"]],
      ["The target: IMS bearer token, empty session token", "https://acc.example.com/nl/jsp/soaprouter.jsp", true, [], []],
    ]);
    expect(ast.requests[0]?.body?.text).toBe("client_id={{clientId}}&client_secret={{clientSecret}}&jwt_token={{jwt}}");
    expect(elements(ast.requests[1]?.body?.xml).map((e) => e.localName)).toEqual(["Envelope", "Body", "BearerTokenLogon", "bearerToken"]);
    expect(ast.requests[2]?.headers.find((h) => h.name === "Authorization")?.value).toBe("Bearer {{imsToken}}");
  });

  it("malformed.http: a malformed XML body and an unterminated script are problems; the next request is still parsed", () => {
    const { ast, problems } = parse(readFixture("malformed.http"));
    expect(problems.map((p) => `${p.loc.start.line}:${p.loc.start.column} ${p.message.replace(/:.*/su, ":")}`)).toEqual([
      "6:20 Malformed XML (still linted):",
      "8:3 Unterminated response handler:",
    ]);
    expect(elements(ast.requests[0]?.body?.xml).map((e) => e.name)).toEqual(["urn:Logon", "urn:strLogin", "urn:strPassword"]);
    expect(ast.requests[1]?.headers.map((h) => [h.name, h.value, h.loc.start.line])).toEqual([["X-Security-Token", "@still-found", 13]]);
  });

  it("binary.http: a NUL byte makes the parse fail with a clear error", () => {
    expect(httpLanguage.parse({ path: "binary.http", physicalPath: "binary.http", bom: false, body: readFixture("binary.http") })).toEqual({
      ok: false,
      errors: [{ message: "Binary content (NUL byte at line 2, column 1): not parsed as an HTTP request file.", line: 2, column: 1 }],
    });
  });
});
