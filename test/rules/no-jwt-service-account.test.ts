import type { RuleTester as RuleTesterType } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { DEFAULT_SCOPES_EXPRESSION } from "../../rules/no-jwt-service-account.js";
import { jsRuleTester } from "../support/rule-tester.js";
import { at } from "../support/positions.js";
import { checkFixOutputs, fixOutputs } from "../support/typecheck.js";

type TestError = RuleTesterType.TestCaseError;
// Errors are always objects here (message id, position, suggestions), never bare messages.
type InvalidCase = Omit<RuleTesterType.InvalidTestCase, "errors"> & { errors: TestError[] };
type Suggestion = RuleTesterType.SuggestionOutput;

const CJS = { sourceType: "commonjs" } as const;

/** An expected error on the `occurrence`-th `text` of `code`, with no suggestion unless given. */
function error(code: string, messageId: string, text: string, occurrence = 0, suggestions: Suggestion[] = []): TestError {
  return { messageId, ...at(code, text, occurrence), suggestions };
}

const useGenerateAccessToken = (output: string, scopes = DEFAULT_SCOPES_EXPRESSION): Suggestion => ({
  messageId: "useGenerateAccessToken",
  data: { scopes },
  output,
});

// ---------------------------------------------------------------------------------------------
// Invalid cases, grouped by pattern. Each is a function of its code so positions stay exact.

const importCases: InvalidCase[] = [];
function importCase(code: string, source: string, messageId: string, filename: string, extra: Partial<InvalidCase> = {}): void {
  importCases.push({ code, filename, output: null, errors: [error(code, messageId, source)], ...extra });
}
importCase('import auth from "@adobe/jwt-auth";\nexport { auth };\n', '"@adobe/jwt-auth"', "jwtAuthImport", "token.ts");
importCase("import * as jwtAuth from '@adobe/jwt-auth';\nexport { jwtAuth };\n", "'@adobe/jwt-auth'", "jwtAuthImport", "token.mjs");
importCase('import type { Config } from "@adobe/jwt-auth";\nexport type C = Config;\n', '"@adobe/jwt-auth"', "jwtAuthImport", "types.ts");
importCase('export { default as auth } from "@adobe/jwt-auth";\n', '"@adobe/jwt-auth"', "jwtAuthImport", "index.ts");
importCase('export * from "@adobe/aio-lib-ims-jwt";\n', '"@adobe/aio-lib-ims-jwt"', "aioLibImsJwtImport", "index.mjs");
importCase('import "@adobe/aio-lib-ims-jwt";\n', '"@adobe/aio-lib-ims-jwt"', "aioLibImsJwtImport", "setup.ts");
importCase(
  'const jwtPlugin = require("@adobe/aio-lib-ims-jwt");\nmodule.exports = jwtPlugin;\n',
  '"@adobe/aio-lib-ims-jwt"',
  "aioLibImsJwtImport",
  "plugin.js",
  { languageOptions: CJS },
);
importCase("const auth = require(`@adobe/jwt-auth`);\nmodule.exports = auth;\n", "`@adobe/jwt-auth`", "jwtAuthImport", "auth.js", {
  languageOptions: CJS,
});
importCase(
  'const auth = require("@adobe/jwt-auth/index.js");\nmodule.exports = auth;\n',
  '"@adobe/jwt-auth/index.js"',
  "jwtAuthImport",
  "deep.js",
  { languageOptions: CJS },
);
importCase('import auth = require("@adobe/jwt-auth");\nexport = auth;\n', '"@adobe/jwt-auth"', "jwtAuthImport", "legacy.ts");
importCase(
  'const { imsLogin } = await import("@adobe/aio-lib-ims-jwt");\nexport { imsLogin };\n',
  '"@adobe/aio-lib-ims-jwt"',
  "aioLibImsJwtImport",
  "lazy.mjs",
);
importCase(
  'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nconst auth = require("@adobe/jwt-auth");\nexport { auth };\n',
  '"@adobe/jwt-auth"',
  "jwtAuthImport",
  "esm-require.mjs",
);

