import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-session-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("http");

type TestError = RuleTesterType.TestCaseError;
type Suggestion = RuleTesterType.SuggestionOutput;


const error = (messageId: string, code: string, needle: string, { nth = 0, suggestions = [] as Suggestion[] } = {}): TestError => ({
  messageId,
  ...at(code, needle, nth),
  suggestions,
});

/** `code` with `search` (its `nth` occurrence) replaced. */
function replace(code: string, search: string, replacement: string, nth = 0): string {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = code.indexOf(search, offset + 1);
  if (offset === -1) throw new Error(`${JSON.stringify(search)} #${nth} is not in the code`);
  return code.slice(0, offset) + replacement + code.slice(offset + search.length);
}

const BEARER = "{{imsToken}}";
const replaceWithBearerHeader = (output: string, token = BEARER): Suggestion => ({ messageId: "replaceWithBearerHeader", data: { token }, output });
const removeTokenHeader = (output: string): Suggestion => ({ messageId: "removeTokenHeader", output });
const replaceSessionCookieWithBearer = (output: string, token = BEARER): Suggestion => ({
  messageId: "replaceSessionCookieWithBearer",
  data: { token },
  output,
});
const removeSessionCookie = (output: string): Suggestion => ({ messageId: "removeSessionCookie", output });

// The legacy demo: a security-token header, a session cookie, a session token in the body.
const LEGACY = fixture("legacy-repo/http/campaign.http");
const LEGACY_PUSH_HEADERS = "X-Security-Token: {{securityToken}}\nCookie: __sessiontoken={{sessionToken}}";

// The request already authenticates with a bearer token: emptying is the whole fix, headers go.
const WITH_AUTHORIZATION = lines(
  `POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`,
  `Authorization: Bearer {{imsToken}}`,
  `X-Session-Token: ___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90`,
  `Cookie: lang=en; __sessiontoken=mc/mc; theme=dark`,
  ``,
  `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken>mc/mc</urn:sessiontoken></urn:PushEvent>`,
);

// The session cookie among other cookies, no Authorization yet.
const COOKIES = lines(
  `GET https://acme.campaign.adobe.com/nl/jsp/schemawsdl.jsp?schema=nms:rtEvent`,
  `Cookie: lang=en; __sessiontoken={{sessionToken}}`,
);

// Two requests: each fix adds the header to its own request; a non-XML (form) body and the URL.
const TWO_REQUESTS = lines(
  `@cookie = __sessiontoken={{token}}`,
  ``,
  `### first`,
  `POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`,
  `Content-Type: application/x-www-form-urlencoded`,
  ``,
  `__sessiontoken=abc&schema=nms:rtEvent`,
  ``,
  `### second`,
  `GET https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp?__sessiontoken={{token}}`,
  `Content-Type: text/xml`,
  ``,
  `<sessiontoken>{{token}}</sessiontoken>`,
);

const CRLF = `\uFEFFPOST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp\r\nSOAPAction: nms:rtEvent#PushEvent\r\n\r\n<urn:sessiontoken xmlns:urn="urn:nms:rtEvent">mc/mc</urn:sessiontoken>\r\n`;

// A SOAP header element in the body: its suggestion removes it; the body's token is emptied.
const SOAP_HEADER = lines(
  `POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`,
  `Authorization: Bearer {{imsToken}}`,
  ``,
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:nms:rtEvent">`,
  `  <s:Header>`,
  `    <X-Security-Token>{{securityToken}}</X-Security-Token>`,
  `  </s:Header>`,
  `</s:Envelope>`,
);

// JetBrains response handler: code, so reported without a fix.
const SCRIPT = lines(
  `POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`,
  `Authorization: Bearer {{imsToken}}`,
  ``,
  `> {%`,
  `  client.global.set("cookie", "__sessiontoken=" + response.body.token);`,
  `%}`,
);

