import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/languages/xml/index.js";
import {
  findSessionCalls,
  findSessionCallsInXml,
  findSessionMethodCalls,
  findSessionMethodElements,
  findSoapActions,
  isCampaignNamespace,
  isForeignPrefix,
  isXtkSessionSchema,
  jsonStringOffsets,
  mayBeCampaignParameterNamespace,
  sessionMethodOf,
  supportsDirectImsBearer,
  textNamespaceBindings,
} from "../../src/campaign/soap-actions.js";

/** The matched substrings, so a wrong offset shows up as a wrong string. */
const actions = (text: string) => findSoapActions(text).map((m) => [text.slice(m.start, m.end), m.method, m.spelling]);
const elements = (text: string) => findSessionMethodElements(text).map((m) => [text.slice(m.start, m.end), m.method]);

describe("findSoapActions", () => {
  it("finds every documented spelling with exact offsets", () => {
    expect(actions(`SOAPAction: xtk:session#Logon`)).toEqual([["xtk:session#Logon", "Logon", "hash"]]);
    expect(actions(`SOAPAction: "xtk:session#Logon"`)).toEqual([["xtk:session#Logon", "Logon", "hash"]]);
    expect(actions(`<header name="Action" value="xtk:session/Logon"/>`)).toEqual([["xtk:session/Logon", "Logon", "slash"]]);
    expect(actions(`/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon`)).toEqual([
      ["xtk%3Asession%23Logon", "Logon", "url-encoded"],
    ]);
    expect(actions(`soapAction=xtk%3asession%23logon&x=1`)).toEqual([["xtk%3asession%23logon", "Logon", "url-encoded"]]);
    expect(actions(`soapaction: XTK:SESSION#LOGON`)).toEqual([["XTK:SESSION#LOGON", "Logon", "hash"]]);
    expect(actions(`urn:xtk:session#Logon`)).toEqual([["xtk:session#Logon", "Logon", "hash"]]);
  });

  it("finds BearerTokenLogon and several actions in one text", () => {
    const text = `a xtk:session#BearerTokenLogon b\nc xtk:session#Logon`;
    expect(findSoapActions(text)).toEqual([
      { start: 2, end: 30, method: "BearerTokenLogon", spelling: "hash" },
      { start: 35, end: 52, method: "Logon", spelling: "hash" },
    ]);
  });

  it("never matches other methods or schemas", () => {
    for (const text of [
      "nms:rtEvent#PushEvent",
      "xtk:session#Logoff",
      "xtk:session#GetUserInfo",
      "xtk:session#LogonWithToken",
      "xtk:session#Logon2",
      "xtk:sessionInfo#Logon",
      "myxtk:session#Logon",
      "xtk:persist#Logon",
      "xtk:session#",
      "Windows logon failed",
      "nms:session#Logon",
    ]) {
      expect(findSoapActions(text), text).toEqual([]);
    }
  });
});

