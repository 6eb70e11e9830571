/**
 * Markdown code blocks whose language their content decides (src/languages/embedded/): fences
 * with no info string or an uninformative one, indented blocks (in lists and quotes too), bare
 * serverConf attributes, JavaScript fragments. Positions are exact in the Markdown file.
 */
import { describe, expect, it } from "vitest";
import { lint, lintMessages, spans, suggestionOutputs } from "./lint.js";

const JWT_COMMAND = "nlserver config -instance:prod -setimsjwtauth:Org@AdobeOrg/Client/Tech@techacct.adobe.com/Secret/Key";

describe("Markdown blocks classified by content", () => {
  it("a fence with no info string around XML, and `sql` around an nlserver command", () => {
    const doc = ["# Zones", "", "```", '<securityZone name="lan" allowUserPassword="true"/>', "```", "", "```sql", JWT_COMMAND, "```", ""].join("\n");
    expect(lint(doc, "docs/zones.md")).toEqual([
      "no-insecure-security-zone/userPassword 4:26-4:50",
      "no-jwt-service-account/setImsJwtAuth 8:32-8:46",
      "no-hardcoded-campaign-secret/privateKey 8:98-8:101",
    ]);
    expect(spans(doc, "docs/zones.md")).toEqual(['allowUserPassword="true"', "-setimsjwtauth", "Key"]);
  });

  it("a `text` fence around prose, a `json` fence around JSON, an unknown language: not linted", () => {
    const doc = ["```text", "Set allowUserPassword to true and run nlserver with -setimsjwtauth.", "```", "", "```json", '{ "sessiontoken": "admin/secret" }', "```", "", "```python", "nlserver = 'x'", "```", ""].join("\n");
    expect(lint(doc, "docs/notes.md")).toEqual([]);
  });

  it("a bare attribute excerpt: found where it is, with its suggestion written back", () => {
    const doc = ["Temporarily set:", "", "```", 'allowUserPassword="true"', "```", ""].join("\n");
    expect(lint(doc, "docs/upgrade.md")).toEqual(["no-insecure-security-zone/userPassword 4:1-4:25"]);
    expect(suggestionOutputs(doc, "docs/upgrade.md")).toEqual([doc.replace('"true"', '"false"')]);
  });

  it("an attribute that is not a zone setting, and zone settings set to false: nothing", () => {
    const doc = ["```", 'allowUserPassword="false" sessionTokenOnly="false"', "```", "", "```", 'label="Private Network"', "```", ""].join("\n");
    expect(lint(doc, "docs/upgrade.md")).toEqual([]);
  });

  it("an indented block in a numbered list, with CRLF line breaks: an HTTP request", () => {
    const doc = [
      "1. Send the request:",
      "",
      "       POST /nl/jsp/soaprouter.jsp HTTP/1.1",
      "       Content-Type: text/xml",
      "       SOAPAction: xtk:session#Logon",
      "",
      "2. Done.",
      "",
    ].join("\r\n");
    expect(lint(doc, "docs/steps.md")).toEqual(["no-password-logon/soapLogonAction 5:20-5:37"]);
    expect(spans(doc, "docs/steps.md")).toEqual(["xtk:session#Logon"]);
  });

  it("an indented block in a quote: XML with a session token element", () => {
    const doc = ["> Example:", ">", ">     <urn:PushEvent xmlns:urn=\"urn:nms:rtEvent\">", ">       <urn:sessiontoken>mc/Secret99</urn:sessiontoken>", ">     </urn:PushEvent>", ""].join("\n");
    expect(lint(doc, "docs/rt.md")).toEqual([
      "no-session-token/sessionTokenElement 4:27-4:38",
      "no-hardcoded-campaign-secret/loginPassword 4:27-4:38",
    ]);
    expect(spans(doc, "docs/rt.md")).toEqual(["mc/Secret99", "mc/Secret99"]);
    // The fix (the token emptied) lands inside the quote, the ">" prefixes untouched.
    const [fix] = lintMessages(doc, "docs/rt.md").flatMap((message) => (message.fix ? [message.fix] : []));
    expect(doc.slice(0, fix!.range[0]) + fix!.text + doc.slice(fix!.range[1])).toBe(doc.replace("mc/Secret99", ""));
  });

  it("JavaScript with `...` placeholders in an unlabelled fence: found, and no parse error", () => {
    const doc = [
      "```",
      'const sdk = require("@adobe/acc-js-sdk");',
      "const params = sdk.ConnectionParameters.ofUserAndPassword(url, ...);",
      "...",
      "```",
      "",
    ].join("\n");
    expect(lint(doc, "docs/sdk.md")).toEqual(["no-password-logon/ofUserAndPassword 3:41-3:58"]);
  });

  it("a function shown with a stray closing `})`: brackets balanced, the call found", () => {
    const doc = [
      "```",
      "function logonRemote(url, login, password) {",
      "  var cnx = new HttpSoapConnection(url + '/nl/jsp/soaprouter.jsp', 'utf-8', 0);",
      "  var session = new SoapService(cnx, 'xtk:session');",
      '  session.addMethod("Logon", "xtk:session#Logon", [], []);',
      '  return session.Logon("", login, password, <params/>);',
      "}",
      "})",
      "```",
      "",
    ].join("\n");
    expect(lint(doc, "docs/remote.md")).toEqual(["no-password-logon/soapLogonAction 5:31-5:48", "no-password-logon/soapServiceLogon 6:18-6:23"]);
    expect(spans(doc, "docs/remote.md")).toEqual(["xtk:session#Logon", "Logon"]);
  });

  it("a block guessed as JavaScript that does not parse yields no parse error", () => {
    const doc = ["```", "const x = ;", "client.logon(", "```", ""].join("\n");
    expect(lint(doc, "docs/broken.md")).toEqual([]);
  });

  it("a declared `console` fence stays shell when its content says nothing else", () => {
    const doc = ["```console", JWT_COMMAND, "```", ""].join("\n");
    expect(lint(doc, "docs/console.md")).toEqual([
      "no-jwt-service-account/setImsJwtAuth 2:32-2:46",
      "no-hardcoded-campaign-secret/privateKey 2:98-2:101",
    ]);
  });

  it("labelled blocks keep their language and positions (the processor's own path)", () => {
    const doc = ["```sh", JWT_COMMAND, "```", "", "    " + JWT_COMMAND, ""].join("\n");
    expect(lint(doc, "docs/both.md")).toEqual([
      "no-jwt-service-account/setImsJwtAuth 2:32-2:46",
      "no-hardcoded-campaign-secret/privateKey 2:98-2:101",
      "no-jwt-service-account/setImsJwtAuth 5:36-5:50",
      "no-hardcoded-campaign-secret/privateKey 5:102-5:105",
    ]);
    expect(spans(doc, "docs/both.md")).toEqual(["-setimsjwtauth", "Key", "-setimsjwtauth", "Key"]);
  });
});

describe("a fence that shows an HTML page", () => {
  it("`html` or no info string: the page's <script> JavaScript is linted, positions in the Markdown file", () => {
    for (const info of ["html", ""]) {
      const doc = ["# Browser logon", "", "```" + info, "<script src=\"acc-sdk.js\"></script>", "<script>", "  const p = document.accSDK.ConnectionParameters.ofSecurityToken(url, token);", "</script>", "```", ""].join("\n");
      expect(lint(doc, "docs/browser.md")).toEqual(["no-session-token/ofSecurityToken 6:50-6:65"]);
    }
  });

  it("a page whose script has no legacy code yields nothing", () => {
    const doc = ["```html", "<html><body><script>console.log(1 < 2);</script></body></html>", "```", ""].join("\n");
    expect(lint(doc, "docs/plain.md")).toEqual([]);
  });
});
