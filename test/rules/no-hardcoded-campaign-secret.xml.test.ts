import type { RuleTester as RuleTesterType } from "eslint";
import { describe, it } from "vitest";
import rule from "../../rules/no-hardcoded-campaign-secret.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";
import { COMMON_SECRETS, expectNoSecretInMessages, secretError, valuesOf } from "../support/secrets.js";

const ruleTester = await languageRuleTester("xml");

type InvalidCase = RuleTesterType.InvalidTestCase;


// Secrets the cases hard-code, each with the part a message must never show.
const SECRETS = {
  ...COMMON_SECRETS,
  encryptedKey: { value: "@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", part: "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789" },
  demoPassword: { value: "Camp41gn!", part: "Camp41gn!" },
  demoSecret: { value: "p8e-Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei", part: "Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei" },
  demoKey: { value: "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t", part: "LS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t" },
} as const;
const S = valuesOf(SECRETS);

const error = secretError;

const LEGACY_CONFIG = fixture("legacy-repo/config/config-prod.xml");
const LEGACY_PUSH = fixture("legacy-repo/soap/push-event.xml");

const LOGON = lines(
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">`,
  `  <soapenv:Body>`,
  `    <urn:Logon>`,
  `      <urn:sessiontoken/>`,
  `      <urn:strLogin>admin</urn:strLogin>`,
  `      <urn:strPassword>${S.password}</urn:strPassword>`,
  `    </urn:Logon>`,
  `  </soapenv:Body>`,
  `</soapenv:Envelope>`,
);

const HEADERS = lines(
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:nms:rtEvent">`,
  `  <soapenv:Header>`,
  `    <X-Security-Token>${S.securityToken}</X-Security-Token>`,
  `    <Cookie>__sessiontoken=${S.sessionToken}</Cookie>`,
  `  </soapenv:Header>`,
  // A value that is both a session token slot and a session-token shape: one finding.
  `  <soapenv:Body><urn:PushEvent><urn:sessiontoken>${S.sessionToken}</urn:sessiontoken></urn:PushEvent></soapenv:Body>`,
  `</soapenv:Envelope>`,
);

// WSO2: the header value in the `value` attribute; a password in escaped workflow JavaScript.
const WSO2 = lines(
  `<sequence name="push" xmlns="http://ws.apache.org/ns/synapse">`,
  `  <header name="X-Security-Token" value="${S.securityToken}" scope="transport"/>`,
  `  <script>var e = '&lt;urn:Logon xmlns:urn=&quot;urn:xtk:session&quot;&gt;&lt;urn:strPassword&gt;${S.password}&lt;/urn:strPassword&gt;&lt;/urn:Logon&gt;';</script>`,
  `  <address uri="https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp"/>`,
  `</sequence>`,
);

// IMS credentials outside the `ims` element: a shaped client secret anywhere, a client_secret form value.
const IMS = lines(
  `<extAccount name="ims">`,
  `  <param name="secret">${S.clientSecret}</param>`,
  `  <call url="https://ims-na1.adobelogin.com/ims/token/v3?grant_type=client_credentials&amp;client_secret=${S.demoPassword}"/>`,
  `</extAccount>`,
);

// The instance configuration's internal and tracking passwords, written in clear.
const INTERNAL = lines(
  `<serverconf>`,
  `  <shared>`,
  `    <xtk internalPassword="${S.password}"/>`,
  `    <tracking trackingPassword="${S.demoPassword}"/>`,
  `  </shared>`,
  `</serverconf>`,
);

const ALLOWED = LOGON.replace("<urn:strLogin>admin</urn:strLogin>", `<urn:strLogin>admin</urn:strLogin><urn:password>local-dev</urn:password>`);

