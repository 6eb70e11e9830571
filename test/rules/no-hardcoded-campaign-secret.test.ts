import { Linter, type RuleTester as RuleTesterType } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-hardcoded-campaign-secret.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { at } from "../support/positions.js";

type InvalidCase = RuleTesterType.InvalidTestCase;
type ValidCase = RuleTesterType.ValidTestCase;
type TestError = RuleTesterType.TestCaseError;

const CJS = { sourceType: "commonjs" } as const;

// The secrets the invalid cases hard-code, each with the part a message must never show.
const SECRETS = {
  password: { value: "Zq7-Adm1n!Pw", part: "Zq7-Adm1n!Pw" },
  fallback: { value: "Xk9q-2024-Zr8w", part: "Xk9q-2024-Zr8w" },
  loginPassword: { value: "svc_orders/Vb6n-2024-Qm3t", part: "Vb6n-2024-Qm3t" },
  mcToken: { value: "mc/mc", part: "mc/mc" },
  sessionToken: { value: "___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90", part: "8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90" },
  securityToken: { value: "@Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi", part: "Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi" },
  clientSecret: { value: "p8e-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz", part: "Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz" },
  base64Key: { value: "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcw", part: "LS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcw" },
  pemBody: { value: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", part: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" },
  serviceToken: { value: "==AbCdEf0123456789xyz", part: "AbCdEf0123456789xyz" },
  accessToken: { value: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZWNoIn0.c2lnbmF0dXJl", part: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZWNoIn0.c2lnbmF0dXJl" },
  otherSecret: { value: "h7Kp2-vQ9x-42", part: "h7Kp2-vQ9x-42" },
} as const;
const S = Object.fromEntries(Object.entries(SECRETS).map(([name, secret]) => [name, secret.value])) as Record<keyof typeof SECRETS, string>;
const PEM = `-----BEGIN PRIVATE KEY-----\\n${S.pemBody}\\n-----END PRIVATE KEY-----`;

/** An error on `text` (a literal with its quotes, or a substring), with the masked value and place it must show. */
function error(code: string, messageId: string, text: string, masked: string, place: string, occurrence = 0): TestError {
  return { messageId, ...at(code, text, occurrence), data: { masked, place, label: messageId === "privateKey" && masked.startsWith("LS0t") ? "base64 private key" : "private key" }, suggestions: [] };
}

const invalid: InvalidCase[] = [];
const add = (code: string, filename: string, errors: (code: string) => TestError[], extra: Partial<InvalidCase> = {}): void => {
  invalid.push({ code, filename, output: null, errors: errors(code), ...extra });
};

// ---------------------------------------------------------------------------------------------
// SDK calls.

