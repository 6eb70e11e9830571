import rule from "../../rules/no-password-logon.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("http");


const ENVELOPE = lines(
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">`,
  `  <soapenv:Body>`,
  `    <urn:Logon>`,
  `      <urn:sessiontoken/>`,
  `      <urn:strLogin>{{login}}</urn:strLogin>`,
  `      <urn:strPassword>{{password}}</urn:strPassword>`,
  `      <urn:elemParameters/>`,
  `    </urn:Logon>`,
  `  </soapenv:Body>`,
  `</soapenv:Envelope>`,
);

// Header and body both say Logon: one request, one finding (on the SOAPAction).
const HEADER_AND_BODY = lines(
  `### Log on`,
  `POST {{host}}/nl/jsp/soaprouter.jsp`,
  `Content-Type: text/xml; charset=utf-8`,
  `SOAPAction: xtk:session#Logon`,
  ``,
  ENVELOPE,
);

const BODY_ONLY = lines(`POST {{host}}/nl/jsp/soaprouter.jsp`, `Content-Type: text/xml`, ``, ENVELOPE);

const SPELLINGS = lines(
  `POST {{host}}/nl/jsp/soaprouter.jsp`,
  `soapaction: "XTK:SESSION#LOGON"`,
  ``,
  `###`,
  `POST {{host}}/nl/jsp/soaprouter.jsp`,
  `Content-Type: application/soap+xml; charset=utf-8; action="xtk:session/Logon"`,
  ``,
  `###`,
  `POST {{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon HTTP/1.1`,
  `Content-Type: text/xml`,
);

// REST Client query continuation lines: the query is on its own line.
const CONTINUATION = lines(
  `POST {{host}}/nl/jsp/soaprouter.jsp`,
  `    ?soapAction=xtk%3Asession%23Logon`,
  `    &x=1`,
  `SOAPAction: xtk:session#Logon`,
);

const VARIABLE_AND_SCRIPT = lines(
  `@logonAction = xtk:session#Logon`,
  ``,
  `POST {{host}}/nl/jsp/soaprouter.jsp`,
  `SOAPAction: {{logonAction}}`,
  ``,
  `<@ ./envelopes/logon.xml`,
  ``,
  `> {%`,
  `  client.global.set("next", "xtk:session#Logon");`,
  `%}`,
);

const TEXT_BODY = lines(`POST {{host}}/api/relay`, `Content-Type: application/json`, ``, `{ "action": "xtk:session#Logon" }`);

const CRLF_BOM = fixture("languages/http/soap-logon-crlf-bom.http");

ruleTester.run("no-password-logon (HTTP)", rule, {
  valid: [
    // The migrated request: another action, bearer token, empty sessiontoken.
    fixture("migrated-repo/http/campaign.http"),
    // Other actions and methods, a Logon of another namespace.
    lines(
      `POST {{host}}/nl/jsp/soaprouter.jsp`,
      `SOAPAction: xtk:session#Logoff`,
      ``,
      `<e xmlns:urn="urn:nms:rtEvent"><urn:Logon/></e>`,
    ),
    lines(`POST {{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23GetUserInfo`, `X-Note: Windows logon`),
    // BearerTokenLogon belongs to prefer-ims-bearer-token.
    lines(`POST {{host}}/nl/jsp/soaprouter.jsp`, `SOAPAction: xtk:session#BearerTokenLogon`),
    // Comments are not requests.
    lines(`# SOAPAction: xtk:session#Logon (the old way)`, `// xtk:session#Logon`, `GET {{host}}/r/test`),
    // Campaign v8 REST with a bearer token.
    lines(`GET https://mc.adobe.io/{{tenant}}/campaign/profileAndServices/profile`, `Authorization: Bearer {{imsToken}}`, `X-Api-Key: {{clientId}}`),
  ],
  invalid: [
    {
      code: HEADER_AND_BODY,
      errors: [{ messageId: "soapLogonAction", line: 4, column: 13, endLine: 4, endColumn: 30, suggestions: [] }],
      output: null,
    },
    // No SOAPAction header: the envelope is the request's finding.
    {
      code: BODY_ONLY,
      errors: [error("soapLogonEnvelope", BODY_ONLY, "urn:Logon")],
      output: null,
    },
    // Any header name case, quoted values, the SOAP 1.2 action parameter, the URL query.
    {
      code: SPELLINGS,
      errors: [
        error("soapLogonAction", SPELLINGS, "XTK:SESSION#LOGON"),
        error("soapLogonAction", SPELLINGS, "xtk:session/Logon"),
        error("soapLogonAction", SPELLINGS, "xtk%3Asession%23Logon"),
      ],
      output: null,
    },
    // URL on continuation lines and a header: one request, the first place.
    {
      code: CONTINUATION,
      errors: [error("soapLogonAction", CONTINUATION, "xtk%3Asession%23Logon")],
      output: null,
    },
    // A file variable holding the action (the request only references it) and a response handler.
    {
      code: VARIABLE_AND_SCRIPT,
      errors: [error("soapLogonAction", VARIABLE_AND_SCRIPT, "xtk:session#Logon"), error("soapLogonAction", VARIABLE_AND_SCRIPT, "xtk:session#Logon", { nth: 1 })],
      output: null,
    },
    // A non-XML body is searched as text.
    {
      code: TEXT_BODY,
      errors: [error("soapLogonAction", TEXT_BODY, "xtk:session#Logon")],
      output: null,
    },
    // Fixtures: BOM and CRLF, the legacy demo (its second request is a PushEvent: quiet here; its third logs on through the URL).
    {
      code: CRLF_BOM,
      errors: [{ messageId: "soapLogonAction", line: 6, column: 13, endLine: 6, endColumn: 30, suggestions: [] }],
      output: null,
    },
    {
      code: fixture("legacy-repo/http/campaign.http"),
      errors: [
        error("soapLogonAction", fixture("legacy-repo/http/campaign.http"), "xtk:session#Logon"),
        // The third request names the action only in its URL, URL-encoded.
        error("soapLogonAction", fixture("legacy-repo/http/campaign.http"), "xtk%3Asession%23Logon"),
      ],
      output: null,
    },
  ],
});
