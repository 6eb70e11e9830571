import type { RuleTester as RuleTesterType } from "eslint";
import { describe, it } from "vitest";
import rule from "../../rules/no-hardcoded-campaign-secret.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture } from "../support/fixtures.js";
import { COMMON_SECRETS, expectNoSecretInMessages, secretError, valuesOf } from "../support/secrets.js";

const ruleTester = await languageRuleTester("json");

type InvalidCase = RuleTesterType.InvalidTestCase;


// Secrets the cases hard-code, each with the part a message must never show.
const SECRETS = {
  ...COMMON_SECRETS,
  loginPassword: { value: "svc_orders/Vb6n-2024-Qm3t", part: "Vb6n-2024-Qm3t" },
} as const;
const S = valuesOf(SECRETS);

const error = secretError;

const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const ROUTER = "{{host}}/nl/jsp/soaprouter.jsp";
const collection = (body: Record<string, unknown>): string => `${JSON.stringify({ info: { name: "Campaign", schema: SCHEMA }, ...body }, null, 2)}\n`;

// Literal values in headers, the raw body (after `\"` and `\n` escapes), the URL and variables.
const LITERALS = collection({
  variable: [
    { key: "host", value: "https://acme.campaign.adobe.com" },
    { key: "password", value: S.password },
    { key: "sessionToken", value: "{{login}}/{{password}}" },
  ],
  item: [
    {
      name: "Push",
      request: {
        method: "POST",
        header: [
          { key: "X-Security-Token", value: S.securityToken },
          { key: "Cookie", value: `__sessiontoken=${S.loginPassword}` },
        ],
        body: {
          mode: "raw",
          raw: `<urn:Logon xmlns:urn="urn:xtk:session">\n  <urn:sessiontoken>${S.sessionToken}</urn:sessiontoken>\n  <urn:strPassword>${S.password}</urn:strPassword>\n</urn:Logon>`,
        },
        url: ROUTER,
      },
    },
  ],
});

// The OAuth token request: a urlencoded client secret (slot and shape: one finding).
const TOKEN = collection({
  item: [
    {
      name: "IMS token",
      request: {
        method: "POST",
        body: {
          mode: "urlencoded",
          urlencoded: [
            { key: "grant_type", value: "client_credentials" },
            { key: "client_secret", value: S.clientSecret },
          ],
        },
        url: "https://ims-na1.adobelogin.com/ims/token/v3",
      },
    },
  ],
});

// Postman auth methods of a Campaign collection: basic (v2.1 array and v2.0 object), apikey
// sending X-Security-Token, bearer holding a session token; a folder's auth and the collection's.
const AUTH = collection({
  auth: { type: "bearer", bearer: [{ key: "token", value: S.sessionToken, type: "string" }] },
  item: [
    {
      name: "Basic",
      request: { auth: { type: "basic", basic: [{ key: "username", value: "svc_orders" }, { key: "password", value: S.password }] }, method: "POST", url: ROUTER },
    },
    {
      name: "Folder",
      auth: { type: "apikey", apikey: [{ key: "value", value: S.securityToken }, { key: "key", value: "X-Security-Token" }, { key: "in", value: "header" }] },
      item: [{ name: "Old basic", request: { auth: { type: "basic", basic: { username: "ops", password: S.loginPassword } }, url: ROUTER } }],
    },
  ],
});
// Not Campaign credentials: an IMS access token as bearer, an apikey of another header or in the
// query, variables; a basic password in a collection about something else.
const AUTH_VALID = collection({
  item: [
    { name: "IMS", request: { auth: { type: "bearer", bearer: [{ key: "token", value: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln" }] }, url: ROUTER } },
    { name: "Key", request: { auth: { type: "apikey", apikey: [{ key: "key", value: "X-Api-Key" }, { key: "value", value: "Zq7-Adm1n!Pw" }] }, url: ROUTER } },
    { name: "Query", request: { auth: { type: "apikey", apikey: [{ key: "key", value: "X-Security-Token" }, { key: "value", value: "{{securityToken}}" }, { key: "in", value: "query" }] }, url: ROUTER } },
    { name: "Vars", request: { auth: { type: "basic", basic: [{ key: "password", value: "{{password}}" }] }, url: ROUTER } },
  ],
});

const PACKAGE = `{\n  "name": "campaign-sync",\n  "config": { "imsSecret": "${S.clientSecret}" },\n  "dependencies": { "@adobe/acc-js-sdk": "^1.2.0" }\n}\n`;

const invalid: InvalidCase[] = [
  {
    filename: "campaign.postman_collection.json",
    code: LITERALS,
    errors: [
      error(LITERALS, "password", S.password, "****", "the password variable"),
      error(LITERALS, "securityToken", S.securityToken, "@****", "the X-Security-Token header"),
      error(LITERALS, "loginPassword", S.loginPassword, "svc_orders/****", "a __sessiontoken cookie"),
      error(LITERALS, "sessionToken", S.sessionToken, "___****", "<urn:sessiontoken>"),
      error(LITERALS, "password", S.password, "****", "the SOAP Logon <urn:strPassword>", 1),
    ],
  },
  {
    filename: "auth.postman_collection.json",
    code: AUTH,
    errors: [
      error(AUTH, "sessionToken", S.sessionToken, "___****", "the Postman bearer auth token"),
      error(AUTH, "password", S.password, "****", "the Postman basic auth password"),
      error(AUTH, "securityToken", S.securityToken, "@****", "the X-Security-Token header"),
      error(AUTH, "password", S.loginPassword, "****", "the Postman basic auth password"),
    ],
  },
  { filename: "ims.postman_collection.json", code: TOKEN, errors: [error(TOKEN, "clientSecret", S.clientSecret, "p8e-****", "the client_secret field")] },
  { filename: "package.json", code: PACKAGE, errors: [error(PACKAGE, "clientSecret", S.clientSecret, "p8e-****", "a JSON string")] },
].map((testCase) => ({ ...testCase, output: null }));

ruleTester.run("no-hardcoded-campaign-secret (Postman, package.json)", rule, {
  valid: [
    { filename: "auth.postman_collection.json", code: AUTH_VALID },
    {
      filename: "intranet.postman_collection.json",
      code: collection({ item: [{ name: "x", request: { auth: { type: "basic", basic: [{ key: "password", value: "Zq7-Adm1n!Pw" }] }, url: "https://intranet.example.com" } }] }),
    },
    // The legacy demo collection uses variables only.
    { filename: "campaign.postman_collection.json", code: fixture("legacy-repo/postman/campaign.postman_collection.json") },
    { filename: "package.json", code: fixture("legacy-repo/package.json") },
    // Variables named like secrets in a collection about something else; masked examples.
    {
      filename: "other.postman_collection.json",
      code: collection({ variable: [{ key: "password", value: "hunter2" }], item: [{ name: "Logon to the intranet", request: { url: "https://intranet.example.com" } }] }),
    },
    {
      filename: "campaign.postman_collection.json",
      code: collection({ variable: [{ key: "clientSecret", value: "p8e-xxxxxxxxxxxxxxxx" }, { key: "password", value: "{{$processEnv ACC_PASSWORD}}" }], item: [{ name: "x", request: { url: ROUTER } }] }),
    },
  ],
  invalid,
});

describe("no-hardcoded-campaign-secret (JSON) messages", () => {
  it("never print a secret or any 6-character part of it", () => {
    expectNoSecretInMessages(invalid, SECRETS, 11);
  });
});