add(
  `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme-mkt-prod1.campaign.adobe.com", "admin", "${S.password}");\n`,
  "client.ts",
  (code) => [error(code, "password", `"${S.password}"`, "****", "ofUserAndPassword")],
);
add(
  `const sdk = require("@adobe/acc-js-sdk");\nconst { ConnectionParameters: CP } = sdk;\nmodule.exports = (url) => CP.ofSessionToken(url, "${S.mcToken}");\n`,
  "session.js",
  (code) => [error(code, "loginPassword", `"${S.mcToken}"`, "mc/****", "ofSessionToken")],
  { languageOptions: CJS },
);
add(
  `export function Widget({ url }: { url: string }) {\n  const sdk = (document as any).accSDK;\n  const cnx = sdk.ConnectionParameters.ofSessionAndSecurityToken(url, "${S.sessionToken}", "${S.securityToken}");\n  return <div>{String(Boolean(cnx))}</div>;\n}\n`,
  "Widget.tsx",
  (code) => [
    error(code, "sessionToken", `"${S.sessionToken}"`, "___****", "ofSessionAndSecurityToken"),
    error(code, "securityToken", `"${S.securityToken}"`, "@****", "ofSessionAndSecurityToken"),
  ],
);
add(
  `import * as sdk from "@adobe/acc-js-sdk";\nexport const client = await sdk.init("https://acme.campaign.adobe.com", "admin", '${S.password}');\n`,
  "legacy.mjs",
  (code) => [error(code, "password", `'${S.password}'`, "****", "sdk.init")],
);
add(
  `import { Credentials } from "@adobe/acc-js-sdk/src/client.js";\nexport const credentials = new Credentials("UserPassword", \`${S.loginPassword}\`, "");\n`,
  "credentials.ts",
  (code) => [error(code, "loginPassword", `\`${S.loginPassword}\``, "svc_orders/****", 'new Credentials("UserPassword")')],
);
add(
  // A `const` is followed to its literal; the report is where the secret is written.
  `import sdk from "@adobe/acc-js-sdk";\nconst PASSWORD = "${S.password}";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", PASSWORD);\n`,
  "client.ts",
  (code) => [error(code, "password", `"${S.password}"`, "****", "ofUserAndPassword")],
);
add(
  // A literal fallback of a configured value is still a literal.
  `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", process.env.ACC_PASSWORD ?? "${S.fallback}");\n`,
  "client.ts",
  (code) => [error(code, "password", `"${S.fallback}"`, "****", "ofUserAndPassword")],
);
add(
  `import sdk from "@adobe/acc-js-sdk";\nexport const a = sdk.ConnectionParameters.ofUserAndServiceToken(url, "admin", "${S.serviceToken}");\nexport const b = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "${S.serviceToken}");\n`,
  "service.ts",
  (code) => [
    error(code, "imsServiceToken", `"${S.serviceToken}"`, "==****", "ofUserAndServiceToken"),
    error(code, "imsServiceToken", `"${S.serviceToken}"`, "==****", "ofUserAndPassword", 1),
  ],
);
add(
  `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofImsBearerToken(url, "${S.accessToken}", { sessionInfo: true });\n`,
  "bearer.ts",
  (code) => [error(code, "accessToken", `"${S.accessToken}"`, "****", "ofImsBearerToken")],
);
add(
  `import sdk from "@adobe/acc-js-sdk";\nexport const c = new sdk.Credentials("SessionAndSecurityToken", "${S.sessionToken}", "${S.securityToken}");\n`,
  "credentials.ts",
  (code) => [
    error(code, "sessionToken", `"${S.sessionToken}"`, "___****", 'new Credentials("SessionAndSecurityToken")'),
    error(code, "securityToken", `"${S.securityToken}"`, "@****", 'new Credentials("SessionAndSecurityToken")'),
  ],
);

// ---------------------------------------------------------------------------------------------
// Secrets inside strings.

add(
  `export const body = \`<urn:PushEvent><urn:sessiontoken>${S.sessionToken}</urn:sessiontoken></urn:PushEvent>\`;\n`,
  "body.ts",
  (code) => [error(code, "sessionToken", S.sessionToken, "___****", "<urn:sessiontoken>")],
);
add(
  `module.exports = { Cookie: "lang=en; __sessiontoken=${S.mcToken}" };\n`,
  "cookie.js",
  (code) => [error(code, "loginPassword", S.mcToken, "mc/****", "a __sessiontoken cookie")],
  { languageOptions: CJS },
);
add(
  `export const report = (base) => base + "/xtk/report.jsp?__sessiontoken=${S.sessionToken}&id=1";\n`,
  "report.mjs",
  (code) => [error(code, "sessionToken", S.sessionToken, "___****", "a __sessiontoken URL parameter")],
);
add(
  `export const logon = '<urn:Logon xmlns:urn="urn:xtk:session"><urn:sessiontoken/><urn:strLogin>admin</urn:strLogin><urn:strPassword>${S.password}</urn:strPassword><urn:elemParameters/></urn:Logon>';\n`,
  "logon.ts",
  (code) => [error(code, "password", S.password, "****", "the SOAP Logon <urn:strPassword>")],
);
add(
  `const ENDPOINT = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";\nmodule.exports = ["curl", "-H", "X-Security-Token: ${S.securityToken}", ENDPOINT];\n`,
  "curl.js",
  (code) => [error(code, "securityToken", S.securityToken, "@****", "the X-Security-Token header")],
  { languageOptions: CJS },
);
add(
  `export const form = "grant_type=client_credentials&client_id=abc&client_secret=${S.clientSecret}&scope=openid";\nexport const url = "https://ims-na1.adobelogin.com/ims/token/v3";\n`,
  "token.ts",
  (code) => [error(code, "clientSecret", S.clientSecret, "p8e-****", "client_secret")],
);