// @adobe/jwt-auth calls: the README's CommonJS form, with the suggestion.
const readmeCjs = `const auth = require("@adobe/jwt-auth");

async function main(params) {
  const { access_token } = await auth({
    clientId: params.CLIENT_ID,
    technicalAccountId: params.TECHNICAL_ACCOUNT_ID,
    orgId: params.ORG_ID,
    clientSecret: params.CLIENT_SECRET,
    privateKey: params.PRIVATE_KEY,
    metaScopes: ["https://ims-na1.adobelogin.com/s/ent_campaign_sdk"],
  });
  return access_token;
}

module.exports = { main };
`;
const readmeCjsFixed = `const { generateAccessToken } = require("@adobe/aio-lib-core-auth");

async function main(params) {
  const { access_token } = await generateAccessToken({ clientId: params.CLIENT_ID, orgId: params.ORG_ID, clientSecret: params.CLIENT_SECRET, scopes: ${DEFAULT_SCOPES_EXPRESSION} });
  return access_token;
}

module.exports = { main };
`;

// ESM with shorthand properties and top-level await.
const esmShorthand = `import auth from '@adobe/jwt-auth';

const clientId = process.env.CLIENT_ID ?? "";
const clientSecret = process.env.CLIENT_SECRET ?? "";
const orgId = process.env.ORG_ID ?? "";
const technicalAccountId = process.env.TECHNICAL_ACCOUNT_ID ?? "";
const privateKey = process.env.PRIVATE_KEY ?? "";

const token = await auth({ clientId, technicalAccountId, orgId, clientSecret, privateKey, metaScopes: "ent_campaign_sdk" });
export default token.access_token;
`;
const esmShorthandFixed = (scopes: string) => `import { generateAccessToken } from '@adobe/aio-lib-core-auth';

const clientId = process.env.CLIENT_ID ?? "";
const clientSecret = process.env.CLIENT_SECRET ?? "";
const orgId = process.env.ORG_ID ?? "";
const technicalAccountId = process.env.TECHNICAL_ACCOUNT_ID ?? "";
const privateKey = process.env.PRIVATE_KEY ?? "";

const token = await generateAccessToken({ clientId, orgId, clientSecret, scopes: ${scopes} });
export default token.access_token;
`;

const withScopes = (code: string) => code.replace("const token", "declare const imsScopes: string[];\nconst token");

// TypeScript, typed config: the call is reported, the import too; no rewrite without an inline object.
const tsConfigVariable = `import auth from "@adobe/jwt-auth";

const config = {
  clientId: "x",
  technicalAccountId: "y@techacct.adobe.com",
  orgId: "z@AdobeOrg",
  clientSecret: process.env.CLIENT_SECRET ?? "",
  privateKey: process.env.PRIVATE_KEY ?? "",
  metaScopes: ["ent_dataservices_sdk"],
};

export async function token(): Promise<string> {
  return (await auth(config)).access_token;
}
`;

// The inline require form: everything is in the call.
const inlineRequire = `module.exports = async (params) =>
  (await require("@adobe/jwt-auth")({
    clientId: params.CLIENT_ID,
    clientSecret: params.CLIENT_SECRET,
    orgId: params.ORG_ID,
    technicalAccountId: params.TECHNICAL_ACCOUNT_ID,
    privateKey: params.PRIVATE_KEY,
    metaScopes: params.META_SCOPES,
  })).access_token;
`;
const inlineRequireFixed = `module.exports = async (params) =>
  (await require("@adobe/aio-lib-core-auth").generateAccessToken({ clientId: params.CLIENT_ID, clientSecret: params.CLIENT_SECRET, orgId: params.ORG_ID, scopes: ${DEFAULT_SCOPES_EXPRESSION} })).access_token;
`;

// `.default(...)` on a namespace import, and a promise chain.
const namespaceDefault = `import * as jwtAuth from "@adobe/jwt-auth";
declare const config: Parameters<typeof jwtAuth.default>[0];
export const token = jwtAuth.default(config).then((response) => response.access_token);
`;

// An \`ims\` host (stage) is not something generateAccessToken takes as is: no suggestion.
const stageIms = `const auth = require("@adobe/jwt-auth");
module.exports = (p) => auth({ clientId: p.id, clientSecret: p.secret, orgId: p.org, technicalAccountId: p.ta, privateKey: p.key, metaScopes: p.scopes, ims: "https://ims-na1-stg1.adobelogin.com" });
`;

// Used twice: the import cannot be rewritten for one call.
const usedTwice = `const auth = require("@adobe/jwt-auth");
const a = (p) => auth({ clientId: p.id, clientSecret: p.secret, orgId: p.org, privateKey: p.key, technicalAccountId: p.ta, metaScopes: p.scopes });
module.exports = { a, b: auth };
`;

