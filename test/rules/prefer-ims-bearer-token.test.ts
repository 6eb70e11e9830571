import { describe, expect, it } from "vitest";
import rule from "../../rules/prefer-ims-bearer-token.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { checkFixOutputs, fixOutputs } from "../support/typecheck.js";

const lines = (...text: string[]): string => text.join("\n");

const IMPORT_DEFAULT = `import sdk from "@adobe/acc-js-sdk";`;
const COMMONJS = { sourceType: "commonjs" } as const;
const V85 = [{ targetVersion: "8.5" }];

const DECLARATIONS = `
declare const url: string;
declare const token: string;
declare const options: AccJsSdk.ConnectionOptions;
`;

const valid = [
  // The target is never flagged, whatever the version.
  {
    code: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true });`),
    options: V85,
  },
  { code: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofImsBearerToken(url, token);`) },
  // A local implementation named like the factory.
  { code: lines(`const ConnectionParameters = { ofBearerToken: (u: string, t: string) => u + t };`, `ConnectionParameters.ofBearerToken(url, token); // acc-js-sdk`) },
  // Other methods; a BearerTokenLogon element of another namespace; types and comments.
  {
    code: lines(
      `const a = "xtk:session#Logon";`,
      `const b = "xtk:session#BearerTokenLogonX";`,
      `const c = \`<e xmlns:urn="urn:other"><urn:BearerTokenLogon/></e>\`;`,
      `type Action = "xtk:session#BearerTokenLogon";`,
      `// Do not call xtk:session#BearerTokenLogon any more.`,
      `const d = { method: "BearerTokenLogon", schema: "nms:rtEvent" };`,
    ),
  },
  // Not Campaign's xtk.session API object.
  { code: lines(`foo.xtk.session.BearerTokenLogon(token);`, `xtk.sessions.BearerTokenLogon(token);`, `xtk.session["BearerTokenLogon"](token);`) },
  // A SoapService of another schema; a method declared for another action; a receiver that is no SoapService.
  {
    filename: "server.js",
    languageOptions: COMMONJS,
    code: lines(
      `var rt = new SoapService(cnx, "urn:nms:rtEvent");`,
      `rt.BearerTokenLogon(token);`,
      `rt.addMethod("Exchange", "nms:rtEvent#PushEvent", [], []);`,
      `rt.Exchange(token);`,
      `var other = makeService();`,
      `other.BearerTokenLogon(token);`,
      `this.rt = new SoapService(cnx, "urn:nms:rtEvent");`,
      `this.rt.BearerTokenLogon(token);`,
    ),
  },
];

