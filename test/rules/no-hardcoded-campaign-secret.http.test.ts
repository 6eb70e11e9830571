import type { RuleTester as RuleTesterType } from "eslint";
import { describe, it } from "vitest";
import rule from "../../rules/no-hardcoded-campaign-secret.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";
import { COMMON_SECRETS, expectNoSecretInMessages, secretError, valuesOf } from "../support/secrets.js";

const ruleTester = await languageRuleTester("http");

type InvalidCase = RuleTesterType.InvalidTestCase;


// Secrets the cases hard-code, each with the part a message must never show.
const SECRETS = {
  ...COMMON_SECRETS,
  loginPassword: { value: "svc_orders/Vb6n-2024-Qm3t", part: "Vb6n-2024-Qm3t" },
  demo: { value: "mc/Camp41gn!", part: "Camp41gn!" },
} as const;
const S = valuesOf(SECRETS);

const error = secretError;

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
    expectNoSecretInMessages(invalid, SECRETS, 8, "http");
  });
});
