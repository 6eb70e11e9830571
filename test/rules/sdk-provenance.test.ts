/**
 * SDK calls found however the SDK arrived (issue 13), through the three rules that report SDK
 * factories: relative imports of SDK source, workspace packages and barrels, constructor and
 * parameter injection, `window.accSDK` / `document.accSDK`, dynamic `import()`, computed factory
 * names, spread configuration, and the Campaign-specific factory names alone (docs code blocks).
 * Found by use or by name, a rewrite is a suggestion, never a fix. Also: header names that are
 * only looked up are not a use (no-session-token).
 */
import type { RuleTester as RuleTesterType } from "eslint";
import { describe, expect, it } from "vitest";
import noPasswordLogon from "../../rules/no-password-logon.js";
import noSessionToken from "../../rules/no-session-token.js";
import preferImsBearerToken from "../../rules/prefer-ims-bearer-token.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { at } from "../support/positions.js";
import { checkFixOutputs, fixOutputs } from "../support/typecheck.js";

type InvalidCase = RuleTesterType.InvalidTestCase;
type TestError = RuleTesterType.TestCaseError;
type Suggestion = RuleTesterType.SuggestionOutput;

const lines = (...text: string[]): string => text.join("\n");
const CJS = { sourceType: "commonjs" } as const;
const ASYNC_TOKEN = "await getImsAccessToken()";
const SYNC_TOKEN = "imsAccessToken";

const error = (code: string, messageId: string, text: string, suggestions: Suggestion[] = [], occurrence = 0): TestError => ({
  messageId,
  ...at(code, text, occurrence),
  suggestions,
});

const DECLARATIONS = `
declare const url: string;
declare const user: string;
declare const password: string;
declare const token: string;
declare const utils: { url: string; user: string; password: string };
declare function getImsAccessToken(): Promise<string>;
declare const imsAccessToken: string;
declare function getImsToken(): Promise<string>;
declare module "@acme/campaign-kit" {
  export import ConnectionParameters = AccJsSdk.ConnectionParameters;
}
declare module "*/acc-bundle.js" {
  export import ConnectionParameters = AccJsSdk.ConnectionParameters;
}
declare module "*/campaign" {
  export default AccJsSdk;
}
interface Window {
  accSDK: typeof AccJsSdk;
}
`;

// ---------------------------------------------------------------------------------------------
// no-password-logon