// ---------------------------------------------------------------------------------------------
// IMS credential objects (domain C) and Campaign token headers.

add(
  `import auth from "@adobe/jwt-auth";\nexport const token = await auth({\n  clientId: "abc",\n  clientSecret: "${S.clientSecret}",\n  privateKey: "${S.base64Key}",\n  metaScopes: ["ent_campaign_sdk"],\n});\n`,
  "jwt.ts",
  (code) => [
    error(code, "clientSecret", `"${S.clientSecret}"`, "p8e-****", "clientSecret"),
    error(code, "privateKey", `"${S.base64Key}"`, "LS0t****", "privateKey"),
  ],
);
add(
  `const { context } = require("@adobe/aio-lib-ims");\ncontext.set("campaign", {\n  client_id: "abc",\n  client_secrets: ["${S.clientSecret}"],\n  private_key: "${PEM}",\n  meta_scopes: ["ent_campaign_sdk"],\n});\n`,
  "ims.js",
  (code) => [
    error(code, "clientSecret", `"${S.clientSecret}"`, "p8e-****", "client_secrets"),
    error(code, "privateKey", `"${PEM}"`, "-----BEGIN PRIVATE KEY-----****", "private_key"),
  ],
  { languageOptions: CJS },
);
add(
  // OAuth Server-to-Server: any literal client secret, whatever its shape.
  `export const body = new URLSearchParams({ grant_type: "client_credentials", client_id: "abc", client_secret: "${S.otherSecret}" });\nexport const url = "https://ims-na1.adobelogin.com/ims/token/v3";\n`,
  "oauth.mjs",
  (code) => [error(code, "clientSecret", `"${S.otherSecret}"`, "****", "client_secret")],
);
add(
  `const ENDPOINT = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";\nexport function send(headers: Headers, req: any) {\n  fetch(ENDPOINT, { headers: { "X-Security-Token": "${S.securityToken}" } });\n  headers.set("X-Session-Token", "${S.sessionToken}");\n  req.header["x-session-token"] = "${S.mcToken}";\n}\n`,
  "headers.ts",
  (code) => [
    error(code, "securityToken", `"${S.securityToken}"`, "@****", "the X-Security-Token header"),
    error(code, "sessionToken", `"${S.sessionToken}"`, "___****", "the X-Session-Token header"),
    error(code, "loginPassword", `"${S.mcToken}"`, "mc/****", "the x-session-token header"),
  ],
);

add(
  `export function send(cookies: any, res: any) {\n  cookies.set("__sessiontoken", "${S.sessionToken}");\n  res.cookie("__sessiontoken", "${S.mcToken}");\n  return { params: { __sessiontoken: "${S.loginPassword}" } };\n}\n`,
  "cookies.ts",
  (code) => [
    error(code, "sessionToken", `"${S.sessionToken}"`, "___****", "a __sessiontoken parameter"),
    error(code, "loginPassword", `"${S.mcToken}"`, "mc/****", "a __sessiontoken parameter"),
    error(code, "loginPassword", `"${S.loginPassword}"`, "svc_orders/****", "a __sessiontoken parameter"),
  ],
);

// ---------------------------------------------------------------------------------------------
// Environment fallbacks (domain A names).

add(
  `export const password = process.env.ACC_PASSWORD ?? "${S.fallback}";\nexport const token = process.env["ACC_SESSIONTOKEN"] || "${S.loginPassword}";\n`,
  "env.ts",
  (code) => [
    error(code, "password", `"${S.fallback}"`, "****", "the ACC_PASSWORD fallback"),
    error(code, "loginPassword", `"${S.loginPassword}"`, "svc_orders/****", "the ACC_SESSIONTOKEN fallback"),
  ],
);
add(
  `const { ACC_URL = "https://acme.campaign.adobe.com", ACC_PWD = "${S.fallback}" } = process.env;\nmodule.exports = { ACC_URL, ACC_PWD };\n`,
  "env.js",
  (code) => [error(code, "password", `"${S.fallback}"`, "****", "the ACC_PWD fallback")],
  { languageOptions: CJS },
);
add(
  `export const password = import.meta.env.ACC_PASSWORD || '${S.fallback}';\n`,
  "env.mjs",
  (code) => [error(code, "password", `'${S.fallback}'`, "****", "the ACC_PASSWORD fallback")],
);

