import type { RuleTester as RuleTesterType } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-session-token.js";
import { at } from "../support/positions.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { checkFixOutputs, fixOutputs } from "../support/typecheck.js";

type InvalidCase = RuleTesterType.InvalidTestCase;
type ValidCase = RuleTesterType.ValidTestCase;
type TestError = RuleTesterType.TestCaseError;
type Suggestion = RuleTesterType.SuggestionOutput;

const CJS = { sourceType: "commonjs" } as const;
// The placeholders shared with no-password-logon: `await` where it is valid, a value elsewhere.
const ASYNC_TOKEN = "await getImsAccessToken()";
const SYNC_TOKEN = "imsAccessToken";

function error(code: string, messageId: string, text: string, suggestions: Suggestion[] = [], occurrence = 0): TestError {
  return { messageId, ...at(code, text, occurrence), suggestions };
}

const useImsBearerToken = (output: string, token = ASYNC_TOKEN): Suggestion => ({ messageId: "useImsBearerToken", data: { token }, output });
const useImsBearerTokenFromServer = (output: string, token = ASYNC_TOKEN): Suggestion => ({ messageId: "useImsBearerTokenFromServer", data: { token }, output });
const emptyAndAddBearerHeader = (output: string, token = ASYNC_TOKEN): Suggestion => ({
  messageId: "emptyAndAddBearerHeader",
  data: { token },
  output,
});
const replaceWithBearerHeader = (output: string, token = ASYNC_TOKEN): Suggestion => ({
  messageId: "replaceWithBearerHeader",
  data: { token },
  output,
});
const removeTokenHeader = (output: string): Suggestion => ({ messageId: "removeTokenHeader", output });
const emptySessionToken = (output: string, token = ASYNC_TOKEN): Suggestion => ({ messageId: "emptySessionToken", data: { token }, output });

// ---------------------------------------------------------------------------------------------
// SDK factories and Credentials, in every import form.

const sdkCases: InvalidCase[] = [];

