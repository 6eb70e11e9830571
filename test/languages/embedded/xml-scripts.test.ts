/**
 * JavaScript inside XML exports (src/languages/embedded/xml-scripts.ts): `<script>`,
 * `<initScript>`, `<source>`, entity-escaped or CDATA, linted by the JS rules with positions in
 * the XML file; the XML file is still linted by the XML rules, and a construct both find is
 * reported once.
 */
import { describe, expect, it } from "vitest";
import { xmlScriptBlocks } from "../../../src/languages/embedded/xml-scripts.js";
import { lint, spans } from "./lint.js";

const FETCH = 'fetch(url, { headers: { SOAPAction: "nms:rtEvent#PushEvent", "X-Security-Token": token } });';

describe("JavaScript in XML exports", () => {
  it("entity-escaped workflow script: JS findings where the code is in the XML, CRLF", () => {
    const workflow = [
      '<workflow internalName="push">',
      '  <js name="js"><script>var token = getOption(&quot;token&quot;);',
      FETCH.replaceAll('"', "&quot;"),
      "</script></js>",
      "</workflow>",
      "",
    ].join("\r\n");
    expect(lint(workflow, "workflows/push.xml")).toEqual(["no-session-token/securityTokenHeader 3:72-3:100"]);
    expect(spans(workflow, "workflows/push.xml")).toEqual(["&quot;X-Security-Token&quot;"]);
  });

  it("a CDATA <source> and an <initScript>: both linted", () => {
    const webApp = [
      "<webApp>",
      "  <source><![CDATA[",
      FETCH,
      "]]></source>",
      "  <initScript>const sdk = require(&quot;@adobe/acc-js-sdk&quot;); sdk.ConnectionParameters.ofSessionToken(url, t);</initScript>",
      "</webApp>",
      "",
    ].join("\n");
    expect(lint(webApp, "webapps/form.xml")).toEqual([
      "no-session-token/securityTokenHeader 3:62-3:80",
      "no-session-token/ofSessionToken 5:92-5:106",
    ]);
    expect(spans(webApp, "webapps/form.xml")).toEqual(['"X-Security-Token"', "ofSessionToken"]);
  });

  it("the XML rules still run on the same file, and a construct both languages find is reported once", () => {
    const workflow = [
      "<workflow>",
      "  <script>var session = new SoapService(cnx, &quot;urn:xtk:session&quot;);",
      "session.Logon(&quot;&quot;, login, password, &lt;param/&gt;);</script>",
      '  <soapenv:Body xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken>mc/Secret99</urn:sessiontoken></urn:PushEvent></soapenv:Body>',
      "</workflow>",
      "",
    ].join("\n");
    expect(lint(workflow, "workflows/mixed.xml")).toEqual([
      "no-password-logon/soapServiceLogon 3:9-3:14",
      "no-session-token/sessionTokenElement 4:136-4:147",
      "no-hardcoded-campaign-secret/loginPassword 4:136-4:147",
    ]);
    expect(spans(workflow, "workflows/mixed.xml")).toEqual(["Logon", "mc/Secret99", "mc/Secret99"]);
  });

  it("elements that are not code, empty scripts and files without scripts: no block", () => {
    expect(xmlScriptBlocks('<serverConf><securityZone name="x"/></serverConf>')).toEqual([]);
    expect(xmlScriptBlocks("<a><script>   </script><source><file name=\"x.js\"/></source></a>")).toEqual([]);
    expect(xmlScriptBlocks("<a><script>var x = 1;</script></a>").map((block) => block.text.value)).toEqual(["var x = 1;"]);
    // Deeper than the XML language lints: no block (and no stack overflow).
    const deep = (depth: number): string => `${"<a>".repeat(depth)}<script>var x = 1;</script>${"</a>".repeat(depth)}`;
    expect(xmlScriptBlocks(deep(100))).toHaveLength(1);
    expect(xmlScriptBlocks(deep(200_000))).toEqual([]);
  });

  it("a script that does not parse yields no parse error; the XML is linted as before", () => {
    expect(lint("<a><script>var = ;</script><sessiontoken>admin/Secret99</sessiontoken></a>\n", "x.xml")).toEqual([
      "no-session-token/sessionTokenElement 1:42-1:56",
      "no-hardcoded-campaign-secret/loginPassword 1:42-1:56",
    ]);
  });
});