// The name generateAccessToken is taken.
const nameTaken = `import auth from "@adobe/jwt-auth";
function generateAccessToken(): string { return ""; }
export const t = auth({ clientId: "a", clientSecret: "b", orgId: "c", privateKey: "d", technicalAccountId: "e", metaScopes: [] });
export { generateAccessToken };
`;

// A local function called \`auth\` is not the package, even in a file that imports it elsewhere.
const shadowedAuth = `import jwtAuth from "@adobe/jwt-auth";
function auth(config: { clientId: string }): string { return config.clientId; }
export const a = auth({ clientId: "x" });
export { jwtAuth };
`;

// Destructured default and a computed key spelled through a const.
const destructuredDefault = `const { default: jwtAuth } = require("@adobe/jwt-auth");
const META = "metaScopes";
module.exports = (p) => jwtAuth({ clientId: p.id, clientSecret: p.secret, orgId: p.org, [META]: p.scopes, privateKey: p.key, technicalAccountId: p.ta });
`;
const destructuredDefaultFixed = `const { generateAccessToken } = require("@adobe/aio-lib-core-auth");
const META = "metaScopes";
module.exports = (p) => generateAccessToken({ clientId: p.id, clientSecret: p.secret, orgId: p.org, scopes: ${DEFAULT_SCOPES_EXPRESSION} });
`;

const callCases: InvalidCase[] = [
  {
    code: destructuredDefault,
    filename: "destructured.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(destructuredDefault, "jwtAuthImport", '"@adobe/jwt-auth"'),
      error(destructuredDefault, "jwtAuthCall", "jwtAuth", 1, [useGenerateAccessToken(destructuredDefaultFixed)]),
    ],
  },
  {
    code: readmeCjs,
    filename: "actions/token/index.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(readmeCjs, "jwtAuthImport", '"@adobe/jwt-auth"'),
      error(readmeCjs, "jwtAuthCall", "auth", 2, [useGenerateAccessToken(readmeCjsFixed)]),
      error(readmeCjs, "campaignMetascope", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk"),
    ],
  },
  {
    code: esmShorthand,
    filename: "token.mjs",
    output: null,
    errors: [
      error(esmShorthand, "jwtAuthImport", "'@adobe/jwt-auth'"),
      error(esmShorthand, "jwtAuthCall", "auth", 2, [useGenerateAccessToken(esmShorthandFixed(DEFAULT_SCOPES_EXPRESSION))]),
      error(esmShorthand, "campaignMetascope", "ent_campaign_sdk"),
    ],
  },
  {
    // The same in TypeScript, where the output is type-checked.
    code: esmShorthand,
    filename: "token.ts",
    output: null,
    errors: [
      error(esmShorthand, "jwtAuthImport", "'@adobe/jwt-auth'"),
      error(esmShorthand, "jwtAuthCall", "auth", 2, [useGenerateAccessToken(esmShorthandFixed(DEFAULT_SCOPES_EXPRESSION))]),
      error(esmShorthand, "campaignMetascope", "ent_campaign_sdk"),
    ],
  },
  {
    // The scopes expression comes from the option.
    code: withScopes(esmShorthand),
    filename: "token.ts",
    options: [{ scopesExpression: "imsScopes" }],
    output: null,
    errors: [
      error(withScopes(esmShorthand), "jwtAuthImport", "'@adobe/jwt-auth'"),
      error(withScopes(esmShorthand), "jwtAuthCall", "auth", 2, [useGenerateAccessToken(withScopes(esmShorthandFixed("imsScopes")), "imsScopes")]),
      error(withScopes(esmShorthand), "campaignMetascope", "ent_campaign_sdk"),
    ],
  },
  {
    code: tsConfigVariable,
    filename: "token.ts",
    output: null,
    errors: [
      error(tsConfigVariable, "jwtAuthImport", '"@adobe/jwt-auth"'),
      error(tsConfigVariable, "jwtAuthConfig", "metaScopes"),
      error(tsConfigVariable, "jwtAuthCall", "auth", 2),
    ],
  },
  {
    code: inlineRequire,
    filename: "action.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(inlineRequire, "jwtAuthCall", 'require("@adobe/jwt-auth")', 0, [useGenerateAccessToken(inlineRequireFixed)]),
      error(inlineRequire, "jwtAuthImport", '"@adobe/jwt-auth"'),
    ],
  },
  {
    code: namespaceDefault,
    filename: "token.ts",
    output: null,
    errors: [
      error(namespaceDefault, "jwtAuthImport", '"@adobe/jwt-auth"'),
      error(namespaceDefault, "jwtAuthCall", "default", 1),
    ],
  },
  {
    code: stageIms,
    filename: "stage.js",
    languageOptions: CJS,
    output: null,
    errors: [error(stageIms, "jwtAuthImport", '"@adobe/jwt-auth"'), error(stageIms, "jwtAuthCall", "auth", 2)],
  },
  {
    code: usedTwice,
    filename: "twice.js",
    languageOptions: CJS,
    output: null,
    errors: [error(usedTwice, "jwtAuthImport", '"@adobe/jwt-auth"'), error(usedTwice, "jwtAuthCall", "auth", 2)],
  },
  {
    code: nameTaken,
    filename: "taken.ts",
    output: null,
    errors: [error(nameTaken, "jwtAuthImport", '"@adobe/jwt-auth"'), error(nameTaken, "jwtAuthCall", "auth", 2)],
  },
  {
    code: shadowedAuth,
    filename: "shadow.tsx",
    output: null,
    errors: [error(shadowedAuth, "jwtAuthImport", '"@adobe/jwt-auth"')],
  },
];

