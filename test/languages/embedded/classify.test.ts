import { describe, expect, it } from "vitest";
import { classifyCode, declaredLanguage, xmlAttributesOnly } from "../../../src/languages/embedded/classify.js";
import { balanceBrackets, neutraliseJavascriptFragment } from "../../../src/languages/embedded/fragments.js";

describe("classifyCode: a code block's language by its content", () => {
  it.each([
    ["<soapenv:Envelope xmlns:soapenv=\"x\">\n  <urn:Logon/>\n</soapenv:Envelope>", "xml"],
    ["<?xml version=\"1.0\"?>\n<serverConf/>", "xml"],
    ["<!-- zone -->\n<securityZone name=\"lan\"/>", "xml"],
    ['allowUserPassword="true"', "xml"],
    ['allowHTTP="true" sessionTokenOnly="true"', "xml"],
    ["POST /nl/jsp/soaprouter.jsp HTTP/1.1\nHost: example\nSOAPAction: xtk:session#Logon", "http"],
    ["GET https://acme.example/nl/jsp/schemawsdl.jsp?schema=xtk:session", "http"],
    ["nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/Key", "sh"],
    ["$ curl -X POST https://acme.example/nl/jsp/soaprouter.jsp", "sh"],
    ["export ACC_PASSWORD=changeit\nnode sync.js", "sh"],
    ["CAMPAIGN_SESSION_TOKEN=abc", "sh"],
    ["const sdk = require(\"@adobe/acc-js-sdk\");\nconst client = await sdk.init(params);", "js"],
    ["client.logon();", "js"],
    ["sdk.ConnectionParameters.ofUserAndPassword(url, user, password)", "js"],
    ["var req = new HttpClientRequest(url);\nreq.header[\"X-Security-Token\"] = token;", "js"],
    ["const token: string = await fetchToken();", "ts"],
    ["interface Options { user: string }\nconst o = 1;", "ts"],
  ])("%j → %s", (text, language) => {
    expect(classifyCode(text)).toBe(language);
  });

  it.each([
    ["SELECT * FROM xtkOperator WHERE sName = 'admin'"],
    ['{ "sessiontoken": "x", "login": "admin" }'],
    ["The logon fails with error XSV-350008."],
    [""],
    ["   \n  \n"],
  ])("%j → nothing the plugin lints", (text) => {
    expect(classifyCode(text)).toBeUndefined();
  });

  it("bare attributes are only name=\"value\" pairs, and shell variables are not attributes", () => {
    expect(xmlAttributesOnly('allowUserPassword="true"\nsessionTokenOnly="true"')).toBe(true);
    expect(xmlAttributesOnly('ACC_PASSWORD="x"')).toBe(false);
    expect(xmlAttributesOnly('allowUserPassword="true" then restart')).toBe(false);
  });

  it("declared languages: fence names and `language-*` classes the plugin lints", () => {
    expect(declaredLanguage("typescript")).toBe("ts");
    expect(declaredLanguage("JavaScript")).toBe("js");
    expect(declaredLanguage("soap")).toBe("xml");
    expect(declaredLanguage("console")).toBe("sh");
    expect(declaredLanguage("rest")).toBe("http");
    expect(declaredLanguage("sql")).toBeUndefined();
  });
});

describe("neutraliseJavascriptFragment: same length, parseable", () => {
  it("overwrites placeholders and E4X syntax, keeps spreads", () => {
    const text = "f(a, ...);\nconst x = ...;\n...\ng([...items], { ...rest });\nvar t = String(res..*::pstrSessionToken) + node.@name + res..token;";
    const neutral = neutraliseJavascriptFragment(text);
    expect(neutral).toHaveLength(text.length);
    expect(neutral).toBe("f(a,    );\nconst x = 0  ;\n   \ng([...items], { ...rest });\nvar t = String(res.__$_pstrSessionToken) + node._name + res._token;");
  });

  it("leaves complete code alone", () => {
    const text = "const { a, ...b } = o;\nf(...args);\nconst n = 1..toString;";
    expect(neutraliseJavascriptFragment(text)).toBe(text);
  });
});

describe("balanceBrackets: a fragment's brackets, for text that does not parse", () => {
  it("overwrites closers with no opener and returns the closers still missing", () => {
    expect(balanceBrackets("function f() {\n  return g(1);\n}\n})")).toEqual({ text: "function f() {\n  return g(1);\n}\n  ", missing: "" });
    expect(balanceBrackets("if (ok) {\n  call([1, 2")).toEqual({ text: "if (ok) {\n  call([1, 2", missing: "])}" });
  });

  it("skips brackets in strings, template literals and comments", () => {
    const text = 'f(")", \'}\', `]`); // )\n/* } */ g(';
    expect(balanceBrackets(text)).toEqual({ text, missing: ")" });
  });
});
