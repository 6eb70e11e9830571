import { describe, expect, it } from "vitest";
import rule from "../../rules/no-password-logon.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { checkFixOutputs, fixOutputs } from "../support/typecheck.js";

const lines = (...text: string[]): string => text.join("\n");

const IMPORT_DEFAULT = `import sdk from "@adobe/acc-js-sdk";`;
const IMPORT_NAMESPACE = `import * as sdk from "@adobe/acc-js-sdk";`;
const REQUIRE = `const sdk = require("@adobe/acc-js-sdk");`;
const COMMONJS = { sourceType: "commonjs" } as const;

// The names the TS cases use, declared for the type-check of every fix and suggestion output.
const DECLARATIONS = `
declare const url: string;
declare const user: string;
declare const password: string;
declare const serviceToken: string;
declare const options: AccJsSdk.ConnectionOptions;
declare const client0: AccJsSdk.Client;
declare function getImsAccessToken(): Promise<string>;
declare const imsAccessToken: string;
declare function getImsToken(): Promise<string>;
declare const tokenCache: { get(): string; refresh(): void };
`;

const valid = [
  // The target and the anonymous user are never flagged.
  {
    code: lines(
      IMPORT_DEFAULT,
      `const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true });`,
      `const anonymous = sdk.ConnectionParameters.ofAnonymousUser(url);`,
      `const client = await sdk.init(cnx);`,
      `await client.logon();`,
      `await client.NLWS.xtkSession.logon();`,
    ),
  },
  // Session tokens and ofBearerToken belong to other rules; init with connection parameters is fine.
  {
    code: lines(
      IMPORT_DEFAULT,
      `sdk.ConnectionParameters.ofSessionToken(url, token);`,
      `sdk.ConnectionParameters.ofBearerToken(url, token);`,
      `new sdk.Credentials("SessionToken", token, "");`,
      `sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, token));`,
      `sdk.init(url, { rememberMe: true }, 3);`,
    ),
  },
  // A local function or object named like the SDK's factory is not the SDK.
  {
    code: lines(
      IMPORT_DEFAULT,
      `function ofUserAndPassword(a: string, b: string, c: string) { return a + b + c; }`,
      `ofUserAndPassword(url, user, password);`,
      `const ConnectionParameters = { ofUserAndPassword };`,
      `ConnectionParameters.ofUserAndPassword(url, user, password);`,
    ),
  },
  // Unrelated logon functions (Windows logon, other SOAP services, generic auth code).
  {
    code: lines(
      `import windows from "windows-logon";`,
      `windows.logon(user, password);`,
      `function logon(u: string, p: string) { return u + p; }`,
      `logon(user, password);`,
      `ldapClient.Logon({ username: user, password });`,
      `authService.LogonAsync({ user, password });`,
      `const message = "Logon failed for " + user;`,
    ),
  },
  // Other methods and services; a Logon element of another namespace; comments and types.
  {
    code: lines(
      `const a = "xtk:session#Logoff";`,
      `const b = "nms:rtEvent#PushEvent";`,
      `const c = "xtk:session#GetUserInfo";`,
      `const d = \`<e xmlns:urn="urn:other:auth"><urn:Logon><user>x</user></urn:Logon></e>\`;`,
      `const e = "<Logon><user>x</user></Logon>";`,
      `// Never send xtk:session#Logon: Campaign v8 rejects it.`,
      `type Action = "xtk:session#Logon";`,
      `const f = { method: "Logon", schema: "nms:rtEvent" };`,
      `const g = { method: "Logoff", schema: "xtk:session" };`,
      `soapCall("nms:rtEvent", "Logon");`,
    ),
  },
  // BearerTokenLogon belongs to prefer-ims-bearer-token.
  { code: `const action = "xtk:session#BearerTokenLogon";` },
  // SoapService for another namespace; the SDK client's own Logon alias.
  {
    filename: "server.js",
    languageOptions: COMMONJS,
    code: lines(
      `var rt = new SoapService(cnx, "urn:nms:rtEvent");`,
      `rt.Logon("", login, password);`,
      // Not Campaign's xtk.session API object.
      `foo.xtk.session.Logon(a, b);`,
      `xtk.sessionInfo.Logon(a, b);`,
      `xtk["session"].Logon(a, b);`,
      REQUIRE,
      `sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, token)).then((client) => client.NLWS.xtkSession.Logon());`,
    ),
  },
];