// Exchange endpoints inside strings and templates: exact substrings.
const fetchJwt = `export async function exchange(jwtToken: string, clientId: string, clientSecret: string) {
  const response = await fetch("https://ims-na1.adobelogin.com/ims/exchange/jwt", {
    method: "POST",
    body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, jwt_token: jwtToken }),
  });
  return response.json();
}
`;
const templateHost = "const IMS = process.env.IMS ?? \"https://ims-na1.adobelogin.com\";\nexport const url = `${IMS}/ims/exchange/jwt`;\n";
const templateTwoQuasis =
  "export const url = (host: string, id: string) => `https://${host}/ims/exchange/v1/jwt/?client_id=${id}`;\n";
// Escapes before the path: the keyword gate needs "exchange/jwt" verbatim, so the path itself is plain.
const escaped = "export const url = 'https:\\/\\/ims-na1.adobelogin.com\\u002Fims/exchange/jwt';\n";
const crlfTemplate = "export const body = `POST\r\n  https://ims-na1.adobelogin.com/ims/exchange/jwt/\r\n`;\r\n";
const concatenation = 'const IMS = "https://ims-na1.adobelogin.com";\nmodule.exports = { url: IMS + "/ims/exchange/jwt" };\n';
const twoInOne = 'export const urls = "/ims/exchange/jwt /ims/exchange/v1/jwt";\n';
const jsxAttribute = `export function Legacy() {
  return <form action="https://ims-na1.adobelogin.com/ims/exchange/jwt" method="post" />;
}
`;
const axiosConfig = `const axios = require("axios");
module.exports = (form) => axios.post("//ims-na1.adobelogin.com/ims/exchange/jwt", form);
`;

