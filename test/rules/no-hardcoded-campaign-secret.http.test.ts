import { Linter, type RuleTester as RuleTesterType } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-hardcoded-campaign-secret.js";
import plugin from "../../src/index.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("http");

type InvalidCase = RuleTesterType.InvalidTestCase;
type TestError = RuleTesterType.TestCaseError;


// Secrets the cases hard-code, each with the part a message must never show.
const SECRETS = {
  password: { value: "Zq7-Adm1n!Pw", part: "Zq7-Adm1n!Pw" },
  sessionToken: { value: "___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90", part: "8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90" },
  securityToken: { value: "@Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi", part: "Hk3vQz9XpL2mN8rTa7Bc4De5Fg6Hi" },
  clientSecret: { value: "p8e-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz", part: "Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz" },
  loginPassword: { value: "svc_orders/Vb6n-2024-Qm3t", part: "Vb6n-2024-Qm3t" },
  demo: { value: "mc/Camp41gn!", part: "Camp41gn!" },
} as const;
const S = Object.fromEntries(Object.entries(SECRETS).map(([name, secret]) => [name, secret.value])) as Record<keyof typeof SECRETS, string>;

function error(code: string, messageId: string, needle: string, masked: string, place: string, nth = 0): TestError {
  return { messageId, ...at(code, needle, nth), data: { masked, place, label: "private key" }, suggestions: [] };
}

const ROUTER = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";
const LEGACY = fixture("legacy-repo/http/campaign.http");

const VARIABLES = lines(
  `@host = ${ROUTER}`,
  `@password = ${S.password}`,
  `@clientSecret = ${S.clientSecret}`,
  `@login = admin`,
  `@token = opaque`,
  ``,
  `POST {{host}}`,
);

const REQUEST = lines(
  `POST ${ROUTER}?__sessiontoken=${S.sessionToken}`,
  `X-Security-Token: ${S.securityToken}`,
  `Cookie: lang=en; __sessiontoken=${S.loginPassword}`,
  `SOAPAction: xtk:session#Logon`,
  ``,
  `<urn:Logon xmlns:urn="urn:xtk:session"><urn:sessiontoken/><urn:strLogin>admin</urn:strLogin><urn:strPassword>${S.password}</urn:strPassword></urn:Logon>`,
);

// The OAuth token request with a literal client secret in the form body.
const TOKEN_REQUEST = lines(
  `POST https://ims-na1.adobelogin.com/ims/token/v3`,
  `Content-Type: application/x-www-form-urlencoded`,
  ``,
  `grant_type=client_credentials&client_id=abc&client_secret=${S.password}&scope=openid`,
);

const invalid: InvalidCase[] = [
  { code: LEGACY, errors: [error(LEGACY, "loginPassword", S.demo, "mc/****", "the @sessionToken variable")] },
  {
    code: VARIABLES,
    errors: [
      error(VARIABLES, "password", S.password, "****", "the @password variable"),
      error(VARIABLES, "clientSecret", S.clientSecret, "p8e-****", "the @clientSecret variable"),
    ],
  },
  {
    code: REQUEST,
    errors: [
      error(REQUEST, "sessionToken", S.sessionToken, "___****", "a __sessiontoken URL parameter"),
      error(REQUEST, "securityToken", S.securityToken, "@****", "the X-Security-Token header"),
      error(REQUEST, "loginPassword", S.loginPassword, "svc_orders/****", "a __sessiontoken cookie"),
      error(REQUEST, "password", S.password, "****", "the SOAP Logon <urn:strPassword>"),
    ],
  },
  { code: TOKEN_REQUEST, errors: [error(TOKEN_REQUEST, "clientSecret", S.password, "****", "client_secret")] },
].map((testCase) => ({ ...testCase, output: null }));

ruleTester.run("no-hardcoded-campaign-secret (HTTP)", rule, {
  valid: [
    fixture("migrated-repo/http/campaign.http"),
    // Variables that only point elsewhere, and placeholders.
    lines(`@password = {{$dotenv ACC_PASSWORD}}`, `@sessionToken = {{login}}/{{password}}`, `@clientSecret = <ClientSecret>`, `POST ${ROUTER}`),
    // Variables named like secrets in a file about another service (no Campaign or IMS context).
    lines(`@password = hunter2`, `# logon to the intranet`, `POST https://intranet.example.com/login`),
    // A Logon template body and token headers from variables.
    lines(
      `POST ${ROUTER}`,
      `X-Security-Token: {{securityToken}}`,
      `Cookie: __sessiontoken={{sessionToken}}`,
      ``,
      `<urn:Logon xmlns:urn="urn:xtk:session"><urn:strLogin>{{login}}</urn:strLogin><urn:strPassword>{{password}}</urn:strPassword></urn:Logon>`,
    ),
  ],
  invalid,
});

describe("no-hardcoded-campaign-secret (HTTP) messages", () => {
  it("never print a secret or any 6-character part of it", () => {
    const linter = new Linter({ configType: "flat" });
    const config = [{ files: ["**/*.http"], plugins: { "campaign-ims": plugin }, language: "campaign-ims/http", rules: { "campaign-ims/no-hardcoded-campaign-secret": "error" as const } }];
    let checked = 0;
    for (const testCase of invalid) {
      const messages = linter.verify(testCase.code, config, { filename: "file.http" }).filter((message) => message.ruleId !== null);
      expect(messages.length).toBe((testCase.errors as TestError[]).length);
      for (const message of messages) {
        for (const secret of Object.values(SECRETS)) {
          for (let i = 0; i + 6 <= secret.part.length; i++) expect(message.message).not.toContain(secret.part.slice(i, i + 6));
        }
        expect(message.message).toContain("****");
        checked++;
      }
    }
    expect(checked).toBe(8);
  });
});
