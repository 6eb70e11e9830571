import { describe, expect, it } from "vitest";
import rule from "../../rules/no-password-logon.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { cpuTime } from "../support/cpu-time.js";
import { errorAt as error } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("xml");


const ENVELOPE = lines(
  `<?xml version="1.0" encoding="utf-8"?>`,
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">`,
  `  <soapenv:Header/>`,
  `  <soapenv:Body>`,
  `    <urn:Logon>`,
  `      <urn:sessiontoken/>`,
  `      <urn:strLogin>admin</urn:strLogin>`,
  `      <urn:strPassword>secret</urn:strPassword>`,
  `      <urn:elemParameters/>`,
  `    </urn:Logon>`,
  `  </soapenv:Body>`,
  `</soapenv:Envelope>`,
);

const WS_ADDRESSING = lines(
  `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">`,
  `  <s:Header><a:Action>xtk:session#Logon</a:Action></s:Header>`,
  `  <s:Body><Logon xmlns="urn:xtk:session"><login>a</login></Logon></s:Body>`,
  `</s:Envelope>`,
);

const WSO2 = lines(
  `<sequence name="campaignLogon" xmlns="http://ws.apache.org/ns/synapse">`,
  `  <header name="Action" value="xtk:session/Logon"/>`,
  `  <header name="SOAPAction" scope="transport" value="&quot;xtk:session#Logon&quot;"/>`,
  `  <call><endpoint><address uri="https://acc.example.com/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon"/></endpoint></call>`,
  `</sequence>`,
);

const WORKFLOW_ESCAPED = lines(
  `<workflow internalName="WKF1">`,
  `  <activities>`,
  `    <js label="Log on" name="js1">`,
  `      <script>if (a &amp;&amp; b) { var body = '&lt;urn:Logon xmlns:urn=&quot;urn:xtk:session&quot;&gt;&lt;urn:sessiontoken/&gt;'; }`,
  `var action = "xtk:session#Logon";`,
  `var r = xtk.session.Logon(login, password, &lt;param/&gt;);</script>`,
  `    </js>`,
  `  </activities>`,
  `</workflow>`,
);

const WORKFLOW_CDATA = lines(
  `<workflow>`,
  `  <js><script><![CDATA[`,
  `var session = new SoapService(cnx, "urn:xtk:session");`,
  `session.addMethod("Logon", "xtk:session#Logon", "", ["sessiontoken", "string", "strLogin", "string"], []);`,
  `if (a && b < c) session.Logon("", login, password, <param/>);`,
  `var raw = '<urn:Logon xmlns:urn="urn:xtk:session"><urn:strLogin>' + login + '</urn:strLogin></urn:Logon>';`,
  `]]></script></js>`,
  `</workflow>`,
);

// Templates are not well-formed by design: keep the language's parse problem out of these cases.
const TEMPLATES = { reportParseProblems: false };

const ESCAPED_ATTRIBUTE = `<param name="body" value="&lt;Logon xmlns=&quot;urn:xtk:session&quot;/&gt;"/>`;