const passwordInvalid: InvalidCase[] = [];
{
  // A relative require of the SDK's source (its own samples), CommonJS top level: the plain placeholder.
  const code = lines(
    `const sdk = require("../src/index.js");`,
    `const cnx = sdk.ConnectionParameters.ofUserAndPassword(utils.url, utils.user, utils.password);`,
  );
  passwordInvalid.push({
    code,
    filename: "sample.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(code, "ofUserAndPassword", "ofUserAndPassword", [
        {
          messageId: "useImsBearerToken",
          data: { token: SYNC_TOKEN },
          output: code.replace("ofUserAndPassword(utils.url, utils.user, utils.password)", "ofImsBearerToken(utils.url, imsAccessToken, { sessionInfo: true })"),
        },
      ]),
    ],
  });
}
{
  // A workspace package; tokenExpression set: still a suggestion (no package binding), with that token.
  const code = lines(
    `import { ConnectionParameters } from "@acme/campaign-kit";`,
    `export const connect = async () => ConnectionParameters.ofUserAndPassword(url, user, password);`,
  );
  passwordInvalid.push({
    code,
    options: [{ tokenExpression: "await getImsToken()" }],
    output: null,
    errors: [
      error(code, "ofUserAndPassword", "ofUserAndPassword", [
        {
          messageId: "useImsBearerToken",
          data: { token: "await getImsToken()" },
          output: code.replace("ofUserAndPassword(url, user, password)", "ofImsBearerToken(url, await getImsToken(), { sessionInfo: true })"),
        },
      ]),
    ],
  });
}
{
  // Constructor injection; a parameter; a dynamic import of a bundle.
  const code = lines(
    `export class Campaign {`,
    `  constructor(private readonly sdk: typeof import("@acme/campaign-kit")) {}`,
    `  connect() { return this.sdk.ConnectionParameters.ofUserAndServiceToken(url, user, token); }`,
    `}`,
    `export const viaParameter = (kit: any) => kit.ConnectionParameters.ofUserAndPassword(url, user, password);`,
    `export async function viaImport() {`,
    `  const m = await import("./vendor/acc-bundle.js");`,
    `  return m.ConnectionParameters.ofUserAndPassword(url, user, password);`,
    `}`,
  );
  passwordInvalid.push({
    code,
    output: null,
    errors: [
      error(code, "ofUserAndServiceToken", "ofUserAndServiceToken", [
        {
          messageId: "useImsBearerToken",
          data: { token: SYNC_TOKEN },
          output: code.replace("ofUserAndServiceToken(url, user, token)", "ofImsBearerToken(url, imsAccessToken, { sessionInfo: true })"),
        },
      ]),
      error(code, "ofUserAndPassword", "ofUserAndPassword", [
        {
          messageId: "useImsBearerToken",
          data: { token: SYNC_TOKEN },
          output: code.replace("kit.ConnectionParameters.ofUserAndPassword(url, user, password)", "kit.ConnectionParameters.ofImsBearerToken(url, imsAccessToken, { sessionInfo: true })"),
        },
      ]),
      error(code, "ofUserAndPassword", "ofUserAndPassword", [
        {
          messageId: "useImsBearerToken",
          data: { token: ASYNC_TOKEN },
          output: code.replace("m.ConnectionParameters.ofUserAndPassword(url, user, password)", "m.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true })"),
        },
      ], 1),
    ],
  });
}
{
  // The name alone (a docs code block), a computed const factory, a spread config: message only.
  const code = lines(
    `ofUserAndPassword(url, user, password);`,
    `const FACTORY = "ofUserAndServiceToken";`,
    `CP[FACTORY](url, user, token);`,
    `const config = { url, user, password };`,
    `lib.ofUserAndPassword(...Object.values(config));`,
  );
  passwordInvalid.push({
    code,
    filename: "snippet.js",
    output: null,
    errors: [
      error(code, "ofUserAndPassword", "ofUserAndPassword"),
      error(code, "ofUserAndServiceToken", "FACTORY", [], 1),
      error(code, "ofUserAndPassword", "ofUserAndPassword", [], 1),
    ],
  });
}
{
  // window.accSDK in a page, with `declare const document` elsewhere in the file: browser wording.
  const code = lines(
    `declare const document: any;`,
    `const cnx = window.accSDK.ConnectionParameters.ofUserAndPassword(url, user, password);`,
    `const client = document.accSDK.init(url, user, password);`,
  );
  passwordInvalid.push({
    code,
    output: null,
    errors: [
      error(code, "ofUserAndPassword", "ofUserAndPassword", [
        {
          messageId: "useImsBearerTokenFromServer",
          data: { token: ASYNC_TOKEN },
          output: code.replace("ofUserAndPassword(url, user, password)", "ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true })"),
        },
      ]),
      error(code, "legacyInit", "init", [
        {
          messageId: "useImsBearerTokenInitFromServer",
          data: { token: ASYNC_TOKEN },
          output: code.replace(
            "document.accSDK.init(url, user, password)",
            "document.accSDK.init(document.accSDK.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true }))",
          ),
        },
      ]),
    ],
  });
}

const passwordValid: RuleTesterType.ValidTestCase[] = [
  // import type never runs; a local implementation named like the factory; a call asserted to throw.
  {
    code: lines(
      `import type { ConnectionParameters } from "@adobe/acc-js-sdk";`,
      `let cnx: ConnectionParameters | undefined;`,
      `class Fake { static ofUserAndPassword(u: string) { return u; } }`,
      `Fake.ofUserAndPassword(url);`,
      `const kit = { ofUserAndServiceToken: (u: string) => u };`,
      `kit.ofUserAndServiceToken(url);`,
      `expect(() => sdk.ConnectionParameters.ofUserAndPassword(url)).toThrow("SDK-000000");`,
    ),
  },
  // Not Campaign-specific names: init and ofImsBearerToken on something that is not used as the SDK.
  { code: lines(`db.init(url, user, password);`, `auth.ofImsBearerToken(url, token);`) },
];

jsRuleTester.run("no-password-logon (however the SDK arrived)", noPasswordLogon as never, { valid: passwordValid, invalid: passwordInvalid } as never);

// ---------------------------------------------------------------------------------------------
// no-session-token