const invalid: InvalidCase[] = [
  {
    code: LEGACY_CONFIG,
    errors: [
      error(LEGACY_CONFIG, "clientSecret", S.demoSecret, "p8e-****", "the authIMSTAClientSecret attribute"),
      error(LEGACY_CONFIG, "privateKey", "LS0tLS1CRUdJTi", "LS0t****", "the authIMSTAPrivateKey attribute"),
      // Campaign encrypts stored keys as `@…`: in a key slot that is a key, not a security token.
      error(LEGACY_CONFIG, "privateKey", S.encryptedKey, "****", "the authPrivateKey attribute"),
    ].map((e, index) =>
      // The base64 key runs to the end of its attribute value.
      index === 1 ? { ...e, ...at(LEGACY_CONFIG, LEGACY_CONFIG.slice(LEGACY_CONFIG.indexOf("LS0t"), LEGACY_CONFIG.indexOf('"/>', LEGACY_CONFIG.indexOf("LS0t")))) } : e,
    ),
  },
  { code: LEGACY_PUSH, errors: [error(LEGACY_PUSH, "loginPassword", "mc/Camp41gn!", "mc/****", "<urn:sessiontoken>")] },
  { code: LOGON, errors: [error(LOGON, "password", S.password, "****", "the SOAP Logon <urn:strPassword>")] },
  {
    code: HEADERS,
    errors: [
      error(HEADERS, "securityToken", S.securityToken, "@****", "the X-Security-Token header"),
      error(HEADERS, "sessionToken", S.sessionToken, "___****", "a __sessiontoken cookie"),
      error(HEADERS, "sessionToken", S.sessionToken, "___****", "<urn:sessiontoken>", 1),
    ],
  },
  {
    code: WSO2,
    errors: [
      error(WSO2, "securityToken", S.securityToken, "@****", "the X-Security-Token header"),
      error(WSO2, "password", S.password, "****", "the SOAP Logon <urn:strPassword>"),
    ],
  },
  {
    code: IMS,
    errors: [error(IMS, "clientSecret", S.clientSecret, "p8e-****", "an XML value"), error(IMS, "clientSecret", S.demoPassword, "****", "client_secret")],
  },
  {
    code: INTERNAL,
    errors: [
      error(INTERNAL, "password", S.password, "****", "the internalPassword attribute"),
      error(INTERNAL, "password", S.demoPassword, "****", "the trackingPassword attribute"),
    ],
  },
  // An allowed value is not reported; the others still are.
  { code: ALLOWED, options: [{ allow: ["local-dev"] }], errors: [error(ALLOWED, "password", S.password, "****", "the SOAP Logon <urn:strPassword>")] },
].map((testCase) => ({ ...testCase, output: null }));

ruleTester.run("no-hardcoded-campaign-secret (XML)", rule, {
  valid: [
    fixture("migrated-repo/config/config-prod.xml"),
    fixture("migrated-repo/soap/push-event.xml"),
    // The Logon template: `$1` / `$2` are filled by a script.
    fixture("legacy-repo/soap/logon.xml"),
    // Placeholders and masked examples.
    `<ims authIMSTAClientSecret="&lt;ClientSecret&gt;" authIMSTAPrivateKey="" authIMSTAClientId="abc"/>`,
    `<ims authIMSTAClientSecret="p8e-xxxxxxxxxxxxxxxx" authIMSTAPrivateKey="\${IMS_PRIVATE_KEY}"/>`,
    `<e xmlns:urn="urn:nms:rtEvent"><X-Security-Token>{{securityToken}}</X-Security-Token><urn:sessiontoken>SESSION_TOKEN</urn:sessiontoken></e>`,
    // A password element outside a Logon call, and a Logon of another namespace.
    `<config><password>Zq7-Adm1n!Pw</password></config>`,
    `<e xmlns:x="urn:example"><x:Logon><x:password>Zq7-Adm1n!Pw</x:password></x:Logon></e>`,
    // Code builds the value: not a literal.
    `<script>var e = '&lt;urn:Logon xmlns:urn="urn:xtk:session"&gt;&lt;urn:strPassword&gt;' + pw + '&lt;/urn:strPassword&gt;';</script>`,
    // Internal and tracking passwords as nlserver config writes them (encrypted), empty or a placeholder.
    `<serverconf><shared><xtk internalPassword="@Qk9zV2xXbG1ZcHRxR3c9PQ=="/><tracking trackingPassword=""/></shared></serverconf>`,
    `<serverconf><shared><xtk internalPassword="\${INTERNAL_PASSWORD}"/></shared></serverconf>`,
    // A password attribute of another name is not the internal account's.
    `<serverconf><shared><xtk otherPassword="Zq7-Adm1n!Pw"/></shared></serverconf>`,
    // The Triggers OAuth setting.
    `<serverconf><pipelined authType="imsJwtToken" discoveryUrl="https://mc.adobe.io/acme/triggers"/></serverconf>`,
  ],
  invalid,
});

describe("no-hardcoded-campaign-secret (XML) messages", () => {
  it("never print a secret or any 6-character part of it", () => {
    expectNoSecretInMessages(invalid, SECRETS, 15, "xml");
  });
});
