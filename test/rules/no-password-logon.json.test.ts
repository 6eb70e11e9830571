import rule from "../../rules/no-password-logon.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("json");

const json = (value: unknown): string => JSON.stringify(value, null, 2);

const INFO = { name: "Campaign", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" };
const ENVELOPE =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">\n  <soapenv:Body>\n    <urn:Logon>\n      <urn:strLogin>{{login}}</urn:strLogin>\n    </urn:Logon>\n  </soapenv:Body>\n</soapenv:Envelope>';

// Header and raw body both say Logon: one request, one finding (the header comes first).
const HEADER_AND_BODY = json({
  info: INFO,
  item: [
    {
      name: "Logon",
      request: {
        method: "POST",
        header: [{ key: "SOAPAction", value: "xtk:session#Logon" }],
        body: { mode: "raw", raw: ENVELOPE },
        url: "{{host}}/nl/jsp/soaprouter.jsp",
      },
    },
  ],
});

// The body alone, in a folder: `\"` and `\n` escapes come before the element, so decoded and
// source offsets differ; the report is on `urn:Logon` as written in the file.
const NESTED_BODY = json({
  info: INFO,
  item: [{ name: "Folder", item: [{ name: "Sub", item: [{ name: "Logon", request: { method: "POST", body: { mode: "raw", raw: ENVELOPE }, url: "{{host}}" } }] }] }],
});

// `\u003C` escapes and a unicode character before the element: still exact.
const UNICODE_BODY = `{"info":{"_postman_id":"1"},"item":[{"name":"é","request":{"method":"POST","body":{"mode":"raw","raw":"\\u003C!-- é --\\u003E<Logon xmlns=\\"urn:xtk:session\\"/>"},"url":"x"}}]}`;

// A raw U+2028 (allowed in JSON strings, not a line break for ESLint's JSON) before the element.
const LINE_SEPARATOR_BODY = `{"info":{"_postman_id":"1"},"item":[{"name":"x","request":{"body":{"mode":"raw","raw":"a\u2028b\\n<Logon xmlns=\\"urn:xtk:session\\"/>"},"url":"x"}}]}`;

// URL forms: a string, `url.raw`, and only `url.query` (no raw).
const URLS = json({
  info: INFO,
  item: [
    { name: "a", request: { method: "POST", url: "{{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon" } },
    { name: "b", request: { method: "POST", url: { raw: "{{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon", query: [{ key: "soapAction", value: "xtk%3Asession%23Logon" }] } } },
    { name: "c", request: { method: "POST", url: { host: ["{{host}}"], query: [{ key: "soapAction", value: "xtk%3Asession%23Logon" }] } } },
    { name: "d", request: "{{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon" },
  ],
});

// Variables and scripts: the variable holds the action, the pre-request script sends it.
const VARIABLES_AND_SCRIPTS = json({
  info: INFO,
  variable: [{ key: "logonAction", value: "xtk:session#Logon" }],
  event: [{ listen: "prerequest", script: { type: "text/javascript", exec: ["pm.request.headers.upsert({ key: 'SOAPAction', value: 'xtk:session#Logon' });"] } }],
  item: [{ name: "Logon", request: { method: "POST", header: [{ key: "SOAPAction", value: "{{logonAction}}" }], url: "{{host}}" } }],
});

// Postman v1: `requests` with headers as text and rawModeData.
const V1 = json({
  id: "c1",
  name: "Campaign",
  order: ["r1"],
  requests: [{ id: "r1", url: "{{host}}/nl/jsp/soaprouter.jsp", method: "POST", headers: "Content-Type: text/xml\nSOAPAction: xtk:session#Logon\n", dataMode: "raw", rawModeData: ENVELOPE }],
});

// package.json scripts run as shell command lines: curl in a script is a call, grep is not.
const PACKAGE = json({
  name: "campaign-tools",
  scripts: {
    "find-legacy": "grep -rn 'xtk:session#Logon' src",
    logon: 'curl -s -H "SOAPAction: xtk:session#Logon" -d @logon.xml "$ACC_URL/nl/jsp/soaprouter.jsp"',
  },
});

const LEGACY = fixture("legacy-repo/postman/campaign.postman_collection.json");

ruleTester.run("no-password-logon (JSON)", rule, {
  valid: [
    // package.json: names, dependencies and scripts that send no Logon are not requests.
    {
      code: json({ name: "logon-tools", description: "xtk:session#Logon", scripts: { test: "vitest", logon: "node logon.js", doc: "echo xtk:session#Logon" }, dependencies: { "windows-logon": "1.0.0" } }),
      filename: "package.json",
    },
    // Names and descriptions are prose; a disabled header is not sent.
    {
      code: json({
        info: { ...INFO, description: "Replaces xtk:session#Logon with IMS bearer tokens." },
        item: [
          {
            name: "Formerly xtk:session#Logon",
            description: "Used to send <urn:Logon xmlns:urn=\"urn:xtk:session\"/>",
            request: {
              method: "POST",
              header: [
                { key: "SOAPAction", value: "xtk:session#Logon", disabled: true },
                { key: "SOAPAction", value: "nms:rtEvent#PushEvent" },
                { key: "Authorization", value: "Bearer {{imsToken}}" },
              ],
              url: { raw: "{{host}}/nl/jsp/soaprouter.jsp", query: [{ key: "soapAction", value: "xtk%3Asession%23Logon", disabled: true }] },
            },
          },
        ],
      }),
      filename: "campaign.postman_collection.json",
    },
    // Other methods and BearerTokenLogon (prefer-ims-bearer-token).
    {
      code: json({ info: INFO, item: [{ name: "x", request: { header: [{ key: "SOAPAction", value: "xtk:session#BearerTokenLogon" }], body: { mode: "raw", raw: "<e xmlns:urn=\"urn:nms:rtEvent\"><urn:Logon/></e>" }, url: "x" } }] }),
      filename: "campaign.postman_collection.json",
    },
  ],
  invalid: [
    {
      code: HEADER_AND_BODY,
      filename: "campaign.postman_collection.json",
      errors: [error("soapLogonAction", HEADER_AND_BODY, "xtk:session#Logon")],
      output: null,
    },
    {
      code: NESTED_BODY,
      filename: "campaign.postman_collection.json",
      errors: [error("soapLogonEnvelope", NESTED_BODY, "urn:Logon")],
      output: null,
    },
    {
      code: UNICODE_BODY,
      filename: "campaign.postman_collection.json",
      errors: [{ messageId: "soapLogonEnvelope", line: 1, column: 125, endLine: 1, endColumn: 130, suggestions: [] }],
      output: null,
    },
    {
      code: LINE_SEPARATOR_BODY,
      filename: "campaign.postman_collection.json",
      errors: [error("soapLogonEnvelope", LINE_SEPARATOR_BODY, "Logon xmlns", { length: 5 })],
      output: null,
    },
    {
      code: URLS,
      filename: "campaign.postman_collection.json",
      errors: [0, 1, 3, 4].map((nth) => error("soapLogonAction", URLS, "xtk%3Asession%23Logon", { nth })),
      output: null,
    },
    {
      code: VARIABLES_AND_SCRIPTS,
      filename: "campaign.postman_collection.json",
      errors: [error("soapLogonAction", VARIABLES_AND_SCRIPTS, "xtk:session#Logon"), error("soapLogonAction", VARIABLES_AND_SCRIPTS, "xtk:session#Logon", { nth: 1 })],
      output: null,
    },
    {
      code: V1,
      filename: "campaign.postman_collection.json",
      errors: [error("soapLogonAction", V1, "xtk:session#Logon")],
      output: null,
    },
    {
      code: PACKAGE,
      filename: "package.json",
      errors: [error("soapLogonAction", PACKAGE, "xtk:session#Logon", { nth: 1 })],
      output: null,
    },
    // The legacy demo: the Logon request, once; the PushEvent request is quiet here.
    {
      code: LEGACY,
      filename: "campaign.postman_collection.json",
      errors: [{ messageId: "soapLogonAction", line: 12, column: 44, endLine: 12, endColumn: 61, suggestions: [] }],
      output: null,
    },
  ],
});
