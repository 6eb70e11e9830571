/**
 * no-jwt-service-account on `campaign-ims/shell`: nlserver `-setimsjwtauth` / `-setimsauth`,
 * JWT endpoints and metascopes in words, package installs, `jwt_token` form parameters.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-jwt-service-account.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";

type TestError = RuleTesterType.TestCaseError;
type InvalidCase = Omit<RuleTesterType.InvalidTestCase, "errors"> & { errors: TestError[] };
type Suggestion = RuleTesterType.SuggestionOutput;

const ruleTester = await languageRuleTester("shell");

function error(code: string, messageId: string, text: string, occurrence = 0, suggestions: Suggestion[] = [], data?: Record<string, string>): TestError {
  return { messageId, ...at(code, text, occurrence), suggestions, ...(data === undefined ? {} : { data }) };
}

const oauth = (output: string): Suggestion => ({ messageId: "useSetImsOAuth", output });
const oauthWithSecret = (output: string): Suggestion => ({ messageId: "useSetImsOAuthWithSecret", output });
const setImsJwtAuth = (code: string, occurrence = 0, suggestions: Suggestion[] = []): TestError =>
  error(code, "setImsJwtAuth", "-setimsjwtauth", occurrence, suggestions);

const REWRITE = [{ rewriteSetImsJwtAuth: true }];

// ---------------------------------------------------------------------------------------------
// The three documented forms (domain D), -instance first or last.

const form1 = `nlserver config -instance:prod -setimsjwtauth:OrgId@AdobeOrg/client-id/tech@techacct.adobe.com/p8e-client-secret/LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
`;
const form1Fixed = `nlserver config -instance:prod -setimsoauth:OrgId@AdobeOrg/client-id/tech@techacct.adobe.com/p8e-client-secret
`;

// Adobe's second form, continued over two lines, -instance last.
const form2 = `nlserver config -setimsjwtauth::OrgId@AdobeOrg/client-id/tech@techacct.adobe.com/p8e-client-secret/$(base64 -w0 /path/to/private.key) \\
  -instance:prod
`;
const form2Fixed = `nlserver config -setimsoauth:OrgId@AdobeOrg/client-id/tech@techacct.adobe.com/p8e-client-secret \\
  -instance:prod
`;

// Third form with three parts: no client secret in the command.
const form3 = `nlserver config -instance:"rollback" "-setimsjwtauth:Org/Client/Tech"
`;
const form3Fixed = `nlserver config -instance:"rollback" "-setimsoauth:Org/Client/Tech/\${IMS_CLIENT_SECRET}"
`;

const form3Single = `nlserver config '-setimsjwtauth:Org/Client/Tech' -instance:prod
`;
const form3SingleFixed = `nlserver config '-setimsoauth:Org/Client/Tech/'"\${IMS_CLIENT_SECRET}"'' -instance:prod
`;

const form3Secret = `nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/$IMS_SECRET
`;
const form3SecretFixed = `nlserver config -instance:prod -setimsoauth:Org/Client/Tech/$IMS_SECRET
`;

// The key from a quoted substitution: the closing quote goes with it.
const quotedKey = `base64 ./private.key > private.key.base64 && \\
  nlserver config -instance:stage \\
    -setimsjwtauth:Org/Client/Tech/Secret/"$(cat private.key.base64)"
`;
const quotedKeyFixed = `base64 ./private.key > private.key.base64 && \\
  nlserver config -instance:stage \\
    -setimsoauth:Org/Client/Tech/Secret
`;

// A key continued on the next line: the continuation goes with the key.
const continuedKey = `nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1CRUdJTi\\
BQUklWQVRFIEtFWS0tLS0t
echo done
`;
const continuedKeyFixed = `nlserver config -instance:prod -setimsoauth:Org/Client/Tech/Secret
echo done
`;

// A base64 key holds `/`: everything after the fourth part is the key.
const slashKey = `nlserver config -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C+ab/cd/ef== -instance:prod
`;

// BOM and CRLF survive the rewrite.
const crlf = "\uFEFFnlserver config -instance:prod \\\r\n  -setimsjwtauth:Org/Client/Tech/p8e-SECRET/LS0tLS1C\r\necho done\r\n";
const crlfFixed = "\uFEFFnlserver config -instance:prod \\\r\n  -setimsoauth:Org/Client/Tech/p8e-SECRET\r\necho done\r\n";

// Inside a command string: `sudo -u neolane bash -c "…"`.
const embedded = `sudo -u neolane bash -c "nlserver config -setimsjwtauth:Org/Client/Tech/Secret/$(base64 -w0 key.pem) -instance:prod"
`;
const embeddedFixed = `sudo -u neolane bash -c "nlserver config -setimsoauth:Org/Client/Tech/Secret -instance:prod"
`;

// Run on the server through ssh: the here-document body is read as commands.
const heredoc = `ssh campaign-prod <<'EOF'
nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C
nlserver restart web
EOF
`;
const heredocFixed = `ssh campaign-prod <<'EOF'
nlserver config -instance:prod -setimsoauth:Org/Client/Tech/Secret
nlserver restart web
EOF
`;

const setImsJwtAuthCases: InvalidCase[] = [
  { filename: "setup.sh", code: form1, output: null, errors: [setImsJwtAuth(form1, 0, [oauth(form1Fixed)])] },
  { filename: "setup.sh", code: form1, options: REWRITE, output: form1Fixed, errors: [setImsJwtAuth(form1)] },
  { filename: "setup.sh", code: form2, output: null, errors: [setImsJwtAuth(form2, 0, [oauth(form2Fixed)])] },
  { filename: "setup.sh", code: form2, options: REWRITE, output: form2Fixed, errors: [setImsJwtAuth(form2)] },
  { filename: "setup.sh", code: form3, output: null, errors: [setImsJwtAuth(form3, 0, [oauthWithSecret(form3Fixed)])] },
  // Three parts are never fixed, even when rewriting is on: a person sets the secret.
  { filename: "setup.sh", code: form3, options: REWRITE, output: null, errors: [setImsJwtAuth(form3, 0, [oauthWithSecret(form3Fixed)])] },
  { filename: "setup.sh", code: form3Single, output: null, errors: [setImsJwtAuth(form3Single, 0, [oauthWithSecret(form3SingleFixed)])] },
  { filename: "setup.sh", code: form3Secret, options: REWRITE, output: form3SecretFixed, errors: [setImsJwtAuth(form3Secret)] },
  { filename: "setup.sh", code: quotedKey, options: REWRITE, output: quotedKeyFixed, errors: [setImsJwtAuth(quotedKey)] },
  { filename: "setup.sh", code: continuedKey, options: REWRITE, output: continuedKeyFixed, errors: [setImsJwtAuth(continuedKey)] },
  {
    filename: "setup.sh",
    code: slashKey,
    output: null,
    errors: [setImsJwtAuth(slashKey, 0, [oauth("nlserver config -setimsoauth:Org/Client/Tech/Secret -instance:prod\n")])],
  },
  { filename: "setup.sh", code: crlf, options: REWRITE, output: crlfFixed, errors: [setImsJwtAuth(crlf)] },
  { filename: "setup.sh", code: embedded, output: null, errors: [setImsJwtAuth(embedded, 0, [oauth(embeddedFixed)])] },
  { filename: "setup.sh", code: heredoc, output: null, errors: [setImsJwtAuth(heredoc, 0, [oauth(heredocFixed)])] },
  // Uppercase option (the keyword gate and the match ignore case); the rewrite is lower case.
  {
    filename: "setup.sh",
    code: "nlserver config -SetImsJwtAuth:Org/Client/Tech/Secret\n",
    output: null,
    errors: [
      {
        messageId: "setImsJwtAuth",
        ...at("nlserver config -SetImsJwtAuth:Org/Client/Tech/Secret\n", "-SetImsJwtAuth"),
        suggestions: [oauth("nlserver config -setimsoauth:Org/Client/Tech/Secret\n")],
      },
    ],
  },
];

// No rewrite: no argument, fewer than three parts, an empty part, an argument with quotes inside a command string.
const noRewrite = [
  "nlserver config -instance:prod -setimsjwtauth\n",
  "nlserver config -instance:prod -setimsjwtauth:$IMS_JWT_CREDENTIALS\n",
  "nlserver config -instance:prod -setimsjwtauth:Org/Client\n",
  "nlserver config -instance:prod -setimsjwtauth:Org//Tech/Secret\n",
  `bash -c "nlserver config -setimsjwtauth:'Org/Client/Tech/Secret/Key'"\n`,
];
for (const code of noRewrite) {
  setImsJwtAuthCases.push({ filename: "setup.sh", code, options: REWRITE, output: null, errors: [setImsJwtAuth(code)] });
}

// ---------------------------------------------------------------------------------------------
// Other dialects.

const dockerfile = `FROM node:20-slim
RUN nlserver config -setimsjwtauth:a1b2c3d4e5f6@AdobeOrg/4f1c2e8d9a7b/TECHACCT12345@techacct.adobe.com -instance:acme_stage
`;
const dockerfileFixed = `FROM node:20-slim
RUN nlserver config -setimsoauth:a1b2c3d4e5f6@AdobeOrg/4f1c2e8d9a7b/TECHACCT12345@techacct.adobe.com/\${IMS_CLIENT_SECRET} -instance:acme_stage
`;

const workflow = `name: deploy
on: [push]
jobs:
  configure:
    runs-on: ubuntu-latest
    steps:
      - name: Configure Campaign IMS
        run: |
          nlserver config -instance:acme_prod -setimsjwtauth:\${{ secrets.IMS_ORG }}/\${{ secrets.IMS_CLIENT }}/\${{ secrets.IMS_TECH }}/\${{ secrets.IMS_SECRET }}/\${{ secrets.IMS_KEY }}
`;
const workflowFixed = workflow.replace(
  "-setimsjwtauth:${{ secrets.IMS_ORG }}/${{ secrets.IMS_CLIENT }}/${{ secrets.IMS_TECH }}/${{ secrets.IMS_SECRET }}/${{ secrets.IMS_KEY }}",
  "-setimsoauth:${{ secrets.IMS_ORG }}/${{ secrets.IMS_CLIENT }}/${{ secrets.IMS_TECH }}/${{ secrets.IMS_SECRET }}",
);

const gitlab = `configure:
  script:
    - nlserver config -instance:prod -setimsjwtauth:$IMS_ORG/$IMS_CLIENT/$IMS_TECH/$IMS_SECRET/$IMS_KEY
`;

const makefile = `configure:
\t-nlserver config -instance:$(INSTANCE) \\
\t\t-setimsjwtauth:$(ORG)/$(CLIENT)/$(TECH)
`;
const makefileFixed = `configure:
\t-nlserver config -instance:$(INSTANCE) \\
\t\t-setimsoauth:$(ORG)/$(CLIENT)/$(TECH)/$(IMS_CLIENT_SECRET)
`;

const batch = `@echo off
nlserver config -instance:prod "-setimsjwtauth:Org/Client/Tech/Secret/%IMS_KEY%"
nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech
`;
const batchFixed = `@echo off
nlserver config -instance:prod "-setimsoauth:Org/Client/Tech/Secret"
nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech
`;
const batchSecretFixed = batch.replace("-setimsjwtauth:Org/Client/Tech\n", "-setimsoauth:Org/Client/Tech/%IMS_CLIENT_SECRET%\n");

// A batch caret continuation inside the key: the continuation goes with the key, the redirection stays.
const batchCaret = `nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/^
LS0tLS1C > setup.log 2>&1
`;

const powershell = `& "C:\\Program Files\\Adobe\\nlserver.exe" config \`
    -instance:prod \`
    -setimsjwtauth:"Org/Client/Tech/$env:IMS_SECRET/$key"
nlserver config -setimsjwtauth:Org/Client/Tech
nlserver config '-setimsjwtauth:Org/Client/Tech'
`;
const powershellFixed = powershell.replace('-setimsjwtauth:"Org/Client/Tech/$env:IMS_SECRET/$key"', '-setimsoauth:"Org/Client/Tech/$env:IMS_SECRET"');
const powershellSecretFixed = powershell.replace(
  "-setimsjwtauth:Org/Client/Tech\n",
  "-setimsoauth:Org/Client/Tech/$env:IMS_CLIENT_SECRET\n",
);

const dialectCases: InvalidCase[] = [
  { filename: "Dockerfile", code: dockerfile, output: null, errors: [setImsJwtAuth(dockerfile, 0, [oauthWithSecret(dockerfileFixed)])] },
  { filename: ".github/workflows/deploy.yml", code: workflow, options: REWRITE, output: workflowFixed, errors: [setImsJwtAuth(workflow)] },
  {
    filename: ".gitlab-ci.yml",
    code: gitlab,
    output: null,
    errors: [setImsJwtAuth(gitlab, 0, [oauth(gitlab.replace("-setimsjwtauth:$IMS_ORG/$IMS_CLIENT/$IMS_TECH/$IMS_SECRET/$IMS_KEY", "-setimsoauth:$IMS_ORG/$IMS_CLIENT/$IMS_TECH/$IMS_SECRET"))])],
  },
  { filename: "Makefile", code: makefile, output: null, errors: [setImsJwtAuth(makefile, 0, [oauthWithSecret(makefileFixed)])] },
  {
    filename: "setup.cmd",
    code: batch,
    options: REWRITE,
    output: batchFixed,
    errors: [setImsJwtAuth(batch, 0), setImsJwtAuth(batch, 1, [oauthWithSecret(batchSecretFixed)])],
  },
  {
    filename: "setup.bat",
    code: batchCaret,
    options: REWRITE,
    output: "nlserver config -instance:prod -setimsoauth:Org/Client/Tech/Secret > setup.log 2>&1\n",
    errors: [setImsJwtAuth(batchCaret)],
  },
  {
    filename: "setup.ps1",
    code: powershell,
    output: null,
    errors: [
      setImsJwtAuth(powershell, 0, [oauth(powershellFixed)]),
      setImsJwtAuth(powershell, 1, [oauthWithSecret(powershellSecretFixed)]),
      // Inside PowerShell single quotes no reference would expand: no suggestion.
      setImsJwtAuth(powershell, 2),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// -setimsauth (pre-7.4.1): info, no rewrite.

const setImsAuth = "nlserver config -instance:prod -setimsauth:Org/Client/Tech/Secret\n";

// ---------------------------------------------------------------------------------------------
// Endpoints, metascopes, form parameters, package installs.

const curlExchange = `curl -s -X POST https://ims-na1.adobelogin.com/ims/exchange/jwt \\
  -d client_id="$CLIENT_ID" -d client_secret="$CLIENT_SECRET" -d jwt_token="$JWT"
`;
const curlVariableUrl = `curl -s -X POST "$IMS_JWT_URL" -d "client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET&jwt_token=$JWT"
`;
const curlSplitParams = `curl -s -X POST "$IMS_JWT_URL" \\
  --data-urlencode client_id="$CLIENT_ID" \\
  --data-urlencode jwt_token="$JWT"
`;
const envFile = `IMS_HOST=https://ims-na1.adobelogin.com
IMS_JWT_URL=https://ims-na1.adobelogin.com/ims/exchange/v1/jwt
IMS_METASCOPES=ent_analytics_bulk_ingest_sdk,ent_campaign_sdk
`;
const installs = `npm install --save @adobe/jwt-auth@^2.0.0 dotenv
yarn add @adobe/aio-lib-ims-jwt
pnpm add -D "@adobe/jwt-auth"
sudo npm --prefix ./functions i @adobe/jwt-auth
`;
const installData = {
  jwtAuth: { package: "@adobe/jwt-auth", replacement: "use generateAccessToken from @adobe/aio-lib-core-auth instead" },
  imsJwt: {
    package: "@adobe/aio-lib-ims-jwt",
    replacement: "remove it and give @adobe/aio-lib-ims an OAuth context (client_secrets, technical_account_email, scopes)",
  },
};
const dockerInstall = `FROM node:20-slim
RUN npm ci && npm i @adobe/jwt-auth
`;

const otherCases: InvalidCase[] = [
  { filename: "setup.sh", code: setImsAuth, options: REWRITE, output: null, errors: [error(setImsAuth, "setImsAuth", "-setimsauth")] },
  // The endpoint is the finding; the form parameters of the same command add nothing.
  {
    filename: "token.sh",
    code: curlExchange,
    output: null,
    errors: [error(curlExchange, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")],
  },
  { filename: "token.sh", code: curlVariableUrl, output: null, errors: [error(curlVariableUrl, "jwtTokenParam", "jwt_token")] },
  { filename: "token.sh", code: curlSplitParams, output: null, errors: [error(curlSplitParams, "jwtTokenParam", "jwt_token")] },
  {
    filename: ".env",
    code: envFile,
    output: null,
    errors: [
      error(envFile, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt"),
      error(envFile, "campaignMetascope", "ent_campaign_sdk"),
    ],
  },
  {
    filename: "install.sh",
    code: installs,
    output: null,
    errors: [
      error(installs, "jwtPackageInstall", "@adobe/jwt-auth", 0, [], installData.jwtAuth),
      error(installs, "jwtPackageInstall", "@adobe/aio-lib-ims-jwt", 0, [], installData.imsJwt),
      error(installs, "jwtPackageInstall", "@adobe/jwt-auth", 1, [], installData.jwtAuth),
      error(installs, "jwtPackageInstall", "@adobe/jwt-auth", 2, [], installData.jwtAuth),
    ],
  },
  { filename: "Dockerfile", code: dockerInstall, output: null, errors: [error(dockerInstall, "jwtPackageInstall", "@adobe/jwt-auth", 0, [], installData.jwtAuth)] },
];

// ---------------------------------------------------------------------------------------------
// Valid: the OAuth target and look-alikes (domain H).

const valid: RuleTesterType.ValidTestCase[] = [
  // The OAuth replacement, as the migrated fixture writes it.
  {
    filename: "setup.sh",
    code: 'nlserver config -instance:acme_prod -setimsoauth:"${IMS_ORG}/${IMS_CLIENT_ID}/${IMS_TECH_ACCOUNT_ID}/${IMS_CLIENT_SECRET}"\n',
  },
  // Prose in a comment: not a command.
  { filename: "setup.sh", code: "# Until 7.4.1 we ran nlserver config -setimsjwtauth:Org/Client/Tech/Secret/Key\necho ok\n" },
  { filename: "setup.ps1", code: "<# nlserver config -setimsjwtauth:Org/Client/Tech #>\nWrite-Host ok\n" },
  // Near misses of the option name.
  { filename: "setup.sh", code: "nlserver config -setimsjwtauthx:a/b/c/d x-setimsjwtauth:a/b/c/d -setimsjwtauth_old:a/b/c\n" },
  // Package commands that do not install a JWT library.
  {
    filename: "install.sh",
    code: "npm uninstall @adobe/jwt-auth\nyarn remove @adobe/aio-lib-ims-jwt\nnpm install @adobe/aio-lib-core-auth @adobe/jwt-auth-extra\nnpm run add @adobe/jwt-auth\nnpm view @adobe/jwt-auth\n",
  },
  // OAuth Server-to-Server token request.
  {
    filename: "token.sh",
    code: 'curl -X POST https://ims-na1.adobelogin.com/ims/token/v3 -d "grant_type=client_credentials&client_id=$ID&client_secret=$SECRET&scope=$SCOPES"\n',
  },
  // `jwt_token` of some other service: no client_id beside it.
  { filename: "token.sh", code: 'curl -X POST "$OTHER_URL" -d "jwt_token=$JWT&aud=api"\n' },
  // Near misses of the endpoint and the metascope.
  { filename: ".env", code: "IMS_URL=https://ims-na1.adobelogin.com/ims/exchange/jwtx\nSCOPES=ent_campaign_sdk_v2\nOTHER=/ims/exchange/v2/jwt\n" },
  // The rule's keywords only in prose of a here-document that is not a script.
  { filename: "notes.sh", code: "cat > notes.txt <<'EOF'\nWe migrated away from the JWT credential.\nEOF\n" },
];

ruleTester.run("no-jwt-service-account (shell)", rule, {
  valid,
  invalid: [...setImsJwtAuthCases, ...dialectCases, ...otherCases],
});

describe("no-jwt-service-account (shell) meta", () => {
  it("reports -setimsauth (and AEM JWT credentials) at info level and rewrites under configs.v8", () => {
    expect(rule.meta.messageLevels).toEqual({ setImsAuth: "info", aemJwtCredential: "info" });
    expect(rule.meta.v8Options).toEqual([{ rewriteSetImsJwtAuth: true }]);
  });
});