const invalid = [
  // Default options: a suggestion, named import.
  {
    code: lines(`import { ConnectionParameters } from "@adobe/acc-js-sdk";`, `const cnx = ConnectionParameters.ofBearerToken(url, token, options);`),
    errors: [
      {
        messageId: "ofBearerToken",
        line: 2,
        column: 34,
        endLine: 2,
        endColumn: 47,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            output: lines(
              `import { ConnectionParameters } from "@adobe/acc-js-sdk";`,
              `const cnx = ConnectionParameters.ofImsBearerToken(url, token, { ...options, sessionInfo: true });`,
            ),
          },
        ],
      },
    ],
    output: null,
  },
  // targetVersion 8.5 (configs.v8): a fix; no options → `{ sessionInfo: true }`.
  {
    code: lines(IMPORT_DEFAULT, `const cnx = sdk.ConnectionParameters.ofBearerToken(url, token);`),
    options: V85,
    errors: [{ messageId: "ofBearerToken", line: 2, column: 38, endLine: 2, endColumn: 51, suggestions: [] }],
    output: lines(IMPORT_DEFAULT, `const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true });`),
  },
  // An IMS-ready v7 build also gets the fix; object literal options are merged.
  {
    code: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofBearerToken(url, token, { rememberMe: true });`),
    options: [{ targetVersion: "7.3.3.IMS" }],
    errors: [{ messageId: "ofBearerToken", line: 2, column: 26, endLine: 2, endColumn: 39, suggestions: [] }],
    output: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofImsBearerToken(url, token, { rememberMe: true, sessionInfo: true });`),
  },
  // An older target (8.4): a suggestion only.
  {
    code: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofBearerToken(url, token, undefined);`),
    options: [{ targetVersion: "8.4" }],
    errors: [
      {
        messageId: "ofBearerToken",
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 39,
        suggestions: [
          {
            messageId: "useImsBearerToken",
            output: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true });`),
          },
        ],
      },
    ],
    output: null,
  },
  // .tsx: optional chaining and a computed string member keep their shape.
  {
    filename: "Page.tsx",
    code: lines(
      `import * as sdk from "@adobe/acc-js-sdk";`,
      `export const cnx = sdk?.ConnectionParameters?.['ofBearerToken'](url, token);`,
      `export const view = <span>{String(cnx)}</span>;`,
    ),
    options: V85,
    errors: [{ messageId: "ofBearerToken", line: 2, column: 48, endLine: 2, endColumn: 63, suggestions: [] }],
    output: lines(
      `import * as sdk from "@adobe/acc-js-sdk";`,
      `export const cnx = sdk?.ConnectionParameters?.['ofImsBearerToken'](url, token, { sessionInfo: true });`,
      `export const view = <span>{String(cnx)}</span>;`,
    ),
  },
  // CommonJS destructuring with a rename.
  {
    filename: "connect.js",
    languageOptions: COMMONJS,
    code: lines(
      `const { ConnectionParameters: CP } = require("@adobe/acc-js-sdk");`,
      `module.exports = (url, token, opts) => CP.ofBearerToken(url, token, opts);`,
    ),
    options: V85,
    errors: [{ messageId: "ofBearerToken", line: 2, column: 43, endLine: 2, endColumn: 56, suggestions: [] }],
    output: lines(
      `const { ConnectionParameters: CP } = require("@adobe/acc-js-sdk");`,
      `module.exports = (url, token, opts) => CP.ofImsBearerToken(url, token, { ...opts, sessionInfo: true });`,
    ),
  },
  // .mjs with the browser global; a bare destructured factory: message only.
  {
    filename: "page.mjs",
    code: lines(
      `const { ofBearerToken } = document.accSDK.ConnectionParameters;`,
      `export const cnx = ofBearerToken(url, token);`,
    ),
    options: V85,
    errors: [{ messageId: "ofBearerToken", line: 2, column: 20, endLine: 2, endColumn: 33, suggestions: [] }],
    output: null,
  },
  // Spread arguments: no rewrite.
  {
    code: lines(IMPORT_DEFAULT, `sdk.ConnectionParameters.ofBearerToken(...args);`),
    errors: [{ messageId: "ofBearerToken", line: 2, column: 26, endLine: 2, endColumn: 39, suggestions: [] }],
    output: null,
  },
  // xtk:session#BearerTokenLogon in strings (every spelling), envelopes and assembled calls.
  {
    code: lines(
      `const headers = { SOAPAction: "xtk:session#BearerTokenLogon" };`,
      `const url2 = \`\${host}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23BearerTokenLogon\`;`,
      `const body = \`<e xmlns:urn="urn:xtk:session">`,
      `  <urn:BearerTokenLogon><urn:bearerToken>\${token}</urn:bearerToken></urn:BearerTokenLogon>`,
      `</e>\`;`,
      `const call = { schema: "xtk:session", method: "BearerTokenLogon" };`,
    ),
    errors: [
      { messageId: "bearerTokenLogonAction", line: 1, column: 32, endLine: 1, endColumn: 60, suggestions: [] },
      { messageId: "bearerTokenLogonAction", line: 2, column: 56, endLine: 2, endColumn: 88, suggestions: [] },
      { messageId: "bearerTokenLogonEnvelope", line: 4, column: 4, endLine: 4, endColumn: 24, suggestions: [] },
      { messageId: "bearerTokenLogonMethod", line: 6, column: 47, endLine: 6, endColumn: 65, suggestions: [] },
    ],
    output: null,
  },
  // Campaign server-side JS: the JS API's static xtk.session.BearerTokenLogon(token).
  {
    filename: "workflow.js",
    languageOptions: COMMONJS,
    code: `var info = xtk.session.BearerTokenLogon(imsToken);`,
    errors: [{ messageId: "bearerTokenLogonMethod", line: 1, column: 24, endLine: 1, endColumn: 40, suggestions: [] }],
    output: null,
  },
  // Campaign server-side JS: BearerTokenLogon on a SoapService of urn:xtk:session, and the alias an
  // addMethod declared for xtk:session#BearerTokenLogon on a receiver of any kind.
  {
    filename: "jssp.js",
    languageOptions: COMMONJS,
    code: lines(
      `var session = new SoapService(new HttpSoapConnection(url, "utf-8", 0), "xtk:session");`,
      `var out = session.BearerTokenLogon(imsToken);`,
      `document.soapSrv.addMethod("ImsLogon", "xtk:session#BearerTokenLogon", ["token", "string"], []);`,
      `document.soapSrv.ImsLogon(imsToken);`,
      `this.session = new SoapService(cnx, "urn:xtk:session");`,
      `this.session.BearerTokenLogon(imsToken);`,
    ),
    errors: [
      { messageId: "bearerTokenLogonMethod", line: 2, column: 19, endLine: 2, endColumn: 35, suggestions: [] },
      { messageId: "bearerTokenLogonAction", line: 3, column: 41, endLine: 3, endColumn: 69, suggestions: [] },
      { messageId: "bearerTokenLogonMethod", line: 4, column: 18, endLine: 4, endColumn: 26, suggestions: [] },
      { messageId: "bearerTokenLogonMethod", line: 6, column: 14, endLine: 6, endColumn: 30, suggestions: [] },
    ],
    output: null,
  },
];

jsRuleTester.run("prefer-ims-bearer-token", rule as never, { valid, invalid } as never);

describe("prefer-ims-bearer-token fix and suggestion outputs", () => {
  it("parse and type-check", () => {
    expect(fixOutputs(invalid)).toHaveLength(6);
    expect(checkFixOutputs(invalid, { declarations: DECLARATIONS })).toEqual([]);
  });

  it("configs.v8 turns the fix on", () => {
    expect(rule.meta.v8Options).toEqual(V85);
  });
});