// ---------------------------------------------------------------------------------------------
// Unmistakable shapes anywhere in a Campaign/IMS file.

add(
  `// Exchanges a Service Account JWT at https://ims-na1.adobelogin.com/ims/exchange/jwt\nimport jwt from "jsonwebtoken";\nconst CLIENT_SECRET = "${S.clientSecret}";\nexport const signed = jwt.sign({ iss: "org" }, "${PEM}", { algorithm: "RS256" });\nexport { CLIENT_SECRET };\n`,
  "exchange.ts",
  (code) => [
    error(code, "clientSecret", `"${S.clientSecret}"`, "p8e-****", "a string literal"),
    error(code, "privateKey", `"${PEM}"`, "-----BEGIN PRIVATE KEY-----****", "a string literal"),
  ],
);
add(
  `import sdk from "@adobe/acc-js-sdk";\nexport const cached = { session: "${S.sessionToken}" };\n`,
  "cache.ts",
  (code) => [error(code, "sessionToken", `"${S.sessionToken}"`, "___****", "a string literal")],
);

// ---------------------------------------------------------------------------------------------
// Quiet: placeholders, non-literals, other products, files without Campaign/IMS context.

const valid: ValidCase[] = [
  {
    code: 'import sdk from "@adobe/acc-js-sdk";\nexport const a = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "PASSWORD_HERE");\nexport const b = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "${password}");\nexport const c = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "{{password}}");\nexport const d = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "process.env.ACC_PASSWORD");\nexport const e = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "");\nexport const f = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", "***");\nexport const g = sdk.ConnectionParameters.ofSessionToken(url, "mc/PASSWORD");\nexport const h = sdk.ConnectionParameters.ofSessionToken(url, `${user}/${password}`);\n',
    filename: "placeholders.ts",
  },
  // Values from the environment, parameters and calls are not literals.
  {
    code: 'import sdk from "@adobe/acc-js-sdk";\nexport const connect = (password: string) => sdk.ConnectionParameters.ofUserAndPassword(process.env.ACC_URL!, process.env.ACC_USER!, password);\nexport const other = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", process.env.ACC_PASSWORD!);\nexport const client = sdk.init(other);\n',
    filename: "client.ts",
  },
  // The SDK's own sample placeholders and templates in SOAP bodies.
  {
    code: "export const a = `<urn:sessiontoken>SESSION_TOKEN</urn:sessiontoken>`;\nexport const b = (t: string) => `<urn:sessiontoken>${t}</urn:sessiontoken>`;\nexport const c = (t: string) => '__sessiontoken=' + t;\nexport const d = '<urn:Logon><urn:strLogin>$1</urn:strLogin><urn:strPassword>$PASSWORD</urn:strPassword></urn:Logon>';\n",
    filename: "templates.ts",
  },
  // The migrated OAuth fixture: everything from the environment.
  {
    code: 'import { generateAccessToken } from "@adobe/aio-lib-core-auth";\nexport const t = generateAccessToken({ clientId: process.env.IMS_CLIENT_ID!, clientSecret: process.env.IMS_CLIENT_SECRET!, orgId: "x", scopes: [] });\nexport const body = new URLSearchParams({ client_secret: process.env.IMS_CLIENT_SECRET! });\n',
    filename: "ims-token.ts",
  },
  // Key files are read, not inlined; a path is not a key; placeholders in configs.
  {
    code: 'import auth from "@adobe/jwt-auth";\nimport { readFileSync } from "node:fs";\nexport const t = auth({ clientSecret: "<ClientSecret>", privateKey: readFileSync("./private.key", "utf8") });\nexport const u = auth({ clientSecret: "p8e-xxxxxxxxxxxxxxxx", privateKey: "./private.key" });\n',
    filename: "jwt.ts",
  },
  // clientSecret of another product in a Campaign file (no IMS context), with no Adobe shape.
  { code: 'import sdk from "@adobe/acc-js-sdk";\nexport const stripe = { clientSecret: "pi_3abc_secret_xyz" };\n', filename: "other.ts" },
  // Token headers of other products.
  { code: 'export const aws = { "X-Amz-Security-Token": "FwoGZXIvYXdzEBYaDH" };\nexport const other = { "X-Security-Token": "@Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi" };\n', filename: "aws.ts" },
  // Non-secret environment fallbacks.
  {
    code: 'export const url = process.env.ACC_URL ?? "https://acme.campaign.adobe.com";\nexport const user = process.env.ACC_USER || "admin";\nexport const pw = process.env.DB_PASSWORD ?? "postgres";\n',
    filename: "env.ts",
  },
  // A shaped value in a file with no Campaign or IMS keyword.
  { code: `export const stripeLike = "${S.clientSecret}";\n`, filename: "unrelated.ts" },
  // A local function named like an SDK factory.
  { code: 'function ofUserAndPassword(u: string, p: string) { return u + p; }\nexport const x = ofUserAndPassword("admin", "hunter2");\nexport const logon = 1;\n', filename: "local.ts" },
  // Allowed values.
  {
    code: 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("http://localhost:8080", "admin", "admin");\n',
    filename: "test-container.ts",
    options: [{ allow: ["admin"] }],
  },
];

