import type { RuleTester as RuleTesterType } from "eslint";
import { describe, it } from "vitest";
import rule from "../../rules/no-hardcoded-campaign-secret.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";
import { COMMON_SECRETS, expectNoSecretInMessages, secretError, valuesOf } from "../support/secrets.js";

const ruleTester = await languageRuleTester("shell");

type InvalidCase = RuleTesterType.InvalidTestCase;


// Secrets the cases hard-code, each with the part a message must never show.
const SECRETS = {
  ...COMMON_SECRETS,
  dbPassword: { value: "Db9-Pg!2024", part: "Db9-Pg!2024" },
  base64Key: { value: "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcw", part: "LS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcw" },
  demoPassword: { value: "Orders-2024-Secret", part: "Orders-2024-Secret" },
  demoSecret: { value: "p8e-Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei", part: "Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei" },
  demoToken: { value: "mc/Camp41gn!", part: "Camp41gn!" },
} as const;
const S = valuesOf(SECRETS);

const error = secretError;

const ROUTER = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";
const LEGACY_ENV = fixture("legacy-repo/.env.example");
const LEGACY_SCRIPT = fixture("legacy-repo/scripts/setup-ims.sh");

// The three -setimsjwtauth forms and the OAuth replacement, across a continuation line and quotes.
const NLSERVER = lines(
  `nlserver config -instance:acme_prod -setimsjwtauth:org@AdobeOrg/client/tech@techacct.adobe.com/${S.clientSecret}/${S.base64Key}`,
  `nlserver config -setimsoauth:"org@AdobeOrg/client/tech@techacct.adobe.com/${S.clientSecret}" \\`,
  `  -instance:acme_stage`,
  `nlserver config -setdblogin:PostgreSQL:campaign:acme/${S.dbPassword}@dbsrv -instance:acme_prod`,
  `nlserver config -internalpassword:${S.password}/${S.dbPassword}`,
);

// curl: token headers, cookie, a Logon body and an IMS token request.
const CURL = lines(
  `curl -X POST "${ROUTER}?__sessiontoken=${S.sessionToken}" -H 'X-Security-Token: ${S.securityToken}' \\`,
  `  --data '<urn:Logon xmlns:urn="urn:xtk:session"><urn:sessiontoken/><urn:strPassword>${S.password}</urn:strPassword></urn:Logon>'`,
  `curl -X POST https://ims-na1.adobelogin.com/ims/token/v3 -d "grant_type=client_credentials&client_id=abc&client_secret=${S.demoPassword}"`,
);

const DOCKERFILE = lines(`FROM node:20-slim`, `ENV ACC_URL=${ROUTER} ACC_PWD=${S.password}`, `ARG ACC_SESSIONTOKEN=${S.sessionToken}`);
const POWERSHELL = lines(`$env:ACC_PASSWORD = "${S.password}"`, `$env:IMS_CLIENT_SECRET = '${S.clientSecret}'`);
const HEREDOC = lines(`cat > logon.xml <<'EOF'`, `<urn:Logon xmlns:urn="urn:xtk:session"><urn:strPassword>${S.password}</urn:strPassword></urn:Logon>`, `EOF`);

const BASIC_AUTH = lines(
  `curl -sS -u svc_orders:${S.password} -d @logon.xml ${ROUTER}`,
  `curl --user=ops:'${S.dbPassword}' https://acme.campaign.adobe.com/jssp/acme/export.jssp`,
  `wget --http-user=ops --http-password=${S.demoPassword} ${ROUTER}`,
);