const sessionInvalid: InvalidCase[] = [];
{
  // The SDK sample pattern: `ofSessionToken(url, "mc/mc")` through a relative require.
  const code = lines(
    `const sdk = require("../src/index.js");`,
    `async function pushEvent() {`,
    `  const cnx = sdk.ConnectionParameters.ofSessionToken(utils.url, "mc/mc");`,
    `  return sdk.init(cnx);`,
    `}`,
  );
  sessionInvalid.push({
    code,
    filename: "push-event.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(code, "ofSessionToken", "ofSessionToken", [
        {
          messageId: "useImsBearerToken",
          data: { token: ASYNC_TOKEN },
          output: code.replace('ofSessionToken(utils.url, "mc/mc")', "ofImsBearerToken(utils.url, await getImsAccessToken(), { sessionInfo: true })"),
        },
      ]),
    ],
  });
}
{
  // The names alone (docs): message only; security tokens are information.
  const code = lines(`ofSessionAndSecurityToken(url, sessionToken, securityToken);`, `cp.ofSecurityToken(url, securityToken);`);
  sessionInvalid.push({
    code,
    filename: "snippet.js",
    output: null,
    errors: [error(code, "ofSessionAndSecurityToken", "ofSessionAndSecurityToken"), error(code, "ofSecurityToken", "ofSecurityToken")],
  });
}
{
  // Header names that send a token: an assignment target, a setter argument.
  const code = lines(
    `import sdk from "@adobe/acc-js-sdk";`,
    `export function sign(h: Record<string, string>, headers: Headers, t: string) {`,
    `  h["X-Security-Token"] = t;`,
    `  headers.set("X-Session-Token", t);`,
    `}`,
  );
  sessionInvalid.push({
    code,
    output: null,
    errors: [error(code, "securityTokenHeader", '"X-Security-Token"'), error(code, "sessionTokenHeader", '"X-Session-Token"')],
  });
}

const sessionValid: RuleTesterType.ValidTestCase[] = [
  // Header names read, deleted, compared or asserted absent (Campaign context: the SDK is imported).
  {
    code: lines(
      `import sdk from "@adobe/acc-js-sdk";`,
      `expect(calls[0][0].headers["X-Security-Token"]).toBeUndefined();`,
      `expect(calls[0][0].headers?.["X-Session-Token"]).toBeUndefined();`,
      `delete h["X-Session-Token"];`,
      `if (h["X-Security-Token"] === x) stripped++;`,
      `const isToken = name === "X-Session-Token" || "X-Security-Token" !== name;`,
      `headers.get("X-Security-Token");`,
      `headers.has("X-Session-Token");`,
      `expect(h).not.toHaveProperty("X-Security-Token");`,
      `switch (name) { case "X-Session-Token": break; }`,
    ),
  },
  // A call asserted to throw is no connection.
  { code: lines(`import sdk from "@adobe/acc-js-sdk";`, `expect(() => new sdk.Credentials("SessionToken")).toThrow();`) },
];

jsRuleTester.run("no-session-token (however the SDK arrived)", noSessionToken as never, { valid: sessionValid, invalid: sessionInvalid } as never);

// ---------------------------------------------------------------------------------------------
// prefer-ims-bearer-token

const bearerInvalid: InvalidCase[] = [];
{
  // Used as the SDK, with targetVersion 8.5: a suggestion, not a fix (no package binding).
  const code = lines(`import kit from "./campaign";`, `export const cnx = kit.ConnectionParameters.ofBearerToken(url, token);`);
  bearerInvalid.push({
    code,
    options: [{ targetVersion: "8.5" }],
    output: null,
    errors: [
      error(code, "ofBearerToken", "ofBearerToken", [
        { messageId: "useImsBearerToken", output: code.replace("ofBearerToken(url, token)", "ofImsBearerToken(url, token, { sessionInfo: true })") },
      ]),
    ],
  });
}
{
  // The name alone; a browser page's window.accSDK.
  const code = lines(`ofBearerToken(url, token);`, `const cnx = window.accSDK.ConnectionParameters.ofBearerToken(url, token);`);
  bearerInvalid.push({
    code,
    filename: "page.js",
    output: null,
    errors: [
      error(code, "ofBearerToken", "ofBearerToken"),
      error(code, "ofBearerToken", "ofBearerToken", [
        {
          messageId: "useImsBearerTokenFromServer",
          output: code.replace("window.accSDK.ConnectionParameters.ofBearerToken(url, token)", "window.accSDK.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true })"),
        },
      ], 1),
    ],
  });
}

jsRuleTester.run("prefer-ims-bearer-token (however the SDK arrived)", preferImsBearerToken as never, {
  valid: [{ code: `const CP = { ofBearerToken: (u: string, t: string) => u + t };\nCP.ofBearerToken(url, token);` }],
  invalid: bearerInvalid,
} as never);

describe("suggestion outputs (however the SDK arrived)", () => {
  it("parse and type-check", () => {
    const all = [...passwordInvalid, ...sessionInvalid, ...bearerInvalid];
    expect(fixOutputs(all)).toHaveLength(10);
    expect(checkFixOutputs(all, { declarations: DECLARATIONS })).toEqual([]);
  });
});
