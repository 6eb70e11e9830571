/**
 * prefer-ims-bearer-token, migrated but broken: `logon()` used to refresh an ofImsBearerToken
 * connection re-sends the original token (valid about 24 hours). Every class: the connection's own
 * `refreshClient` callback, timers, functions named like a refresh, error handlers; the `reinit`
 * first pattern and ordinary logons stay quiet.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/prefer-ims-bearer-token.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { at } from "../support/positions.js";
import { checkFixOutputs, fixOutputs } from "../support/typecheck.js";

type InvalidCase = RuleTesterType.InvalidTestCase;
type TestError = RuleTesterType.TestCaseError;

const lines = (...text: string[]): string => text.join("\n");
const IMPORT = `import sdk from "@adobe/acc-js-sdk";`;

/** The `logon` of the `occurrence`-th `text` (which contains `logon(`). */
function logonAt(code: string, text: string, suggestions: RuleTesterType.SuggestionOutput[], occurrence = 0): TestError {
  const where = at(code, text, occurrence);
  const offset = text.indexOf("logon(");
  return {
    messageId: "imsBearerLogonRefresh",
    line: where.line,
    column: (where.column as number) + offset,
    endLine: where.line,
    endColumn: (where.column as number) + offset + "logon".length,
    suggestions,
  };
}

/** The suggestion that inserts `reinit` text: `code` with `before` replaced by `after`. */
const reinit = (code: string, before: string, after: string, token = "await getImsAccessToken()", messageId = "reinitWithFreshToken"): RuleTesterType.SuggestionOutput => ({
  messageId,
  data: { token },
  output: code.replace(before, after),
});

const DECLARATIONS = `
declare const url: string;
declare const token: string;
declare function getImsAccessToken(): Promise<string>;
declare const imsAccessToken: string;
`;

const invalid: InvalidCase[] = [];

{
  // The refreshClient callback of the connection's own options, held in a variable.
  const code = lines(
    IMPORT,
    `const options = {`,
    `  refreshClient: async (client: any) => {`,
    `    await client.logon();`,
    `    return client;`,
    `  },`,
    `};`,
    `export const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, token, options);`,
  );
  invalid.push({
    code,
    output: null,
    errors: [
      logonAt(code, "client.logon()", [
        reinit(code, "    await client.logon();", "    client.reinit(sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), options));\n    await client.logon();"),
      ]),
    ],
  });
}
{
  // Inline options with the callback, NLWS spelling: the options hold a function, so no copy of them.
  const code = lines(
    `const sdk = require("../src/index.js");`,
    `const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, token, {`,
    `  refreshClient: async function (client) { await client.NLWS.xtkSession.logon(); return client; },`,
    `});`,
  );
  invalid.push({ code, filename: "connect.js", languageOptions: { sourceType: "commonjs" }, output: null, errors: [logonAt(code, "xtkSession.logon()", [])] });
}
{
  // A tracked client refreshed by a timer: the original URL and options are copied.
  const code = lines(
    IMPORT,
    `const client = await sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, token, { sessionInfo: true }));`,
    `await client.logon();`,
    `setInterval(async () => {`,
    `  await client.logon();`,
    `}, 3_600_000);`,
  );
  invalid.push({
    code,
    output: null,
    errors: [
      logonAt(code, "client.logon()", [
        reinit(code, "  await client.logon();\n}", "  client.reinit(sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true }));\n  await client.logon();\n}"),
      ], 1),
    ],
  });
}
{
  // A synchronous function named like a refresh, an error handler: the plain placeholder, a `return`.
  const code = lines(
    IMPORT,
    `const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, token);`,
    `const client = new sdk.Client(sdk, cnx);`,
    `export function renewSession() {`,
    `  return client.logon();`,
    `}`,
    `export async function call() {`,
    `  try { await client.getOption("XtkDatabaseId"); } catch (e) { await client.logon(); }`,
    `}`,
  );
  invalid.push({
    code,
    output: null,
    errors: [
      logonAt(code, "client.logon()", [
        reinit(code, "  return client.logon();", "  client.reinit(sdk.ConnectionParameters.ofImsBearerToken(url, imsAccessToken));\n  return client.logon();", "imsAccessToken"),
      ]),
      logonAt(code, "client.logon()", [
        reinit(code, "catch (e) { await client.logon(); }", "catch (e) { client.reinit(sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken()));\n  await client.logon(); }"),
      ], 1),
    ],
  });
}
{
  // Browser code: the new token comes from the application's server.
  const code = lines(
    `declare const document: any;`,
    `const CP = document.accSDK.ConnectionParameters;`,
    `export function Page() {`,
    `  const client = new document.accSDK.Client(document.accSDK, CP.ofImsBearerToken(url, token));`,
    `  const keepAlive = () => { client.logon(); };`,
    `  return <button onClick={keepAlive}>refresh</button>;`,
    `}`,
  );
  invalid.push({
    code,
    filename: "Page.tsx",
    output: null,
    errors: [
      logonAt(code, "client.logon()", [
        reinit(code, "  const keepAlive = () => { client.logon(); };", "  const keepAlive = () => { client.reinit(CP.ofImsBearerToken(url, imsAccessToken));\n  client.logon(); };", "imsAccessToken", "reinitWithTokenFromServer"),
      ]),
    ],
  });
}

const valid: RuleTesterType.ValidTestCase[] = [
  // The SDK's own pattern: reinit with a new token, then logon.
  {
    code: lines(
      IMPORT,
      `const refreshClient = async (client: any) => {`,
      `  client.reinit(sdk.ConnectionParameters.ofImsBearerToken(url, await getImsAccessToken(), options));`,
      `  await client.NLWS.xtkSession.logon();`,
      `  return client;`,
      `};`,
      `const options = { refreshClient };`,
      `export const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, token, options);`,
    ),
  },
  // The first logon of an IMS bearer client, and logons outside any refresh.
  {
    code: lines(
      IMPORT,
      `const client = await sdk.init(sdk.ConnectionParameters.ofImsBearerToken(url, token));`,
      `await client.logon();`,
      `export async function run() { await client.NLWS.xtkSession.logon(); }`,
    ),
  },
  // A refresh of a connection that logs on for real (user/password, session token): logon() is the refresh there.
  {
    code: lines(
      IMPORT,
      `const options = { refreshClient: async (client: any) => { await client.logon(); return client; } };`,
      `export const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, user, password, options);`,
      `const other = await sdk.init(sdk.ConnectionParameters.ofSessionToken(url, token));`,
      `setInterval(() => other.logon(), 1000);`,
    ),
  },
  // An unrelated client's refresh.
  { code: lines(`export function refresh(client: { logon(): void }) { client.logon(); }`, `setInterval(() => db.logon(), 1000);`) },
];

jsRuleTester.run("prefer-ims-bearer-token (logon refresh)", rule as never, { valid, invalid } as never);

describe("prefer-ims-bearer-token logon refresh suggestions", () => {
  it("parse and type-check", () => {
    expect(fixOutputs(invalid)).toHaveLength(5);
    expect(checkFixOutputs(invalid, { declarations: DECLARATIONS })).toEqual([]);
  });

  it("name the token source", () => {
    expect(rule.meta.messages?.reinitWithFreshToken).toContain("OAuth Server-to-Server (grant_type=client_credentials at https://ims-na1.adobelogin.com/ims/token/v3) or @adobe/aio-lib-ims");
    expect(rule.meta.messages?.reinitWithTokenFromServer).toContain("never request a technical-account token in the browser");
  });
});