ruleTester.run("no-session-token (HTTP)", rule, {
  valid: [
    // The migrated demo: empty element, Authorization: Bearer.
    fixture("migrated-repo/http/campaign.http"),
    // The Logon request sends an empty first parameter.
    lines(
      `POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`,
      `SOAPAction: xtk:session#Logon`,
      ``,
      `<urn:Logon xmlns:urn="urn:xtk:session"><urn:sessiontoken/><urn:strLogin>a</urn:strLogin></urn:Logon>`,
    ),
    // Campaign v8 REST with a bearer token and an API key.
    lines(`GET https://mc.adobe.io/acme/campaign/profileAndServices/profile`, `Authorization: Bearer {{imsToken}}`, `X-Api-Key: {{apiKey}}`),
    // Another product's X-Security-Token, with no Campaign context.
    lines(`GET https://api.example.com/v1/orders`, `X-Security-Token: {{token}}`, `X-Session-Token: {{session}}`),
    // Comments and look-alike names.
    lines(`# Campaign used the __sessiontoken cookie and X-Security-Token header (soaprouter.jsp)`, `GET https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp?x__sessiontoken=1`),
  ],
  invalid: [
    {
      code: LEGACY,
      output: replace(
        replace(LEGACY, "<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
        LEGACY_PUSH_HEADERS,
        `${LEGACY_PUSH_HEADERS}\nAuthorization: Bearer {{imsToken}}`,
      ),
      errors: [
        error("securityTokenHeader", LEGACY, "X-Security-Token", {
          suggestions: [replaceWithBearerHeader(replace(LEGACY, "X-Security-Token: {{securityToken}}", "Authorization: Bearer {{imsToken}}"))],
        }),
        error("sessionTokenCookie", LEGACY, "__sessiontoken", {
          suggestions: [replaceWithBearerHeader(replace(LEGACY, "Cookie: __sessiontoken={{sessionToken}}", "Authorization: Bearer {{imsToken}}"))],
        }),
        error("sessionTokenElement", LEGACY, "{{sessionToken}}", { nth: 1 }),
      ],
    },
    // With Authorization already there: the fix only empties; the suggestions remove the header and the cookie.
    {
      code: WITH_AUTHORIZATION,
      output: replace(WITH_AUTHORIZATION, "<urn:sessiontoken>mc/mc</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
      errors: [
        error("sessionTokenHeader", WITH_AUTHORIZATION, "X-Session-Token", {
          suggestions: [removeTokenHeader(replace(WITH_AUTHORIZATION, "\nX-Session-Token: ___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90", ""))],
        }),
        error("sessionTokenCookie", WITH_AUTHORIZATION, "__sessiontoken", {
          suggestions: [removeSessionCookie(replace(WITH_AUTHORIZATION, "__sessiontoken=mc/mc; ", ""))],
        }),
        error("sessionTokenElement", WITH_AUTHORIZATION, "mc/mc", { nth: 1 }),
      ],
    },
    // The last of several cookies: its separator goes with it, and the bearer header is added.
    {
      code: COOKIES,
      output: null,
      errors: [
        error("sessionTokenCookie", COOKIES, "__sessiontoken", {
          suggestions: [
            replaceSessionCookieWithBearer(
              lines(`GET https://acme.campaign.adobe.com/nl/jsp/schemawsdl.jsp?schema=nms:rtEvent`, `Cookie: lang=en`, `Authorization: Bearer {{imsToken}}`),
            ),
          ],
        }),
      ],
    },
    // A variable holding the cookie, a form body, a URL parameter; the fix goes to the second request.
    {
      code: TWO_REQUESTS,
      output: replace(
        replace(TWO_REQUESTS, "<sessiontoken>{{token}}</sessiontoken>", "<sessiontoken></sessiontoken>"),
        "Content-Type: text/xml",
        "Content-Type: text/xml\nAuthorization: Bearer {{imsToken}}",
      ),
      errors: [
        error("sessionTokenCookie", TWO_REQUESTS, "__sessiontoken"),
        error("sessionTokenParameter", TWO_REQUESTS, "__sessiontoken", { nth: 1 }),
        error("sessionTokenUrl", TWO_REQUESTS, "__sessiontoken", { nth: 2 }),
        error("sessionTokenElement", TWO_REQUESTS, "{{token}}", { nth: 2 }),
      ],
    },
    // The variable name of the bearer header is an option.
    {
      code: lines(`POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`, ``, `<sessiontoken>x</sessiontoken>`),
      options: [{ bearerTokenVariable: "accessToken" }],
      output: lines(`POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp`, `Authorization: Bearer {{accessToken}}`, ``, `<sessiontoken></sessiontoken>`),
      errors: [{ messageId: "sessionTokenElement", line: 3, column: 15, endLine: 3, endColumn: 16, suggestions: [] }],
    },
    // BOM and CRLF: the header is inserted with the request's line ending.
    {
      code: CRLF,
      output: `\uFEFFPOST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp\r\nSOAPAction: nms:rtEvent#PushEvent\r\nAuthorization: Bearer {{imsToken}}\r\n\r\n<urn:sessiontoken xmlns:urn="urn:nms:rtEvent"></urn:sessiontoken>\r\n`,
      errors: [error("sessionTokenElement", CRLF, "mc/mc")],
    },
    {
      code: SOAP_HEADER,
      output: null,
      errors: [
        error("securityTokenHeader", SOAP_HEADER, "X-Security-Token", {
          suggestions: [{ messageId: "removeSoapHeader", output: SOAP_HEADER.replace("\n    <X-Security-Token>{{securityToken}}</X-Security-Token>", "") }],
        }),
      ],
    },
    // A response handler script: reported, never rewritten.
    {
      code: SCRIPT,
      output: null,
      errors: [error("sessionTokenCookie", SCRIPT, "__sessiontoken")],
    },
  ],
});