jsRuleTester.run("no-hardcoded-campaign-secret", rule as never, { valid, invalid });

// ---------------------------------------------------------------------------------------------

describe("no-hardcoded-campaign-secret messages", () => {
  const linter = new Linter({ configType: "flat" });
  const messagesOf = (testCase: InvalidCase) =>
    linter.verify(
      testCase.code,
      [
        {
          files: ["**/*.{ts,tsx,js,mjs}"],
          plugins: { campaign: { rules: { secret: rule as never } } },
          languageOptions: {
            parser: tsParser as Linter.Parser,
            sourceType: testCase.languageOptions?.sourceType ?? "module",
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
          rules: { "campaign/secret": ["error", ...(testCase.options ?? [])] },
        },
      ],
      testCase.filename ?? "file.ts",
    );

  it("never print a secret: no message of any invalid case contains a secret or its secret part", () => {
    let checked = 0;
    for (const testCase of invalid) {
      const messages = messagesOf(testCase);
      expect(messages.length).toBe((testCase.errors as TestError[]).length);
      for (const message of messages) {
        for (const secret of Object.values(SECRETS)) {
          expect(message.message).not.toContain(secret.value);
          expect(message.message).not.toContain(secret.part);
          // Nor any 6-character window of it (a partial reveal).
          for (let i = 0; i + 6 <= secret.part.length; i++) expect(message.message).not.toContain(secret.part.slice(i, i + 6));
        }
        expect(message.message).toContain("****");
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it("has no fix and no suggestions: a leaked secret is rotated, not moved", () => {
    expect(rule.meta.fixable).toBeUndefined();
    expect(rule.meta.hasSuggestions).toBeUndefined();
    for (const testCase of invalid) for (const message of messagesOf(testCase)) expect(message.fix).toBeUndefined();
  });

  it("covers .ts, .tsx, .js (CommonJS) and .mjs inputs", () => {
    const extensions = new Set(invalid.map((testCase) => /\.[a-z]+$/.exec(testCase.filename ?? "")?.[0]));
    for (const extension of [".ts", ".tsx", ".js", ".mjs"]) expect(extensions).toContain(extension);
    expect(invalid.some((testCase) => testCase.filename?.endsWith(".js") && testCase.languageOptions?.sourceType === "commonjs")).toBe(true);
  });

  it("gives each kind of secret its own message, with the legacy reason and what to do", () => {
    const messages = Object.values(rule.meta.messages as Record<string, string>);
    expect(new Set(messages).size).toBe(messages.length);
    for (const text of messages) {
      expect(text).toContain("{{masked}}");
      expect(text).toContain("{{place}}");
    }
  });
});