const invalid = [
  // ofUserAndPassword, default import, top level of a module: suggestion with an awaited placeholder.
  {
    code: lines(IMPORT_DEFAULT, `const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, user, password, options);`),
    errors: [
      {
        messageId: "ofUserAndPassword",
        line: 2,
        column: 38,
        endLine: 2,
        endColumn: 55,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            data: { token: "await getImsAccessToken()" },
            output: lines(
              IMPORT_DEFAULT,
              `const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { ...options, sessionInfo: true });`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // The same with the tokenExpression option: a fix.
  {
    code: lines(IMPORT_DEFAULT, `const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, user, password, options);`),
    options: [{ tokenExpression: "await getImsToken()" }],
    errors: [{ messageId: "ofUserAndPassword", line: 2, column: 38, endLine: 2, endColumn: 55, suggestions: [] }],
    output: lines(
      IMPORT_DEFAULT,
      `const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsToken(), { ...options, sessionInfo: true });`,
    ),
  },
  // Named import with a rename, no options, in a synchronous function: a plain placeholder.
  {
    code: lines(
      `import { ConnectionParameters as CP } from "@adobe/acc-js-sdk";`,
      `export function connect() {`,
      `  return CP.ofUserAndPassword(url, "admin", password);`,
      `}`,
    ),
    errors: [
      {
        messageId: "ofUserAndPassword",
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 30,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            data: { token: "imsAccessToken" },
            output: lines(
              `import { ConnectionParameters as CP } from "@adobe/acc-js-sdk";`,
              `export function connect() {`,
              `  return CP.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true });`,
              `}`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // tokenExpression with `await` where await is not allowed: no fix, the plain placeholder suggestion.
  {
    code: lines(IMPORT_DEFAULT, `function connect() {`, `  return sdk.ConnectionParameters.ofUserAndPassword(url, user, password);`, `}`),
    options: [{ tokenExpression: "await getImsToken()" }],
    errors: [
      {
        messageId: "ofUserAndPassword",
        line: 3,
        column: 35,
        endLine: 3,
        endColumn: 52,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            output: lines(
              IMPORT_DEFAULT,
              `function connect() {`,
              `  return sdk.ConnectionParameters.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true });`,
              `}`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // A synchronous tokenExpression is a fix anywhere; a comma in it is parenthesised.
  {
    code: lines(IMPORT_DEFAULT, `function connect() {`, `  return sdk.ConnectionParameters.ofUserAndPassword(url, user, password);`, `}`),
    options: [{ tokenExpression: "(void 0, tokenCache.get())" }],
    errors: [{ messageId: "ofUserAndPassword", line: 3, column: 35, endLine: 3, endColumn: 52, suggestions: [] }],
    output: lines(
      IMPORT_DEFAULT,
      `function connect() {`,
      `  return sdk.ConnectionParameters.ofImsBearerToken(url, (void 0, tokenCache.get()), { sessionInfo: true });`,
      `}`,
    ),
  },
  {
    code: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofUserAndPassword(url, user, password);`),
    options: [{ tokenExpression: "tokenCache.refresh(), tokenCache.get()" }],
    errors: [{ messageId: "ofUserAndPassword", line: 2, column: 26, endLine: 2, endColumn: 43, suggestions: [] }],
    output: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofImsBearerToken(url, (tokenCache.refresh(), tokenCache.get()), { sessionInfo: true });`),
  },
  // Object literal options are merged, an existing sessionInfo is set to true, `{}` is filled in.
  {
    code: lines(
      IMPORT_NAMESPACE,
      `export async function connect() {`,
      `  const a = sdk.ConnectionParameters.ofUserAndPassword(url, user, password, { rememberMe: true });`,
      `  const b = sdk.ConnectionParameters.ofUserAndPassword(url, user, password, { sessionInfo: false, });`,
      `  const c = sdk.ConnectionParameters.ofUserAndPassword(url, user, password, {});`,
      `  return [a, b, c];`,
      `}`,
    ),
    options: [{ tokenExpression: "await getImsToken()" }],
    errors: [
      { messageId: "ofUserAndPassword", line: 3, column: 38, endLine: 3, endColumn: 55, suggestions: [] },
      { messageId: "ofUserAndPassword", line: 4, column: 38, endLine: 4, endColumn: 55, suggestions: [] },
      { messageId: "ofUserAndPassword", line: 5, column: 38, endLine: 5, endColumn: 55, suggestions: [] },
    ],
    output: lines(
      IMPORT_NAMESPACE,
      `export async function connect() {`,
      `  const a = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsToken(), { rememberMe: true, sessionInfo: true });`,
      `  const b = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsToken(), { sessionInfo: true, });`,
      `  const c = sdk.ConnectionParameters.ofImsBearerToken(url, await getImsToken(), { sessionInfo: true });`,
      `  return [a, b, c];`,
      `}`,
    ),
  },
  // .tsx (a component, so the token comes from a server): optional chaining and a computed string member keep their shape.
  {
    filename: "Login.tsx",
    code: lines(
      IMPORT_DEFAULT,
      `export async function login() {`,
      `  const cnx = sdk?.ConnectionParameters?.["ofUserAndPassword"](url, user, password);`,
      `  return <div>{String(cnx)}</div>;`,
      `}`,
    ),
    errors: [
      {
        messageId: "ofUserAndPassword",
        line: 3,
        column: 43,
        endLine: 3,
        endColumn: 62,
        suggestions: [
          {
            messageId: "useImsBearerTokenFromServer",
            output: lines(
              IMPORT_DEFAULT,
              `export async function login() {`,
              `  const cnx = sdk?.ConnectionParameters?.["ofImsBearerToken"](url, await getImsAccessToken(), { sessionInfo: true });`,
              `  return <div>{String(cnx)}</div>;`,
              `}`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // CommonJS: destructuring with a rename; the later client.logon() is not a second finding.
  {
    filename: "connect.js",
    languageOptions: COMMONJS,
    code: lines(
      `const { ConnectionParameters: CP } = require("@adobe/acc-js-sdk");`,
      `const sdk = require("@adobe/acc-js-sdk");`,
      `async function main() {`,
      `  const cnx = CP.ofUserAndPassword(process.env.ACC_URL, process.env.ACC_USER, process.env.ACC_PASSWORD);`,
      `  const client = await sdk.init(cnx);`,
      `  await client.logon();`,
      `  await client.NLWS.xtkSession.logon();`,
      `}`,
      `module.exports = { main };`,
    ),
    errors: [
      {
        messageId: "ofUserAndPassword",
        line: 4,
        column: 18,
        endLine: 4,
        endColumn: 35,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            output: lines(
              `const { ConnectionParameters: CP } = require("@adobe/acc-js-sdk");`,
              `const sdk = require("@adobe/acc-js-sdk");`,
              `async function main() {`,
              `  const cnx = CP.ofImsBearerToken(process.env.ACC_URL, await getImsAccessToken(), { sessionInfo: true });`,
              `  const client = await sdk.init(cnx);`,
              `  await client.logon();`,
              `  await client.NLWS.xtkSession.logon();`,
              `}`,
              `module.exports = { main };`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // .mjs: ofUserAndServiceToken through an alias; top-level await is allowed in a module.
  {
    filename: "connect.mjs",
    code: lines(IMPORT_NAMESPACE, `const cp = sdk.ConnectionParameters;`, `export const cnx = cp.ofUserAndServiceToken(url, "admin", serviceToken, { rememberMe: true });`),
    errors: [
      {
        messageId: "ofUserAndServiceToken",
        line: 3,
        column: 23,
        endLine: 3,
        endColumn: 44,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            output: lines(
              IMPORT_NAMESPACE,
              `const cp = sdk.ConnectionParameters;`,
              `export const cnx = cp.ofImsBearerToken(url, await getImsAccessToken(), { rememberMe: true, sessionInfo: true });`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // Destructuring with a rename from the imported binding.
  {
    code: lines(IMPORT_DEFAULT, `const { ConnectionParameters: Params } = sdk;`, `export const cnx = Params.ofUserAndServiceToken(url, user, serviceToken);`),
    options: [{ tokenExpression: "await getImsToken()" }],
    errors: [{ messageId: "ofUserAndServiceToken", line: 3, column: 27, endLine: 3, endColumn: 48, suggestions: [] }],
    output: lines(
      IMPORT_DEFAULT,
      `const { ConnectionParameters: Params } = sdk;`,
      `export const cnx = Params.ofImsBearerToken(url, await getImsToken(), { sessionInfo: true });`,
    ),
  },
  // A destructured factory called bare: reported, but the callee cannot be renamed in place.
  {
    code: lines(IMPORT_DEFAULT, `const { ofUserAndPassword } = sdk.ConnectionParameters;`, `ofUserAndPassword(url, user, password);`),
    errors: [{ messageId: "ofUserAndPassword", line: 3, column: 1, endLine: 3, endColumn: 18, suggestions: [] }],
    output: null,
  },
  // Spread arguments or a comment inside the replaced range: no rewrite.
  {
    code: lines(
      IMPORT_DEFAULT,
      `sdk.ConnectionParameters.ofUserAndPassword(...args);`,
      `sdk.ConnectionParameters.ofUserAndPassword(url, user /* operator */, password);`,
    ),
    errors: [
      { messageId: "ofUserAndPassword", line: 2, column: 26, endLine: 2, endColumn: 43, suggestions: [] },
      { messageId: "ofUserAndPassword", line: 3, column: 26, endLine: 3, endColumn: 43, suggestions: [] },
    ],
    output: null,
  },
  // ofExternalAccount (and the documentation's Credentials.ofExternalAccount): message only.
  {
    code: lines(
      IMPORT_DEFAULT,
      `const mid = await sdk.ConnectionParameters.ofExternalAccount(client0, "mid");`,
      `const mc = await sdk.Credentials.ofExternalAccount(client0, "mc");`,
    ),
    errors: [
      { messageId: "ofExternalAccount", line: 2, column: 44, endLine: 2, endColumn: 61, suggestions: [] },
      { messageId: "ofExternalAccount", line: 3, column: 34, endLine: 3, endColumn: 51, suggestions: [] },
    ],
    output: null,
  },
  // new Credentials("UserPassword" | "ImsServiceToken"), also from the deep client module.
  {
    filename: "creds.js",
    languageOptions: COMMONJS,
    code: lines(
      REQUIRE,
      `const { Credentials } = require("@adobe/acc-js-sdk/src/client.js");`,
      `const a = new sdk.Credentials("UserPassword", "admin/secret", "");`,
      `const b = new Credentials("ImsServiceToken", "_ims_/admin/==token", "");`,
    ),
    errors: [
      { messageId: "credentialsUserPassword", line: 3, column: 19, endLine: 3, endColumn: 30, suggestions: [] },
      { messageId: "credentialsImsServiceToken", line: 4, column: 15, endLine: 4, endColumn: 26, suggestions: [] },
    ],
    output: null,
  },
  // Pre-1.0 sdk.init(url, user, password): suggestion; with four arguments: message only.
  {
    code: lines(
      IMPORT_DEFAULT,
      `export async function connect() {`,
      `  const client = await sdk.init(url, "admin", password);`,
      `  await sdk.init(url, user, password, true);`,
      `  return client;`,
      `}`,
    ),
    errors: [
      {
        messageId: "legacyInit",
        line: 3,
        column: 28,
        endLine: 3,
        endColumn: 32,
        suggestions: [
          {
            messageId: "useImsBearerTokenInit",
            output: lines(
              IMPORT_DEFAULT,
              `export async function connect() {`,
              `  const client = await sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true }));`,
              `  await sdk.init(url, user, password, true);`,
              `  return client;`,
              `}`,
            ),
          },
        ],
      },
      { messageId: "legacyInit", line: 4, column: 13, endLine: 4, endColumn: 17, suggestions: [] },
    ],
    output: null,
  },
  {
    filename: "init.mjs",
    code: lines(IMPORT_DEFAULT, `export const client = await sdk.init(url, user, password);`),
    options: [{ tokenExpression: "await getImsToken()" }],
    errors: [{ messageId: "legacyInit", line: 2, column: 33, endLine: 2, endColumn: 37, suggestions: [] }],
    output: lines(
      IMPORT_DEFAULT,
      `export const client = await sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, await getImsToken(), { sessionInfo: true }));`,
    ),
  },
  // Browser pages: document.accSDK, window.document.accSDK.
  {
    filename: "page.js",
    languageOptions: COMMONJS,
    code: lines(
      `var cnx = document.accSDK.ConnectionParameters.ofUserAndPassword(url, user, pwd);`,
      `var cnx2 = window.document.accSDK.ConnectionParameters.ofUserAndPassword(url, user, pwd);`,
    ),
    errors: [
      {
        messageId: "ofUserAndPassword",
        line: 1,
        column: 48,
        endLine: 1,
        endColumn: 65,
        suggestions: [
          {
            messageId: "useImsBearerTokenFromServer",
            output: lines(
              `var cnx = document.accSDK.ConnectionParameters.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true });`,
              `var cnx2 = window.document.accSDK.ConnectionParameters.ofUserAndPassword(url, user, pwd);`,
            ),
          },
        ],
      },
      {
        messageId: "ofUserAndPassword",
        line: 2,
        column: 56,
        endLine: 2,
        endColumn: 73,
        suggestions: [
          {
            messageId: "useImsBearerTokenFromServer",
            output: lines(
              `var cnx = document.accSDK.ConnectionParameters.ofUserAndPassword(url, user, pwd);`,
              `var cnx2 = window.document.accSDK.ConnectionParameters.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true });`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // SOAP actions in string literals, every spelling, exact substring positions.
  {
    code: lines(
      `const headers = { SOAPAction: "xtk:session#Logon", "Content-Type": "text/xml" };`,
      `const quoted = "\\"xtk:session#Logon\\"";`,
      `const wso2 = '<header name="Action" value="xtk:session/Logon"/>';`,
      `const query = \`\${host}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon\`;`,
    ),
    errors: [
      { messageId: "soapLogonAction", line: 1, column: 32, endLine: 1, endColumn: 49, suggestions: [] },
      { messageId: "soapLogonAction", line: 2, column: 19, endLine: 2, endColumn: 36, suggestions: [] },
      { messageId: "soapLogonAction", line: 3, column: 44, endLine: 3, endColumn: 61, suggestions: [] },
      { messageId: "soapLogonAction", line: 4, column: 57, endLine: 4, endColumn: 78, suggestions: [] },
    ],
    output: null,
  },
  // A multi-line Logon envelope in a template literal with interpolations.
  {
    filename: "envelope.mjs",
    code: lines(
      `export const body = \`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">`,
      `  <soapenv:Body>`,
      `    <urn:Logon>`,
      `      <urn:sessiontoken/>`,
      `      <urn:strLogin>\${login}</urn:strLogin>`,
      `      <urn:strPassword>\${password}</urn:strPassword>`,
      `      <urn:elemParameters/>`,
      `    </urn:Logon>`,
      `  </soapenv:Body>`,
      `</soapenv:Envelope>\`;`,
    ),
    errors: [{ messageId: "soapLogonEnvelope", line: 3, column: 6, endLine: 3, endColumn: 15, suggestions: [] }],
    output: null,
  },
  // A string concatenation with escapes: the default namespace form.
  {
    code: `const body = "<Envelope><Body><Logon xmlns=\\"urn:xtk:session\\"><login>" + user + "</login></Logon></Body></Envelope>";`,
    errors: [{ messageId: "soapLogonEnvelope", line: 1, column: 32, endLine: 1, endColumn: 37, suggestions: [] }],
    output: null,
  },
  // SOAP calls assembled from parts.
  {
    code: lines(
      `const call = { schema: "xtk:session", method: "Logon", params: [user, password] };`,
      `const call2 = { urn: "urn:xtk:session", methodName: \`Logon\` };`,
      `soapCall("xtk:session", "Logon", ["", user, password]);`,
    ),
    errors: [
      { messageId: "soapLogonMethod", line: 1, column: 47, endLine: 1, endColumn: 54, suggestions: [] },
      { messageId: "soapLogonMethod", line: 2, column: 53, endLine: 2, endColumn: 60, suggestions: [] },
      { messageId: "soapLogonMethod", line: 3, column: 25, endLine: 3, endColumn: 32, suggestions: [] },
    ],
    output: null,
  },
  // Node `soap` clients: by the Logon parameter names, or in a file that talks to xtk:session.
  {
    filename: "soap-client.js",
    languageOptions: COMMONJS,
    code: lines(
      `const soap = require("soap");`,
      `async function logonOld(client) {`,
      `  client.Logon({ sessiontoken: "", strLogin: user, strPassword: pwd, elemParameters: "" }, callback);`,
      `  const [result] = await client.LogonAsync({ sessiontoken: "", strLogin: user, strPassword: pwd });`,
      `  return result;`,
      `}`,
    ),
    errors: [
      { messageId: "soapClientLogon", line: 3, column: 10, endLine: 3, endColumn: 15, suggestions: [] },
      { messageId: "soapClientLogon", line: 4, column: 33, endLine: 4, endColumn: 43, suggestions: [] },
    ],
    output: null,
  },
  {
    filename: "soap-wsdl.js",
    languageOptions: COMMONJS,
    code: lines(
      `const soap = require("soap");`,
      `soap.createClientAsync(host + "/nl/jsp/schemawsdl.jsp?schema=xtk:session").then((client) => client.LogonAsync(["", user, pwd]));`,
    ),
    errors: [{ messageId: "soapClientLogon", line: 2, column: 100, endLine: 2, endColumn: 110, suggestions: [] }],
    output: null,
  },
  // Campaign server-side JS: the SOAPAction of addMethod and the Logon call itself.
  {
    filename: "server.js",
    languageOptions: COMMONJS,
    code: lines(
      `var cnx = new HttpSoapConnection(url, "utf-8", 0);`,
      `var session = new SoapService(cnx, 'urn:xtk:session');`,
      `session.addMethod("Logon", "xtk:session#Logon", ["sessiontoken", "string", "Login", "string", "Password", "string", "Parameters", "NLElement"], ["sessionToken", "string"]);`,
      `var result = session.Logon("", login, password, <param/>);`,
    ),
    errors: [
      { messageId: "soapLogonAction", line: 3, column: 29, endLine: 3, endColumn: 46, suggestions: [] },
      { messageId: "soapServiceLogon", line: 4, column: 22, endLine: 4, endColumn: 27, suggestions: [] },
    ],
    output: null,
  },
  // Campaign server-side JS: a SoapService of urn:xtk:session held in a member.
  {
    filename: "server.js",
    languageOptions: COMMONJS,
    code: lines(`this.session = new SoapService(new HttpSoapConnection(url, "utf-8", 0), "urn:xtk:session");`, `var out = this.session.Logon("", login, password, <param/>);`),
    errors: [{ messageId: "soapServiceLogon", line: 2, column: 24, endLine: 2, endColumn: 29, suggestions: [] }],
    output: null,
  },
  // Campaign server-side JS: the JS API's static xtk.session.Logon(login, password, params).
  {
    filename: "workflow.js",
    languageOptions: COMMONJS,
    code: lines(`var info = xtk.session.Logon(login, password, <param/>);`, `var other = (xtk.session).Logon(a, b);`),
    errors: [
      { messageId: "soapLogonMethod", line: 1, column: 24, endLine: 1, endColumn: 29, suggestions: [] },
      { messageId: "soapLogonMethod", line: 2, column: 27, endLine: 2, endColumn: 32, suggestions: [] },
    ],
    output: null,
  },
];

jsRuleTester.run("no-password-logon", rule as never, { valid, invalid } as never);

describe("no-password-logon fix and suggestion outputs", () => {
  it("parse and type-check", () => {
    expect(fixOutputs(invalid)).toHaveLength(15);
    expect(checkFixOutputs(invalid, { declarations: DECLARATIONS })).toEqual([]);
  });

  it("the check itself rejects a broken output", () => {
    const broken = [{ code: "", output: `import sdk from "@adobe/acc-js-sdk";\nsdk.ConnectionParameters.ofImsBearerToken(url, 42);` }];
    expect(checkFixOutputs(broken, { declarations: DECLARATIONS })).toHaveLength(1);
    // `await` outside an async function is a syntax error the JS check must catch.
    expect(checkFixOutputs([{ filename: "a.js", code: "", output: "function f() { g(await x); }" }])).toHaveLength(1);
    expect(checkFixOutputs([{ filename: "a.js", code: "", output: "async function f() { g(await x); }" }])).toEqual([]);
  });
});