const endpointCases: InvalidCase[] = [
  { code: fetchJwt, filename: "exchange.ts", output: null, errors: [error(fetchJwt, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
  { code: templateHost, filename: "url.ts", output: null, errors: [error(templateHost, "jwtExchangeEndpoint", "/ims/exchange/jwt")] },
  { code: templateTwoQuasis, filename: "url.ts", output: null, errors: [error(templateTwoQuasis, "jwtExchangeEndpoint", "/ims/exchange/v1/jwt/")] },
  {
    code: escaped,
    filename: "url.mjs",
    output: null,
    errors: [error(escaped, "jwtExchangeEndpoint", "https:\\/\\/ims-na1.adobelogin.com\\u002Fims/exchange/jwt")],
  },
  { code: crlfTemplate, filename: "crlf.ts", output: null, errors: [error(crlfTemplate, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt/")] },
  { code: concatenation, filename: "url.js", languageOptions: CJS, output: null, errors: [error(concatenation, "jwtExchangeEndpoint", "/ims/exchange/jwt")] },
  {
    code: twoInOne,
    filename: "urls.ts",
    output: null,
    errors: [error(twoInOne, "jwtExchangeEndpoint", "/ims/exchange/jwt"), error(twoInOne, "jwtExchangeEndpoint", "/ims/exchange/v1/jwt")],
  },
  { code: jsxAttribute, filename: "Legacy.tsx", output: null, errors: [error(jsxAttribute, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
  { code: axiosConfig, filename: "ims.js", languageOptions: CJS, output: null, errors: [error(axiosConfig, "jwtExchangeEndpoint", "//ims-na1.adobelogin.com/ims/exchange/jwt")] },
];

// Metascopes: claim keys, computed keys, arrays, comma lists.
const claimKey = `export const payload = {
  iss: "org@AdobeOrg",
  "https://ims-na1.adobelogin.com/s/ent_campaign_sdk": true,
};
`;
const computedKey = "const IMS = \"https://ims-na1.adobelogin.com\";\nexport const payload = { [`${IMS}/s/ent_campaign_sdk`]: true };\n";
const commaList = 'module.exports = { JWT_METASCOPES: "ent_analytics_bulk_ingest_sdk,ent_campaign_sdk" };\n';

const metascopeCases: InvalidCase[] = [
  { code: claimKey, filename: "payload.ts", output: null, errors: [error(claimKey, "campaignMetascope", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk")] },
  { code: computedKey, filename: "payload.mjs", output: null, errors: [error(computedKey, "campaignMetascope", "/s/ent_campaign_sdk")] },
  { code: commaList, filename: "env.js", languageOptions: CJS, output: null, errors: [error(commaList, "campaignMetascope", "ent_campaign_sdk")] },
];

// aio-lib-ims JWT contexts and jwt-auth style configs.
const aioContext = `const { context, getToken } = require("@adobe/aio-lib-ims");

async function main(params) {
  await context.set("campaign", {
    client_id: params.CLIENT_ID,
    client_secret: params.CLIENT_SECRET,
    technical_account_id: params.TECHNICAL_ACCOUNT_ID,
    ims_org_id: params.ORG_ID,
    private_key: params.PRIVATE_KEY,
    meta_scopes: ["ent_campaign_sdk"],
  });
  return getToken("campaign");
}
module.exports = { main };
`;
const aioContextQuoted = `import { context } from "@adobe/aio-lib-ims";
const imsContextConfig = { "client_id": "x", "private_key": process.env.KEY, "meta_scopes": ["ent_dataservices_sdk"] };
await context.set("ctx", imsContextConfig);
`;
const adobeFetch = `import AdobeFetch from "@adobe/fetch";
export const adobefetch = AdobeFetch.config({
  auth: { clientId: "id", clientSecret: "secret", technicalAccountId: "ta", orgId: "org", metaScopes: ["ent_dataservices_sdk"], privateKey: "" },
});
`;
const exchangeJwtToken = `const { Ims } = require("@adobe/aio-lib-ims");
module.exports = async (clientId, clientSecret, jwtToken) => new Ims("prod").exchangeJwtToken(clientId, clientSecret, jwtToken);
`;

// aio-lib-ims under its former name.
const coreImsExchange = `import { Ims } from "@adobe/aio-lib-core-ims";
export const token = (id: string, secret: string, jwt: string) => new Ims().exchangeJwtToken(id, secret, jwt);
`;

const contextCases: InvalidCase[] = [
  { code: coreImsExchange, filename: "core-ims.ts", output: null, errors: [error(coreImsExchange, "exchangeJwtToken", "exchangeJwtToken")] },
  {
    code: aioContext,
    filename: "actions/campaign/index.js",
    languageOptions: CJS,
    output: null,
    errors: [error(aioContext, "jwtImsContext", "meta_scopes"), error(aioContext, "campaignMetascope", "ent_campaign_sdk")],
  },
  { code: aioContextQuoted, filename: "ctx.mjs", output: null, errors: [error(aioContextQuoted, "jwtImsContext", '"meta_scopes"')] },
  { code: adobeFetch, filename: "fetch.ts", output: null, errors: [error(adobeFetch, "jwtAuthConfig", "metaScopes")] },
  { code: exchangeJwtToken, filename: "exchange.js", languageOptions: CJS, output: null, errors: [error(exchangeJwtToken, "exchangeJwtToken", "exchangeJwtToken")] },
];

// jsonwebtoken feeding the IMS JWT exchange.
const signDefault = `import jwt from "jsonwebtoken";

export async function imsToken(privateKey: string, clientId: string, clientSecret: string) {
  const jwtToken = jwt.sign({ iss: "org@AdobeOrg", aud: \`https://ims-na1.adobelogin.com/c/\${clientId}\` }, privateKey, { algorithm: "RS256" });
  const body = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, jwt_token: jwtToken });
  jwt.verify(jwtToken, privateKey);
  return fetch("https://ims-na1.adobelogin.com/ims/exchange/jwt", { method: "POST", body });
}
`;
const signNamed = `import { sign as signJwt } from "jsonwebtoken";
export const token = (key: string) => signJwt({ sub: "ta@techacct.adobe.com" }, key, { algorithm: "RS256" });
export const IMS_EXCHANGE = "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt";
`;
const signCjsBeforeUrl = `const jwt = require("jsonwebtoken");
const { sign } = require("jsonwebtoken");
const a = jwt.sign({}, "k");
const b = sign({}, "k");
const c = require("jsonwebtoken").sign({}, "k");
const d = jwt["sign"]({}, "k");
module.exports = { a, b, c, d, url: "https://ims-na1.adobelogin.com/ims/exchange/jwt" };
`;

const signCases: InvalidCase[] = [
  {
    code: signDefault,
    filename: "ims.ts",
    output: null,
    errors: [error(signDefault, "jwtSign", "sign"), error(signDefault, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")],
  },
  {
    code: signNamed,
    filename: "ims.tsx",
    output: null,
    errors: [error(signNamed, "jwtSign", "signJwt", 1), error(signNamed, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt")],
  },
  {
    code: signCjsBeforeUrl,
    filename: "ims.js",
    languageOptions: CJS,
    output: null,
    errors: [
      error(signCjsBeforeUrl, "jwtSign", "sign", 1),
      error(signCjsBeforeUrl, "jwtSign", "sign", 2),
      error(signCjsBeforeUrl, "jwtSign", "sign", 3),
      error(signCjsBeforeUrl, "jwtSign", '"sign"'),
      error(signCjsBeforeUrl, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt"),
    ],
  },
];

// AEM as a Cloud Service JWT service credentials (metascope ent_aem_cloud_api): not Campaign's, so
// every finding of the file is one information message, with no suggestion.
const aemCases: InvalidCase[] = [];
{
  const code = `const auth = require("@adobe/jwt-auth");
const credentials = require("./service-credentials.json");
module.exports = async () => auth({
  clientId: credentials.integration.technicalAccount.clientId,
  clientSecret: credentials.integration.technicalAccount.clientSecret,
  technicalAccountId: credentials.integration.id,
  orgId: credentials.integration.org,
  privateKey: credentials.integration.privateKey,
  metaScopes: ["ent_aem_cloud_api"],
});
`;
  aemCases.push({
    filename: "aem-token.js",
    languageOptions: CJS,
    code,
    errors: [error(code, "aemJwtCredential", '"@adobe/jwt-auth"'), error(code, "aemJwtCredential", "auth", 2)],
  });
}
{
  const code = `export const exchange = "https://ims-na1.adobelogin.com/ims/exchange/jwt"; // AEM: ent_aem_cloud_api
`;
  aemCases.push({
    filename: "aem.ts",
    code,
    errors: [error(code, "aemJwtCredential", "https://ims-na1.adobelogin.com/ims/exchange/jwt")],
  });
}
{
  // AEM and Campaign in one file: the Campaign findings keep their own messages.
  const code = `const scopes = ["ent_aem_cloud_api", "ent_campaign_sdk"];
export const url = "/ims/exchange/jwt";
`;
  aemCases.push({
    filename: "both.ts",
    code,
    errors: [error(code, "campaignMetascope", "ent_campaign_sdk"), error(code, "jwtExchangeEndpoint", "/ims/exchange/jwt")],
  });
}

export const invalid: InvalidCase[] = [...importCases, ...callCases, ...endpointCases, ...metascopeCases, ...contextCases, ...signCases, ...aemCases];

// ---------------------------------------------------------------------------------------------
// Valid: the OAuth Server-to-Server target and look-alikes (domain H). Each holds one of the
// rule's keywords, so the rule really runs on it rather than being skipped by the keyword gate.

const valid: RuleTesterType.ValidTestCase[] = [
  {
    // OAuth S2S token endpoint, in a file that mentions the JWT package it replaced.
    filename: "token.ts",
    code: `// Migrated from @adobe/jwt-auth.
export async function token(clientId: string, clientSecret: string, scope: string) {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope });
  const response = await fetch("https://ims-na1.adobelogin.com/ims/token/v3", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  return response.json();
}
`,
  },
  {
    filename: "token.js",
    languageOptions: CJS,
    code: `const { generateAccessToken } = require("@adobe/aio-lib-core-auth");
const { context } = require("@adobe/aio-lib-ims");
module.exports = (params) => generateAccessToken({ clientId: params.IMS_CLIENT_ID, clientSecret: params.IMS_CLIENT_SECRET, orgId: params.IMS_ORG_ID, scopes: params.IMS_SCOPES });
module.exports.context = context;
`,
  },
  {
    // aio-lib-ims OAuth Server-to-Server context.
    filename: "context.mjs",
    code: `import { context, getToken } from "@adobe/aio-lib-ims";
await context.set("campaign", {
  client_id: process.env.OAUTH_CLIENT_ID,
  client_secrets: [process.env.OAUTH_CLIENT_SECRET],
  technical_account_id: process.env.OAUTH_TECHNICAL_ACCOUNT_ID,
  technical_account_email: process.env.OAUTH_TECHNICAL_ACCOUNT_EMAIL,
  ims_org_id: process.env.OAUTH_ORG_ID,
  scopes: ["openid", "AdobeID"],
});
export const token = await getToken("campaign");
`,
  },
  {
    // jsonwebtoken for a non-Adobe service, in a file that also uses aio-lib-ims.
    filename: "github-app.ts",
    code: `import jwt from "jsonwebtoken";
import { getToken } from "@adobe/aio-lib-ims";
export const appJwt = (key: string) => jwt.sign({ iss: "12345" }, key, { algorithm: "RS256" });
export const exchange = (token: string) => fetch("https://api.github.com/app/installations/1/access_tokens", { headers: { Authorization: \`Bearer \${token}\` } });
export { getToken };
`,
  },
  {
    // A Campaign v8 REST call with Bearer + X-Api-Key whose token comes from OAuth S2S.
    filename: "campaign-rest.ts",
    code: `import { getToken } from "@adobe/aio-lib-ims";
export async function profiles(tenant: string, apiKey: string) {
  const token = await getToken("campaign");
  return fetch(\`https://mc.adobe.io/\${tenant}/campaign/profileAndServices/profile\`, {
    headers: { Authorization: \`Bearer \${token}\`, "X-Api-Key": apiKey },
  });
}
`,
  },
  {
    // Not the exchange endpoint, not the metascope: keyword present, pattern absent.
    filename: "lookalikes.ts",
    code: `export const a = "/ims/exchange/jwtx";
export const b = "https://ims-na1.adobelogin.com/ims/exchange/v2/jwt";
export const c = "ent_campaign_sdk_v2";
export const d = "rent_campaign_sdk";
`,
  },
  {
    // Comments and JSX text are prose, not requests.
    filename: "Migration.tsx",
    code: `// We used to POST to https://ims-na1.adobelogin.com/ims/exchange/jwt with the ent_campaign_sdk metascope.
export const Migration = () => <p>We no longer call /ims/exchange/jwt or request ent_campaign_sdk.</p>;
`,
  },
  {
    // Types describe shapes; they send nothing and hold no credential.
    filename: "types.ts",
    code: `export type JwtEndpoint = "https://ims-na1.adobelogin.com/ims/exchange/jwt";
export interface JwtContext { client_id: string; private_key: string; meta_scopes: string[] }
export type JwtAuthConfig = { metaScopes: string[] };
export function read({ meta_scopes }: JwtContext): string[] { return meta_scopes; }
`,
  },
  {
    // A private key alone is not a JWT context (Google service account), even next to aio-lib-ims.
    filename: "google.js",
    languageOptions: CJS,
    code: `const { getToken } = require("@adobe/aio-lib-ims");
const serviceAccount = { type: "service_account", client_email: "a@b.iam.gserviceaccount.com", private_key: process.env.KEY, client_id: "1" };
module.exports = { getToken, serviceAccount };
`,
  },
  {
    // exchangeJwtToken on something that is not aio-lib-ims (no aio-lib-ims import in the file).
    filename: "other-idp.ts",
    code: `// Replaces @adobe/jwt-auth in the old code path.
declare const idp: { exchangeJwtToken(token: string): Promise<string> };
export const t = idp.exchangeJwtToken("x");
`,
  },
  {
    // jsonwebtoken sign without any IMS exchange in the file; aio-lib-ims OAuth plugin import.
    filename: "sign.mjs",
    code: `import jwt from "jsonwebtoken";
import "@adobe/aio-lib-ims-oauth";
export const t = jwt.sign({ sub: "me" }, "secret");
`,
  },
  {
    // A local \`auth\` shadowing nothing from @adobe/jwt-auth: only the comment mentions it.
    filename: "local-auth.ts",
    code: `// No more @adobe/jwt-auth here.
function auth(config: { clientId: string }) { return config.clientId; }
export const a = auth({ clientId: "x" });
`,
  },
  {
    // The keyword gate holds the rule back when no keyword is present at all.
    filename: "unrelated.ts",
    code: `import jwt from "jsonwebtoken";
export const t = jwt.sign({ sub: "me" }, "secret");
`,
  },
];

jsRuleTester.run("no-jwt-service-account", rule, { valid, invalid });

// What the TS outputs are checked against: the OAuth library the suggestion moves to (its shipped
// typings, abridged), and `process` for the default scopes expression. No `@adobe/jwt-auth`: an
// output that still used it would fail to resolve.
const DECLARATIONS = `
declare const process: { env: Record<string, string | undefined> };
declare module "@adobe/aio-lib-core-auth" {
  export interface TokenParams { clientId: string; clientSecret: string; orgId: string; scopes?: string[]; environment?: "prod" | "stage" }
  export interface TokenResponse { access_token: string; token_type: string; expires_in: number }
  export function generateAccessToken(params: TokenParams): Promise<TokenResponse>;
}
`;

describe("no-jwt-service-account messages", () => {
  // Suggestion descriptions say what the edit does; the problem messages carry the why.
  const suggestionIds = new Set(["useGenerateAccessToken", "removePipelinedAttribute", "useSetImsOAuth", "useSetImsOAuthWithSecret"]);
  const messages = Object.entries(rule.meta.messages ?? {}).filter(([id]) => !suggestionIds.has(id));

  it.each(messages)("%s cites the end of life and names the OAuth Server-to-Server replacement", (_id, message) => {
    expect(message).toContain("March 1 2026");
    expect(message).toContain("OAuth Server-to-Server");
  });

  // Adobe converted or ended JWT credentials on March 1 2026: the exchange fails now, not later.
  it.each(messages)("%s says the JWT exchange fails now", (_id, message) => {
    expect(message).toContain("the JWT exchange fails now: Adobe converted or ended Service Account (JWT) credentials on March 1 2026");
    expect(message).not.toMatch(/will (?:end|stop)|at the latest|end-of-life|retires/i);
  });

  it("grades AEM's JWT credentials as information and says they are not Campaign's", () => {
    expect(rule.meta.messageLevels).toMatchObject({ aemJwtCredential: "info" });
    expect(rule.meta.messages?.aemJwtCredential).toMatch(/^AEM as a Cloud Service JWT service credential \(metascope ent_aem_cloud_api\): not a Campaign credential/);
  });

  it("gives every pattern its own message", () => {
    expect(new Set(messages.map(([, message]) => message)).size).toBe(messages.length);
  });
});

describe("no-jwt-service-account suggestion outputs", () => {
  it("include TypeScript outputs, so the type check below checks something", () => {
    expect(fixOutputs(invalid).filter((output) => /\.tsx?$/.test(output.filename)).length).toBeGreaterThanOrEqual(2);
  });

  it("parse and type-check", () => {
    expect(checkFixOutputs(invalid, { declarations: DECLARATIONS })).toEqual([]);
  });

  it("would catch an output that does not type-check", () => {
    // A scopes expression of the wrong type, and an output that still imports @adobe/jwt-auth.
    const wrong = esmShorthandFixed("42");
    const stale = esmShorthandFixed(DEFAULT_SCOPES_EXPRESSION).replace("@adobe/aio-lib-core-auth", "@adobe/jwt-auth");
    const cases = [wrong, stale].map((output) => ({
      filename: "token.ts",
      errors: [{ suggestions: [{ output }] }],
    }));
    expect(checkFixOutputs(cases, { declarations: DECLARATIONS })).toHaveLength(2);
  });
});