describe("findSessionMethodElements", () => {
  it("finds the Logon element of Adobe's envelope, offsets on the qualified name", () => {
    const envelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">
  <soapenv:Header/>
  <soapenv:Body>
    <urn:Logon>
      <urn:sessiontoken/>
      <urn:strLogin>admin</urn:strLogin>
      <urn:strPassword>secret</urn:strPassword>
      <urn:elemParameters/>
    </urn:Logon>
  </soapenv:Body>
</soapenv:Envelope>`;
    const [found] = findSessionMethodElements(envelope);
    expect(found).toEqual({ start: envelope.indexOf("urn:Logon"), end: envelope.indexOf("urn:Logon") + 9, method: "Logon", prefix: "urn" });
  });

  it("default namespace, any prefix, BearerTokenLogon", () => {
    expect(elements(`<Logon xmlns="urn:xtk:session"><login>a</login></Logon>`)).toEqual([["Logon", "Logon"]]);
    expect(elements(`<e xmlns:s="urn:xtk:session"><s:Logon/></e>`)).toEqual([["s:Logon", "Logon"]]);
    expect(elements(`<e xmlns:urn='urn:xtk:session'><urn:BearerTokenLogon><urn:bearerToken>x</urn:bearerToken></urn:BearerTokenLogon></e>`)).toEqual([
      ["urn:BearerTokenLogon", "BearerTokenLogon"],
    ]);
  });

  it("a fragment whose prefix is bound elsewhere in the text (template pieces, malformed)", () => {
    expect(elements(`<urn:Logon><urn:strLogin>$1</urn:strLogin></urn:Logon> <x xmlns:urn="urn:xtk:session"/>`)).toEqual([
      ["urn:Logon", "Logon"],
    ]);
    expect(elements(`<soap:Envelope xmlns:urn="urn:xtk:session"><soap:Body></wrong><urn:Logon>${"${user}"}`)).toEqual([
      ["urn:Logon", "Logon"],
    ]);
  });

  it("respects scope: a prefix re-bound to another namespace does not match", () => {
    const text = `<a xmlns:urn="urn:xtk:session"><b xmlns:urn="urn:other:service"><urn:Logon/></b><urn:Logon/></a>`;
    expect(findSessionMethodElements(text).map((m) => m.start)).toEqual([text.lastIndexOf("urn:Logon")]);
  });

  it("stays quiet on other methods, other namespaces, unbound prefixes, comments and prose", () => {
    for (const text of [
      `<e xmlns:urn="urn:xtk:session"><urn:Logoff/><urn:GetUserInfo/><urn:LogonWithToken/></e>`,
      `<e xmlns:urn="urn:nms:rtEvent"><urn:Logon/></e>`,
      `<urn:Logon><urn:strLogin>a</urn:strLogin></urn:Logon>`,
      `<Logon><user>a</user></Logon>`,
      `<e xmlns:urn="urn:xtk:session"><!-- <urn:Logon/> --></e>`,
      `<e xmlns:urn="urn:xtk:session"><![CDATA[<urn:Logon/>]]></e>`,
      `Call Logon with xmlns="urn:xtk:session" to open a session.`,
      `<e xmlns:a="urn:xtk:session" xmlns:urn="urn:other"><urn:Logon/></e>`,
    ]) {
      expect(findSessionMethodElements(text), text).toEqual([]);
    }
  });
});

const calls = (text: string) => findSessionMethodCalls(text).map((m) => [text.slice(m.start, m.end), m.method, m.kind]);

describe("findSessionMethodCalls (Campaign server-side JavaScript)", () => {
  it("xtk.session.Logon() and BearerTokenLogon(), offsets on the method name", () => {
    expect(calls(`var r = xtk.session.Logon(login, pwd, <param/>);`)).toEqual([["Logon", "Logon", "api-call"]]);
    expect(calls(`xtk . session\n  .BearerTokenLogon(token)`)).toEqual([["BearerTokenLogon", "BearerTokenLogon", "api-call"]]);
  });

  it("calls on a SoapService bound to urn:xtk:session in the same text", () => {
    const text = `var s = new SoapService(cnx, "urn:xtk:session");\nvar rt = new SoapService(cnx, 'urn:nms:rtEvent');\nrt.Logon("", a, b);\ns.Logon("", a, b);\ns2.Logon();`;
    expect(findSessionMethodCalls(text)).toEqual([
      { start: text.indexOf("Logon", text.indexOf("s.Logon")), end: text.indexOf("s.Logon") + 7, method: "Logon", kind: "soap-service-call" },
    ]);
    expect(calls(`session = new SoapService(cnx, 'xtk:session'); session.BearerTokenLogon(t)`)).toEqual([
      ["BearerTokenLogon", "BearerTokenLogon", "soap-service-call"],
    ]);
  });

  it("stays quiet on other objects and names", () => {
    for (const text of [
      `foo.xtk.session.Logon(a)`,
      `xtk.sessionInfo.Logon(a)`,
      `xtk.session.Logoff()`,
      `xtk.session.LogonWithToken(a)`,
      `ldap.Logon(user, password)`,
      `session.Logon("", a, b)`,
      `var s = new SoapService(cnx, "urn:xtk:sessionInfo"); s.Logon()`,
      `xtk.session.Logon`,
    ]) {
      expect(findSessionMethodCalls(text), text).toEqual([]);
    }
  });
});

describe("findSessionCalls", () => {
  it("actions, envelopes and (in code) calls of one method, in source order", () => {
    const text = `x.Logon(); s = new SoapService(c, "urn:xtk:session"); s.Logon(); a = "xtk:session#Logon"; b = '<Logon xmlns="urn:xtk:session"/>'; c = "xtk:session#BearerTokenLogon";`;
    const found = (code: boolean) => findSessionCalls(text, "Logon", { code }).map((m) => [text.slice(m.start, m.end), m.kind]);
    expect(found(true)).toEqual([
      ["Logon", "soap-service-call"],
      ["xtk:session#Logon", "action"],
      ["Logon", "envelope"],
    ]);
    expect(found(false)).toEqual([
      ["xtk:session#Logon", "action"],
      ["Logon", "envelope"],
    ]);
    expect(findSessionCalls(text, "BearerTokenLogon").map((m) => text.slice(m.start, m.end))).toEqual(["xtk:session#BearerTokenLogon"]);
    expect(findSessionCalls("nothing here", "Logon")).toEqual([]);
  });
});

describe("findSessionCallsInXml", () => {
  it("keeps every finding of a hostile text (more than a call's argument limit)", () => {
    const count = 200_000;
    const text = `<script>${"xtk:session#Logon;".repeat(count)}</script>`;
    const found = findSessionCallsInXml(parseXml(text).document.children, "Logon");
    expect(found).toHaveLength(count);
    expect(text.slice(found[count - 1]!.start, found[count - 1]!.end)).toBe("xtk:session#Logon");
  });
});

describe("jsonStringOffsets", () => {
  it("maps each value unit to its source offset through escapes", () => {
    // Value: a"b\n<é>X (8 units); source escapes take 2 or 6 characters.
    const raw = String.raw`"a\"b\n\u003Cé>X"`;
    const value = JSON.parse(raw) as string;
    const offsets = jsonStringOffsets(raw, 100);
    expect(offsets).toHaveLength(value.length + 1);
    expect(value.split("").map((char, i) => [char, raw.slice(offsets[i]! - 100, offsets[i + 1]! - 100)])).toEqual([
      ["a", "a"],
      ['"', String.raw`\"`],
      ["b", "b"],
      ["\n", String.raw`\n`],
      ["<", String.raw`\u003C`],
      ["é", "é"],
      [">", ">"],
      ["X", "X"],
    ]);
    expect(offsets.at(-1)).toBe(100 + raw.length - 1);
    expect(jsonStringOffsets(`""`, 7)).toEqual([8]);
  });
});