{
  const code = 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSessionToken(url, token);\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        useImsBearerToken(
          'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true });\n',
        ),
      ]),
    ],
  });
}
{
  // Options literal: `sessionInfo: true` joins it.
  const code =
    'import { ConnectionParameters } from "@adobe/acc-js-sdk";\nexport const cnx = ConnectionParameters.ofSessionToken(url, token, { rememberMe: true });\n';
  sdkCases.push({
    code,
    filename: "client.mts",
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        useImsBearerToken(
          'import { ConnectionParameters } from "@adobe/acc-js-sdk";\nexport const cnx = ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { rememberMe: true, sessionInfo: true });\n',
        ),
      ]),
    ],
  });
}
{
  // Options held in a variable: spread.
  const code =
    'import * as sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSessionToken(url, token, connectionOptions);\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        useImsBearerToken(
          'import * as sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { ...connectionOptions, sessionInfo: true });\n',
        ),
      ]),
    ],
  });
}
{
  // CommonJS with an aliased destructuring (the legacy fixture), JS token expression.
  const code =
    'const sdk = require("@adobe/acc-js-sdk");\nconst { ConnectionParameters: CP } = sdk;\nmodule.exports = (url) => CP.ofSessionToken(url, "mc/mc");\n';
  sdkCases.push({
    code,
    filename: "session.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        useImsBearerToken(
          'const sdk = require("@adobe/acc-js-sdk");\nconst { ConnectionParameters: CP } = sdk;\nmodule.exports = (url) => CP.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true });\n',
          SYNC_TOKEN,
        ),
      ]),
    ],
  });
}
{
  // A computed member keeps its quotes.
  const code = "import sdk from '@adobe/acc-js-sdk';\nexport const cnx = sdk.ConnectionParameters['ofSessionToken'](url, token);\n";
  sdkCases.push({
    code,
    filename: "client.mjs",
    output: null,
    errors: [
      error(code, "ofSessionToken", "'ofSessionToken'", [
        useImsBearerToken(
          "import sdk from '@adobe/acc-js-sdk';\nexport const cnx = sdk.ConnectionParameters['ofImsBearerToken'](url, await getImsAccessToken(), { sessionInfo: true });\n",
          ASYNC_TOKEN,
        ),
      ]),
    ],
  });
}
{
  // A destructured factory: renaming the callee would name an undeclared binding, so no suggestion.
  const code =
    'import sdk from "@adobe/acc-js-sdk";\nconst { ofSessionToken } = sdk.ConnectionParameters;\nexport const cnx = ofSessionToken(url, token);\n';
  sdkCases.push({ code, filename: "client.ts", output: null, errors: [error(code, "ofSessionToken", "ofSessionToken", [], 1)] });
}
{
  // A spread argument list cannot be rewritten safely.
  const code = 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSessionToken(...args);\n';
  sdkCases.push({ code, filename: "client.ts", output: null, errors: [error(code, "ofSessionToken", "ofSessionToken")] });
}
{
  // Browser: the SDK as `document.accSDK`, in a .tsx component (the legacy fixture).
  const code =
    'export function Widget({ url }: { url: string }) {\n  const sdk = (document as any).accSDK;\n  const cnx = sdk.ConnectionParameters.ofSessionAndSecurityToken(url, "___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90", "@Hk3vQz9XpL2mN8rT");\n  return <div data-endpoint={url}>{String(Boolean(cnx))}</div>;\n}\n';
  sdkCases.push({
    code,
    filename: "Widget.tsx",
    output: null,
    errors: [
      // A browser component: the token must come from the application's server.
      error(code, "ofSessionAndSecurityToken", "ofSessionAndSecurityToken", [
        useImsBearerTokenFromServer(
          'export function Widget({ url }: { url: string }) {\n  const sdk = (document as any).accSDK;\n  const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true });\n  return <div data-endpoint={url}>{String(Boolean(cnx))}</div>;\n}\n',
          SYNC_TOKEN,
        ),
      ]),
    ],
  });
}
{
  // Both tokens go; the options keep their entries; multi-line options keep their layout.
  const code =
    'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSessionAndSecurityToken(url, session, security, {\n  rememberMe: true,\n});\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    output: null,
    errors: [
      error(code, "ofSessionAndSecurityToken", "ofSessionAndSecurityToken", [
        useImsBearerToken(
          'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), {\n  rememberMe: true,\n  sessionInfo: true,\n});\n',
        ),
      ]),
    ],
  });
}
{
  // A configured token expression is used as is.
  const code = 'import sdk from "@adobe/acc-js-sdk";\nexport const connect = async () => sdk.ConnectionParameters.ofSessionToken(url, token, { sessionInfo: true });\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    options: [{ tokenExpression: "await getImsAccessToken()" }],
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        useImsBearerToken(
          'import sdk from "@adobe/acc-js-sdk";\nexport const connect = async () => sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true });\n',
          "await getImsAccessToken()",
        ),
      ]),
    ],
  });
}
{
  const code = 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSecurityToken(url, securityToken);\n';
  sdkCases.push({ code, filename: "embedded.ts", output: null, errors: [error(code, "ofSecurityToken", "ofSecurityToken")] });
}
{
  const code =
    'import { Credentials, ConnectionParameters } from "@adobe/acc-js-sdk/src/client.js";\nexport const cnx = new ConnectionParameters(url, new Credentials("SessionToken", token, ""));\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    output: null,
    errors: [{ ...error(code, "credentialsSessionToken", '"SessionToken"'), data: { type: "SessionToken" } }],
  });
}
{
  const code =
    'const sdk = require("@adobe/acc-js-sdk");\nmodule.exports = new sdk.Credentials(`SessionAndSecurityToken`, session, security);\n';
  sdkCases.push({
    code,
    filename: "credentials.js",
    languageOptions: CJS,
    output: null,
    errors: [{ ...error(code, "credentialsSessionToken", "`SessionAndSecurityToken`"), data: { type: "SessionAndSecurityToken" } }],
  });
}
{
  // The type from a constant: reported on the constructor name.
  const code =
    'import sdk from "@adobe/acc-js-sdk";\nconst TYPE = "SessionToken";\nexport const credentials = new sdk.Credentials(TYPE, token);\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    output: null,
    errors: [{ ...error(code, "credentialsSessionToken", "Credentials"), data: { type: "SessionToken" } }],
  });
}
{
  const code = 'import sdk from "@adobe/acc-js-sdk";\nexport const credentials = new sdk.Credentials("SecurityToken", "", securityToken);\n';
  sdkCases.push({ code, filename: "client.mjs", output: null, errors: [error(code, "credentialsSecurityToken", '"SecurityToken"')] });
}