ruleTester.run("no-password-logon (XML)", rule, {
  valid: [
    // A WSDL declares the Logon operation and its action: a definition, not a call.
    { code: fixture("migrated-repo/soap/session-service.wsdl.xml"), filename: "session-service.wsdl.xml" },
    // WSDL 1.1 with SOAP 1.2 binding, and WSDL 2.0's wsoap:action.
    lines(
      `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/">`,
      `  <binding name="b"><operation name="Logon"><soap12:operation soapAction="xtk:session#Logon"/></operation></binding>`,
      `</definitions>`,
    ),
    lines(
      `<description xmlns="http://www.w3.org/ns/wsdl" xmlns:wsoap="http://www.w3.org/ns/wsdl/soap">`,
      `  <binding name="b"><operation ref="tns:Logon" wsoap:action="xtk:session#Logon"/></binding>`,
      `</description>`,
    ),
    // The migrated target: another method, empty sessiontoken.
    fixture("migrated-repo/soap/push-event.xml"),
    // A Logon element of another namespace, an unbound prefix, no namespace at all.
    `<e xmlns:urn="urn:nms:rtEvent"><urn:Logon><urn:strLogin>a</urn:strLogin></urn:Logon></e>`,
    `<urn:Logon><urn:strLogin>a</urn:strLogin></urn:Logon>`,
    `<Logon><user>a</user><password>b</password></Logon>`,
    // A prefix re-bound to another namespace in scope.
    `<a xmlns:urn="urn:xtk:session"><b xmlns:urn="urn:other"><urn:Logon/></b></a>`,
    // Other xtk:session methods, other actions, look-alike names.
    `<e xmlns:urn="urn:xtk:session"><urn:Logoff/><urn:GetUserInfo/><urn:LogonWithToken/></e>`,
    `<header name="Action" value="xtk:session/Logoff"/>`,
    `<header name="SOAPAction" value="nms:rtEvent#PushEvent"/>`,
    `<task name="Windows logon" action="xtk:sessionInfo#Logon"/>`,
    // BearerTokenLogon belongs to prefer-ims-bearer-token.
    `<e xmlns:urn="urn:xtk:session"><urn:BearerTokenLogon/><a action="xtk:session#BearerTokenLogon"/></e>`,
    // Comments are not calls.
    lines(`<e xmlns:urn="urn:xtk:session">`, `  <!-- <urn:Logon/> was replaced; never send xtk:session#Logon again -->`, `</e>`),
    // Prose text and unrelated scripts: no action, no envelope, no call on xtk.session or a SoapService.
    `<doc>Call Logon with xmlns="urn:xtk:session" to open a session.</doc>`,
    `<script>ldap.Logon(user, password); var rt = new SoapService(cnx, "urn:nms:rtEvent"); rt.Logon("", a, b);</script>`,
    `<script>foo.xtk.session.Logon(a, b); xtk.sessionInfo.Logon(a);</script>`,
  ],
  invalid: [
    // Adobe's envelope: the qualified element name.
    {
      code: ENVELOPE,
      errors: [{ messageId: "soapLogonEnvelope", line: 5, column: 6, endLine: 5, endColumn: 15, suggestions: [] }],
      output: null,
    },
    // Default namespace and another prefix.
    {
      code: `<Logon xmlns="urn:xtk:session"><login>a</login></Logon>`,
      errors: [error("soapLogonEnvelope", `<Logon xmlns="urn:xtk:session"><login>a</login></Logon>`, "Logon")],
      output: null,
    },
    {
      code: `<e xmlns:s="urn:xtk:session"><s:Logon/></e>`,
      errors: [error("soapLogonEnvelope", `<e xmlns:s="urn:xtk:session"><s:Logon/></e>`, "s:Logon")],
      output: null,
    },
    // One envelope is one call: the WS-Addressing action and the method element give one finding,
    // on the first of them.
    {
      code: WS_ADDRESSING,
      errors: [error("soapLogonAction", WS_ADDRESSING, "xtk:session#Logon")],
      output: null,
    },
    // WSO2: the Action header (slash spelling), a quoted SOAPAction (entity-escaped) and the
    // URL-encoded query each configure the call; the report covers the source characters.
    {
      code: WSO2,
      errors: [
        error("soapLogonAction", WSO2, "xtk:session/Logon"),
        error("soapLogonAction", WSO2, "xtk:session#Logon"),
        error("soapLogonAction", WSO2, "xtk%3Asession%23Logon"),
      ],
      output: null,
    },
    // Escaped workflow JavaScript: `&lt;` / `&quot;` / `&amp;` shift the offsets; the envelope
    // string, the SOAP action and the xtk.session.Logon() call are each reported.
    {
      code: WORKFLOW_ESCAPED,
      errors: [
        error("soapLogonEnvelope", WORKFLOW_ESCAPED, "urn:Logon"),
        error("soapLogonAction", WORKFLOW_ESCAPED, "xtk:session#Logon"),
        error("soapLogonMethod", WORKFLOW_ESCAPED, "Logon(login", { length: 5 }),
      ],
      output: null,
    },
    // Raw JavaScript in CDATA: SoapService declaration and call, and an envelope string.
    {
      code: WORKFLOW_CDATA,
      errors: [
        error("soapLogonAction", WORKFLOW_CDATA, "xtk:session#Logon"),
        error("soapServiceLogon", WORKFLOW_CDATA, 'Logon("",', { length: 5 }),
        error("soapLogonEnvelope", WORKFLOW_CDATA, "urn:Logon"),
      ],
      output: null,
    },
    // An escaped envelope in an attribute value.
    {
      code: ESCAPED_ATTRIBUTE,
      errors: [{ messageId: "soapLogonEnvelope", line: 1, column: 31, endLine: 1, endColumn: 36, suggestions: [] }],
      output: null,
    },
    // The fixtures: escaped workflow and malformed templates still get their findings.
    {
      code: fixture("languages/xml/escaped-workflow.xml"),
      errors: [
        error("soapLogonEnvelope", fixture("languages/xml/escaped-workflow.xml"), "urn:Logon"),
        error("soapLogonAction", fixture("languages/xml/escaped-workflow.xml"), "xtk:session#Logon"),
      ],
      output: null,
    },
    ...["missing-close-tag.xml", "template-dollar.xml", "template-js.xml", "template-mustache.xml", "template-erb.xml", "unescaped-ampersand.xml"].map((name) => {
      const code = fixture(`languages/xml/${name}`);
      // The parse problem (ruleId null) is the XML language's message, tested there.
      return { code, filename: name, languageOptions: TEMPLATES, errors: [error("soapLogonEnvelope", code, "urn:Logon")], output: null };
    }),
    {
      code: fixture("legacy-repo/soap/logon.xml"),
      errors: [error("soapLogonEnvelope", fixture("legacy-repo/soap/logon.xml"), "urn:Logon")],
      output: null,
    },
    // CRLF and a template placeholder in the middle of the envelope.
    {
      languageOptions: TEMPLATES,
      code: `<urn:Logon xmlns:urn="urn:xtk:session">\r\n  <urn:strLogin>{{login}}</urn:strLogin>\r\n  <urn:strPassword><%= pwd %></urn:strPassword>\r\n</urn:Logon>\r\n<x a="xtk:session#Logon"/>`,
      errors: [
        { messageId: "soapLogonEnvelope", line: 1, column: 2, endLine: 1, endColumn: 11, suggestions: [] },
        { messageId: "soapLogonAction", line: 5, column: 7, endLine: 5, endColumn: 24, suggestions: [] },
      ],
      output: null,
    },
  ],
});

describe("many findings on one line", () => {
  it("stays linear: a minified 4.5 MB SOAP log with 20,000 Logon envelopes", async () => {
    const { Linter } = await import("eslint");
    const { default: plugin } = await import("../../src/index.js");
    const envelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session"><soapenv:Body><urn:Logon><urn:strLogin>a</urn:strLogin><x>some text here</x></urn:Logon></soapenv:Body></soapenv:Envelope>`;
    const code = `<log>${envelope.repeat(20_000)}</log>`;
    const { result: messages, cpuMs } = cpuTime(() =>
      new Linter().verify(code, [
        { files: ["**/*.xml"], plugins: { "campaign-ims": plugin }, language: "campaign-ims/xml", rules: { "campaign-ims/no-password-logon": "error" } },
      ], "log.xml"),
    );
    // Quadratic position lookups took minutes here; linear ones take about two seconds.
    expect(cpuMs).toBeLessThan(30_000);
    expect(messages).toHaveLength(20_000);
    const last = code.lastIndexOf("urn:Logon>", code.lastIndexOf("</urn:Logon>"));
    expect(messages.at(-1)).toMatchObject({ line: 1, column: last + 1, endColumn: last + 10 });
  }, 60_000);
});