describe("schema and method values (SOAP calls assembled from parts)", () => {
  it("isXtkSessionSchema", () => {
    expect(isXtkSessionSchema("xtk:session")).toBe(true);
    expect(isXtkSessionSchema("urn:xtk:session")).toBe(true);
    expect(isXtkSessionSchema("xtk:sessionInfo")).toBe(false);
    expect(isXtkSessionSchema("nms:rtEvent")).toBe(false);
  });

  it("sessionMethodOf", () => {
    expect(sessionMethodOf("Logon")).toBe("Logon");
    expect(sessionMethodOf("BearerTokenLogon")).toBe("BearerTokenLogon");
    expect(sessionMethodOf("xtk:session#Logon")).toBe("Logon");
    expect(sessionMethodOf("logon")).toBeUndefined();
    expect(sessionMethodOf("Logoff")).toBeUndefined();
    expect(sessionMethodOf("xtk:session#Logon extra")).toBeUndefined();
  });
});

describe("supportsDirectImsBearer", () => {
  it("Campaign v8.5+ and the IMS-ready v7 builds", () => {
    for (const version of ["8.5", "8.5.1", "v8.6", "8.7.2", "9.0", "7.3.5", "7.4.1", "7.4", "7.3.2.IMS", "7.3.3.ims", " 8.5 "]) {
      expect(supportsDirectImsBearer(version), version).toBe(true);
    }
  });

  it("older builds and anything unparsable", () => {
    for (const version of ["8.4", "8.4.9", "8", "7.3.4", "7.3.1.IMS", "7.2.5", "6.1", "latest", "", "8.x", "7.2.IMS"]) {
      expect(supportsDirectImsBearer(version), version).toBe(false);
    }
  });
});

describe("Campaign namespaces", () => {
  it("accepts Campaign's SOAP namespaces and custom schemas, not other vendors' URIs", () => {
    for (const uri of ["urn:xtk:session", "urn:nms:rtEvent", "urn:xtk:queryDef", "urn:cus:recipient", " urn:acme:order "]) {
      expect(isCampaignNamespace(uri), uri).toBe(true);
    }
    for (const uri of ["http://api.lexvendor.example/v2", "urn:partner.soap.sforce.com", "urn:xtk", "urn:xtk:session:extra", "https://schemas.xmlsoap.org/soap/envelope/", ""]) {
      expect(isCampaignNamespace(uri), uri).toBe(false);
    }
  });

  it("lets a sessiontoken parameter be unqualified, in a SOAP envelope namespace or a Campaign one", () => {
    expect(mayBeCampaignParameterNamespace(null)).toBe(true);
    expect(mayBeCampaignParameterNamespace("")).toBe(true);
    expect(mayBeCampaignParameterNamespace("http://schemas.xmlsoap.org/soap/envelope/")).toBe(true);
    expect(mayBeCampaignParameterNamespace("urn:nms:rtEvent")).toBe(true);
    expect(mayBeCampaignParameterNamespace("http://api.lexvendor.example/v2")).toBe(false);
  });

  it("reads namespace bindings from markup and from code that writes markup", () => {
    const text = [
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:lx='http://lx.example/v2' xmlns="urn:xtk:queryDef">`,
      `const o = { "@_xmlns:ns0": "urn:nms:rtEvent" }; b.att("xmlns:ven", "http://ven.example/");`,
    ].join("\n");
    const bindings = textNamespaceBindings(text);
    expect(Object.fromEntries([...bindings].map(([prefix, uris]) => [prefix, [...uris]]))).toEqual({
      s: ["http://schemas.xmlsoap.org/soap/envelope/"],
      lx: ["http://lx.example/v2"],
      "": ["urn:xtk:queryDef"],
      ns0: ["urn:nms:rtEvent"],
      ven: ["http://ven.example/"],
    });
    expect(isForeignPrefix(bindings, "lx:sessiontoken")).toBe(true);
    expect(isForeignPrefix(bindings, "ven:sessiontoken")).toBe(true);
    expect(isForeignPrefix(bindings, "ns0:sessiontoken")).toBe(false);
    // An unbound prefix (a template fragment) and an unprefixed name are not foreign.
    expect(isForeignPrefix(bindings, "urn:sessiontoken")).toBe(false);
    expect(isForeignPrefix(bindings, "sessiontoken")).toBe(false);
    // A prefix bound to a Campaign namespace somewhere is not foreign.
    expect(isForeignPrefix(textNamespaceBindings(`xmlns:p="http://x.example" xmlns:p="urn:xtk:session"`), "p:sessiontoken")).toBe(false);
  });
});