// ---------------------------------------------------------------------------------------------
// <sessiontoken> values in strings: fix empties the value.

const elementCases: InvalidCase[] = [];

{
  // The legacy fixture: a template body held in a const, sent by fetch with a literal headers object.
  const code = [
    'const ENDPOINT = "https://acme-mc.campaign.adobe.com/nl/jsp/soaprouter.jsp";',
    "export async function pushEvent(sessionToken, email) {",
    "  const body = `<urn:PushEvent>",
    "      <urn:sessiontoken>${sessionToken}</urn:sessiontoken>",
    '      <urn:domEvent><rtEvent email="${email}"/></urn:domEvent>',
    "    </urn:PushEvent>`;",
    "  return fetch(ENDPOINT, {",
    '    method: "POST",',
    "    headers: {",
    '      "Content-Type": "text/xml; charset=utf-8",',
    '      SOAPAction: "nms:rtEvent#PushEvent",',
    "    },",
    "    body,",
    "  });",
    "}",
    "",
  ].join("\n");
  const emptied = code.replace("<urn:sessiontoken>${sessionToken}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>");
  const withHeader = emptied.replace(
    '      SOAPAction: "nms:rtEvent#PushEvent",\n',
    '      SOAPAction: "nms:rtEvent#PushEvent",\n      Authorization: `Bearer ${await getImsAccessToken()}`,\n',
  );
  // Emptying the token without the header would leave the request with no credential: with a
  // placeholder token source, both are one suggestion and there is no fix.
  elementCases.push({
    code,
    filename: "push-event.mjs",
    output: null,
    errors: [{ ...error(code, "sessionTokenElement", "${sessionToken}", [emptyAndAddBearerHeader(withHeader, ASYNC_TOKEN)]), data: { name: "urn:sessiontoken" } }],
  });
  // With a configured token expression, adding the header is part of the fix.
  const configured = emptied.replace(
    '      SOAPAction: "nms:rtEvent#PushEvent",\n',
    '      SOAPAction: "nms:rtEvent#PushEvent",\n      Authorization: `Bearer ${await getImsAccessToken()}`,\n',
  );
  elementCases.push({
    code,
    filename: "push-event.mjs",
    options: [{ tokenExpression: "await getImsAccessToken()" }],
    output: configured,
    errors: [error(code, "sessionTokenElement", "${sessionToken}")],
  });
}
{
  // A configured `await` expression cannot go into a non-async function: no fix, and the
  // suggestion uses the synchronous placeholder.
  const code = "export const push = (token: string) =>\n  fetch(url, { headers: { SOAPAction: 'nms:rtEvent#PushEvent' }, body: `<sessiontoken>${token}</sessiontoken>` });\n";
  const emptied = code.replace("<sessiontoken>${token}</sessiontoken>", "<sessiontoken></sessiontoken>");
  elementCases.push({
    code,
    filename: "push.ts",
    options: [{ tokenExpression: "await getImsAccessToken()" }],
    output: null,
    errors: [
      error(code, "sessionTokenElement", "${token}", [
        emptyAndAddBearerHeader(emptied.replace("'nms:rtEvent#PushEvent' }", "'nms:rtEvent#PushEvent', Authorization: `Bearer ${imsAccessToken}` }"), SYNC_TOKEN),
      ]),
    ],
  });
}
{
  // A configured expression with a top-level comma becomes one argument.
  const code = 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSessionToken(url, token);\n';
  sdkCases.push({
    code,
    filename: "client.ts",
    options: [{ tokenExpression: "refresh(), imsAccessToken" }],
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        useImsBearerToken(
          'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, (refresh(), imsAccessToken), { sessionInfo: true });\n',
          "refresh(), imsAccessToken",
        ),
      ]),
    ],
  });
}
{
  // Concatenation: removing across the operand merges the two literals into one. No request
  // headers in the file: emptying is a suggestion (the request must then send Authorization).
  const code =
    "export const envelope = (token: string) =>\n  '<soapenv:Body><urn:PushEvent><urn:sessiontoken>' + token + '</urn:sessiontoken></urn:PushEvent></soapenv:Body>';\n";
  elementCases.push({
    code,
    filename: "envelope.ts",
    output: null,
    errors: [
      error(code, "sessionTokenElement", "' + token + '", [
        emptySessionToken(
          "export const envelope = (token: string) =>\n  '<soapenv:Body><urn:PushEvent><urn:sessiontoken></urn:sessiontoken></urn:PushEvent></soapenv:Body>';\n",
          SYNC_TOKEN,
        ),
      ]),
    ],
  });
}
{
  // A literal token value, CommonJS.
  const code = 'module.exports = "<sessiontoken>mc/mc</sessiontoken><strLogin/>";\n';
  elementCases.push({
    code,
    filename: "body.js",
    languageOptions: CJS,
    output: null,
    errors: [
      { ...error(code, "sessionTokenElement", "mc/mc", [emptySessionToken('module.exports = "<sessiontoken></sessiontoken><strLogin/>";\n', SYNC_TOKEN)]), data: { name: "sessiontoken" } },
    ],
  });
}
{
  // An escaped value: the range covers the escape as written.
  const code = 'export const body = "<urn:sessiontoken>\\u006dc/mc</urn:sessiontoken>";\n';
  elementCases.push({
    code,
    filename: "body.ts",
    output: null,
    errors: [error(code, "sessionTokenElement", "\\u006dc/mc", [emptySessionToken('export const body = "<urn:sessiontoken></urn:sessiontoken>";\n')])],
  });
}
{
  // `__sessiontoken` element passed to axios with a single-line headers object.
  const code =
    "import axios from 'axios';\nexport const push = (token: string) =>\n  axios.post(url, `<urn:__sessiontoken>${token}</urn:__sessiontoken>`, { headers: { SOAPAction: 'nms:rtEvent#PushEvent' } });\n";
  elementCases.push({
    code,
    filename: "push.ts",
    output: null,
    errors: [
      {
        ...error(code, "sessionTokenElement", "${token}", [
          emptyAndAddBearerHeader(
            "import axios from 'axios';\nexport const push = (token: string) =>\n  axios.post(url, `<urn:__sessiontoken></urn:__sessiontoken>`, { headers: { SOAPAction: 'nms:rtEvent#PushEvent', Authorization: `Bearer ${imsAccessToken}` } });\n",
            SYNC_TOKEN,
          ),
        ]),
        data: { name: "urn:__sessiontoken" },
      },
    ],
  });
}
{
  // Headers that already send Authorization: the fix alone.
  const code =
    "export const push = (token: string, ims: string) =>\n  fetch(url, { headers: { Authorization: `Bearer ${ims}` }, body: `<sessiontoken>${token}</sessiontoken>` });\n";
  elementCases.push({
    code,
    filename: "push.ts",
    output: "export const push = (token: string, ims: string) =>\n  fetch(url, { headers: { Authorization: `Bearer ${ims}` }, body: `<sessiontoken></sessiontoken>` });\n",
    errors: [error(code, "sessionTokenElement", "${token}")],
  });
}
{
  // Mixed quotes: removing across the operand would break the string, so no fix.
  const code = "export const body = (t: string) => \"<sessiontoken>\" + t + '</sessiontoken>';\n";
  elementCases.push({ code, filename: "body.ts", output: null, errors: [error(code, "sessionTokenElement", "\" + t + '")] });
}
{
  // A parenthesised tail: removing across it would leave a bracket unbalanced, so no fix.
  const code = 'export const body = (t: string) => "<sessiontoken>" + (t + "</sessiontoken>");\n';
  elementCases.push({ code, filename: "body.ts", output: null, errors: [error(code, "sessionTokenElement", '" + (t + "')] });
}
{
  // A parenthesised operand in the middle is removed whole, so the fix stays.
  const code = 'export const body = (a?: string) => "<sessiontoken>" + (a ?? "") + "</sessiontoken>";\n';
  elementCases.push({
    code,
    filename: "body.ts",
    output: null,
    errors: [error(code, "sessionTokenElement", '" + (a ?? "") + "', [emptySessionToken('export const body = (a?: string) => "<sessiontoken></sessiontoken>";\n', SYNC_TOKEN)])],
  });
}
{
  // A parenthesised string at the edge: no fix.
  const code = 'export const body = (t: string) => ("<sessiontoken>") + t + "</sessiontoken>";\n';
  elementCases.push({ code, filename: "body.ts", output: null, errors: [error(code, "sessionTokenElement", '") + t + "')] });
}
{
  // Two elements in one template, each with its own suggestion.
  const code = "export const twice = (a: string) => `<a:sessiontoken>${a}</a:sessiontoken><b:sessiontoken>x</b:sessiontoken>`;\n";
  elementCases.push({
    code,
    filename: "twice.ts",
    output: null,
    errors: [
      error(code, "sessionTokenElement", "${a}", [emptySessionToken("export const twice = (a: string) => `<a:sessiontoken></a:sessiontoken><b:sessiontoken>x</b:sessiontoken>`;\n", SYNC_TOKEN)]),
      {
        ...error(code, "sessionTokenElement", "x</b:", [emptySessionToken("export const twice = (a: string) => `<a:sessiontoken>${a}</a:sessiontoken><b:sessiontoken></b:sessiontoken>`;\n", SYNC_TOKEN)]),
        endColumn: at(code, "</b:").column,
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Headers, cookies, URLs (Campaign context where the header name alone is ambiguous).

const headerCases: InvalidCase[] = [];
const CONTEXT = 'const ENDPOINT = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";\n';

{
  const code = `${CONTEXT}export const call = (securityToken: string) =>\n  fetch(ENDPOINT, { headers: { "X-Security-Token": securityToken, SOAPAction: "xtk:queryDef#ExecuteQuery" } });\n`;
  headerCases.push({
    code,
    filename: "query.ts",
    output: null,
    errors: [
      error(code, "securityTokenHeader", '"X-Security-Token"', [
        replaceWithBearerHeader(
          code.replace('"X-Security-Token": securityToken', "Authorization: `Bearer ${imsAccessToken}`"),
          SYNC_TOKEN,
        ),
      ]),
    ],
  });
}
{
  // Already has Authorization: the suggestion removes the token header (with its comma).
  const code = `${CONTEXT}export const headers = {\n  Authorization: \`Bearer \${ims}\`,\n  'x-session-token': sessionToken,\n  SOAPAction: 'nms:rtEvent#PushEvent',\n};\n`;
  headerCases.push({
    code,
    filename: "headers.mjs",
    output: null,
    errors: [error(code, "sessionTokenHeader", "'x-session-token'", [removeTokenHeader(code.replace("  'x-session-token': sessionToken,\n", ""))])],
  });
}
{
  // Last property: the preceding comma goes.
  const code = `${CONTEXT}export const headers = { Authorization: auth, "X-Security-Token": securityToken };\n`;
  headerCases.push({
    code,
    filename: "headers.ts",
    output: null,
    errors: [error(code, "securityTokenHeader", '"X-Security-Token"', [removeTokenHeader(code.replace(', "X-Security-Token": securityToken', ""))])],
  });
}
{
  // The SDK's own extraHttpHeaders option.
  const code =
    'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, token, { extraHttpHeaders: { "X-Session-Token": legacy } });\n';
  headerCases.push({
    code,
    filename: "client.ts",
    output: null,
    errors: [
      error(code, "sessionTokenHeader", '"X-Session-Token"', [
        replaceWithBearerHeader(code.replace('"X-Session-Token": legacy', "Authorization: `Bearer ${await getImsAccessToken()}`")),
      ]),
    ],
  });
}
{
  // Setters and computed members: reported, no suggestion.
  const code = `${CONTEXT}export function send(headers: Headers, xhr: XMLHttpRequest, cnx: any, req: any, token: string) {\n  headers.set("X-Security-Token", token);\n  xhr.setRequestHeader('X-Session-Token', token);\n  cnx.addHttpHeader(\`x-security-token\`, token);\n  req.header["X-Security-Token"] = token;\n}\n`;
  headerCases.push({
    code,
    filename: "send.ts",
    output: null,
    errors: [
      error(code, "securityTokenHeader", '"X-Security-Token"'),
      error(code, "sessionTokenHeader", "'X-Session-Token'"),
      error(code, "securityTokenHeader", "`x-security-token`"),
      error(code, "securityTokenHeader", '"X-Security-Token"', [], 1),
    ],
  });
}
{
  // A header line in curl arguments.
  const code = `${CONTEXT}module.exports = (token) => ["curl", "-H", "X-Security-Token: " + token, ENDPOINT];\n`;
  headerCases.push({
    code,
    filename: "curl.js",
    languageOptions: CJS,
    output: null,
    errors: [error(code, "securityTokenHeader", "X-Security-Token")],
  });
}
{
  // Cookies: in a headers object, a setter, a request header map.
  const code =
    'export function send(req: any, token: string) {\n  req.header["cookie"] = "__sessiontoken=mc/mc";\n  return fetch(url, { headers: { Cookie: "lang=en; __sessiontoken=" + token } });\n}\n';
  headerCases.push({
    code,
    filename: "cookie.ts",
    output: null,
    errors: [error(code, "sessionTokenCookie", "__sessiontoken"), error(code, "sessionTokenCookie", "__sessiontoken", [], 1)],
  });
}
{
  // URLs: query parameter after ? and &.
  const code =
    "export const report = (base, token) => `${base}/xtk/report.jsp?__sessiontoken=${token}`;\nexport const view = (base, token) => base + '/view?id=3&__sessiontoken=' + token;\n";
  headerCases.push({
    code,
    filename: "urls.mjs",
    output: null,
    errors: [error(code, "sessionTokenUrl", "__sessiontoken"), error(code, "sessionTokenUrl", "__sessiontoken", [], 1)],
  });
}

{
  // `__sessiontoken` set by name: an identifier key, a string key, setter arguments.
  const code =
    "export const get = (token: string) => axios.get(url, { params: { __sessiontoken: token } });\nexport const jar = (token: string) => ({ \"__sessiontoken\": token });\n";
  headerCases.push({
    code,
    filename: "params.ts",
    output: null,
    errors: [error(code, "sessionTokenParameter", "__sessiontoken"), error(code, "sessionTokenParameter", '"__sessiontoken"')],
  });
}
{
  const code = "export function send(cookies, target, token) {\n  cookies.set('__sessiontoken', token, { path: '/' });\n  target.searchParams.append(`__sessiontoken`, token);\n}\n";
  headerCases.push({
    code,
    filename: "cookies.mjs",
    output: null,
    errors: [error(code, "sessionTokenParameter", "'__sessiontoken'"), error(code, "sessionTokenParameter", "`__sessiontoken`")],
  });
}

// ---------------------------------------------------------------------------------------------
// Server-side and JSSP calls.

const callCases: InvalidCase[] = [];
{
  const code =
    "var cnx = new HttpSoapConnection(url, 'utf-8', 0);\ncnx.addTokens(sessionToken, securityToken);\nvar session = new SoapService(cnx, 'urn:xtk:session');\n";
  callCases.push({ code, filename: "workflow.js", languageOptions: CJS, output: null, errors: [error(code, "addTokens", "addTokens")] });
}
{
  const code = "var token = document.controller.getSessionToken();\nresponse.write(token);\n";
  callCases.push({ code, filename: "page.js", languageOptions: CJS, output: null, errors: [error(code, "jsspGetSessionToken", "getSessionToken")] });
}

const invalid: InvalidCase[] = [...sdkCases, ...elementCases, ...headerCases, ...callCases];

// ---------------------------------------------------------------------------------------------
// Look-alikes that stay quiet (domain H) and the target forms.

const valid: ValidCase[] = [
  // The target forms.
  {
    code: 'import sdk from "@adobe/acc-js-sdk";\nexport const a = sdk.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true });\nexport const b = sdk.ConnectionParameters.ofAnonymousUser(url);\n',
    filename: "client.ts",
  },
  // Adobe's after-state: empty session token elements, in every spelling.
  {
    code: "export const body = `<urn:sessiontoken></urn:sessiontoken><urn:sessiontoken/><sessiontoken /><urn:sessiontoken>  </urn:sessiontoken>`;\n",
    filename: "body.ts",
  },
  // The migrated fixture: empty element, Authorization header.
  {
    code: 'const ENDPOINT = "https://acme-mc.campaign.adobe.com/nl/jsp/soaprouter.jsp";\nexport const push = (imsToken) => fetch(ENDPOINT, { headers: { SOAPAction: "nms:rtEvent#PushEvent", Authorization: `Bearer ${imsToken}` }, body: "<urn:sessiontoken></urn:sessiontoken>" });\n',
    filename: "push-event.mjs",
  },
  // A Logon response element is read, not sent.
  { code: 'export const read = (xml: string) => xml.match(/<pstrSessionToken>(.*)<\\/pstrSessionToken>/);\nexport const t = "<pstrSessionToken>x</pstrSessionToken>";\n', filename: "logon.ts" },
  // A local function named like an SDK factory.
  {
    code: "function ofSessionToken(url: string, token: string) { return { url, token }; }\nexport const x = ofSessionToken('u', 't');\nexport const y = { ofSecurityToken: (t: string) => t }.ofSecurityToken('t');\n",
    filename: "local.ts",
  },
  // AWS and other products' security tokens.
  { code: 'export const awsHeaders = (token: string) => ({ "X-Amz-Security-Token": token });\n', filename: "aws.ts" },
  {
    code: 'const ENDPOINT = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";\nexport const aws = (token: string) => ({ "X-Amz-Security-Token": token, h: "X-Amz-Security-Token: " + token });\n',
    filename: "aws-in-campaign.ts",
  },
  // X-Security-Token with no Campaign context (another product).
  { code: 'export const headers = (token: string) => ({ "X-Security-Token": token, "X-Session-Token": token });\n', filename: "other-product.ts" },
  // Unrelated session tokens.
  { code: "export const sessionToken = crypto.randomUUID();\nexport const securityToken = sessionToken;\n", filename: "lookalikes.ts" },
  // addTokens of a tokenizer (one argument), and two arguments with no Campaign context.
  { code: 'const ENDPOINT = "/nl/jsp/soaprouter.jsp";\ntokenizer.addTokens(["<pad>"]);\n', filename: "tok.js", languageOptions: CJS },
  { code: "list.addTokens(a, b);\n", filename: "tok.js", languageOptions: CJS },
  // getSessionToken not on a JSSP controller.
  { code: "export const t = auth.getSessionToken();\n", filename: "auth.ts" },
  // Header names in type positions are not runtime strings.
  { code: 'const ENDPOINT = "/nl/jsp/soaprouter.jsp";\nexport type Header = "X-Security-Token" | "X-Session-Token";\n', filename: "types.ts" },
  // Reading the session cookie is not sending it.
  { code: 'export const read = (req: any, cookies: any) => [req.cookies.__sessiontoken, cookies.get("__sessiontoken")];\n', filename: "read.ts" },
  // Other cookies and parameters.
  { code: 'export const c = "x__sessiontoken=1; sessiontoken=2";\n', filename: "cookie.ts" },
  // ofSecurityToken in code served by Campaign, when allowed.
  {
    code: 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofSecurityToken(url, securityToken);\nexport const c = new sdk.Credentials("SecurityToken", "", securityToken);\n',
    filename: "embedded.ts",
    options: [{ allowSecurityToken: true }],
  },
  // Other Credentials types belong to other rules.
  { code: 'import sdk from "@adobe/acc-js-sdk";\nexport const c = new sdk.Credentials("UserPassword", "admin/admin", "");\n', filename: "client.ts" },
];

jsRuleTester.run("no-session-token", rule as never, { valid, invalid });

// ---------------------------------------------------------------------------------------------

const DECLARATIONS = `
declare const process: { env: Record<string, string | undefined> };
declare const url: string;
declare const token: string;
declare const session: string;
declare const security: string;
declare const securityToken: string;
declare const sessionToken: string;
declare const legacy: string;
declare const auth: string;
declare const ims: string;
declare const args: [string, string];
declare const connectionOptions: { rememberMe?: boolean };
declare const axios: { get(url: string, config?: { params?: Record<string, string> }): Promise<unknown> };
declare function getImsAccessToken(): Promise<string>;
declare function refresh(): void;
declare const imsAccessToken: string;
declare module "axios" {
  const axios: { post(url: string, body: string, config?: { headers?: Record<string, string> }): Promise<unknown> };
  export default axios;
}
`;

describe("no-session-token fix and suggestion outputs", () => {
  it("include TypeScript and JavaScript outputs, so the check below checks something", () => {
    const outputs = fixOutputs(invalid);
    expect(outputs.filter((output) => /\.[cm]?tsx?$/.test(output.filename)).length).toBeGreaterThanOrEqual(10);
    expect(outputs.filter((output) => /\.[cm]?js$/.test(output.filename)).length).toBeGreaterThanOrEqual(4);
  });

  it("parse and type-check", () => {
    expect(checkFixOutputs(invalid, { declarations: DECLARATIONS })).toEqual([]);
  });

  it("cover .ts, .tsx, .js (CommonJS) and .mjs inputs", () => {
    const extensions = new Set(invalid.map((testCase) => /\.[a-z]+$/.exec(testCase.filename ?? "")?.[0]));
    for (const extension of [".ts", ".tsx", ".js", ".mjs"]) expect(extensions).toContain(extension);
    expect(invalid.some((testCase) => testCase.filename?.endsWith(".js") && testCase.languageOptions?.sourceType === "commonjs")).toBe(true);
  });

  it("give every message its own text, with the legacy reason and what to do", () => {
    const messages = rule.meta.messages as Record<string, string>;
    const reports = Object.entries(messages).filter(([id]) => !/^(use|empty|replace|remove)/.test(id));
    expect(new Set(reports.map(([, text]) => text)).size).toBe(reports.length);
    for (const [, text] of reports) expect(text).toMatch(/IMS|ofImsBearerToken/);
  });
});