const invalid: InvalidCase[] = [
  {
    filename: ".env.example",
    code: LEGACY_ENV,
    errors: [
      error(LEGACY_ENV, "password", S.demoPassword, "****", "the ACC_PASSWORD setting"),
      error(LEGACY_ENV, "loginPassword", `svc_orders/${S.demoPassword}`, "svc_orders/****", "the ACC_SESSIONTOKEN setting"),
    ],
  },
  {
    filename: "setup-ims.sh",
    code: LEGACY_SCRIPT,
    errors: [
      error(LEGACY_SCRIPT, "clientSecret", S.demoSecret, "p8e-****", "nlserver config -setimsjwtauth"),
      error(LEGACY_SCRIPT, "loginPassword", S.demoToken, "mc/****", "a __sessiontoken cookie"),
    ],
  },
  {
    filename: "setup.sh",
    code: NLSERVER,
    errors: [
      error(NLSERVER, "clientSecret", S.clientSecret, "p8e-****", "nlserver config -setimsjwtauth"),
      error(NLSERVER, "privateKey", S.base64Key, "LS0t****", "nlserver config -setimsjwtauth"),
      error(NLSERVER, "clientSecret", S.clientSecret, "p8e-****", "nlserver config -setimsoauth", 1),
      error(NLSERVER, "password", S.dbPassword, "****", "nlserver config -setdblogin"),
      error(NLSERVER, "password", S.password, "****", "nlserver config -internalpassword"),
      error(NLSERVER, "password", S.dbPassword, "****", "nlserver config -internalpassword", 1),
    ],
  },
  {
    filename: "push.sh",
    code: CURL,
    errors: [
      error(CURL, "sessionToken", S.sessionToken, "___****", "a __sessiontoken URL parameter"),
      error(CURL, "securityToken", S.securityToken, "@****", "the X-Security-Token header"),
      error(CURL, "password", S.password, "****", "the SOAP Logon <urn:strPassword>"),
      error(CURL, "clientSecret", S.demoPassword, "****", "client_secret"),
    ],
  },
  {
    filename: "Dockerfile",
    code: DOCKERFILE,
    errors: [
      error(DOCKERFILE, "password", S.password, "****", "the ACC_PWD setting"),
      // A session-token setting that is also a session-token shape: once.
      error(DOCKERFILE, "sessionToken", S.sessionToken, "___****", "the ACC_SESSIONTOKEN setting"),
    ],
  },
  {
    filename: "setup.ps1",
    code: POWERSHELL,
    errors: [
      error(POWERSHELL, "password", S.password, "****", "the ACC_PASSWORD setting"),
      error(POWERSHELL, "clientSecret", S.clientSecret, "p8e-****", "a shell value"),
    ],
  },
  // Basic-auth credentials sent to a Campaign endpoint: curl -u / --user= / -uLOGIN:PW, wget --http-password.
  {
    filename: "export.sh",
    code: BASIC_AUTH,
    errors: [
      error(BASIC_AUTH, "password", S.password, "****", "curl -u credentials"),
      error(BASIC_AUTH, "password", S.dbPassword, "****", "curl --user credentials"),
      error(BASIC_AUTH, "password", S.demoPassword, "****", "wget --http-password credentials"),
    ],
  },
  { filename: "logon.sh", code: HEREDOC, errors: [error(HEREDOC, "password", S.password, "****", "the SOAP Logon <urn:strPassword>")] },
].map((testCase) => ({ ...testCase, output: null }));

ruleTester.run("no-hardcoded-campaign-secret (shell)", rule, {
  valid: [
    { filename: "setup-ims.sh", code: fixture("migrated-repo/scripts/setup-ims.sh") },
    { filename: ".env.example", code: fixture("migrated-repo/.env.example") },
    { filename: ".github/workflows/deploy.yml", code: fixture("legacy-repo/.github/workflows/deploy.yml") },
    { filename: "Dockerfile", code: fixture("legacy-repo/Dockerfile") },
    // Placeholders: variables, subshells, bracketed names, upper-case names.
    {
      filename: "setup.sh",
      code: lines(
        `nlserver config -setimsjwtauth::<ImsOrgId>/<ClientId>/<TechnicalAccountId>/<ClientSecret>/$(base64 -w0 /path/to/private.key)`,
        `nlserver config -setimsoauth:$IMS_ORG/$IMS_CLIENT/$IMS_TECH/\${IMS_CLIENT_SECRET}`,
        `nlserver config -setdblogin:PostgreSQL:campaign:acme@dbsrv`,
        `nlserver config -internalpassword`,
      ),
    },
    { filename: ".env", code: lines(`ACC_PASSWORD=\${ACC_PASSWORD}`, `ACC_PWD=PASSWORD_HERE`, `ACC_SESSIONTOKEN=`, `ACC_USER=svc_orders`) },
    // Built at run time: not literals.
    { filename: "push.sh", code: `ACC_PASSWORD="pre-$SUFFIX"\ncurl -b "__sessiontoken=$ACC_SESSIONTOKEN" ${ROUTER}` },
    // Basic auth built from variables, to an endpoint that is not Campaign's, or with no password.
    {
      filename: "export.sh",
      code: lines(`curl -u "svc:$ACC_PASSWORD" ${ROUTER}`, `curl -u admin:Zq7-Adm1n!Pw https://jenkins.example.com/job/sync/build`, `curl -u svc_orders ${ROUTER}`),
    },
    // Arguments of commands that send nothing.
    { filename: "audit.sh", code: `grep -r '<urn:strPassword>Zq7-Adm1n!Pw</urn:strPassword>' soap/ # find old Logon templates` },
  ],
  invalid,
});

describe("no-hardcoded-campaign-secret (shell) messages", () => {
  it("never print a secret or any 6-character part of it", () => {
    expectNoSecretInMessages(invalid, SECRETS, 22);
  });
});
