/**
 * The real `eslint` binary, with a flat config that imports the built plugin
 * (fixtures/eslint.config.js: `configs.recommended` + `configs.markdown`), over the demo
 * repositories: every language of the plugin, every pattern family.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, ROOT, runEslint } from "./run-eslint.js";

const LEGACY = "fixtures/legacy-repo";
const MIGRATED = "fixtures/migrated-repo";

/** `path:line:column rule/messageId`, paths relative to the legacy repository. */
const LEGACY_FINDINGS = [
    ".env.example:3:14 no-hardcoded-campaign-secret/password",
    ".env.example:4:1 no-session-token/sessionTokenSetting",
    ".env.example:4:18 no-hardcoded-campaign-secret/loginPassword",
    ".github/workflows/deploy.yml:10:47 no-jwt-service-account/setImsJwtAuth",
    ".github/workflows/deploy.yml:12:26 no-session-token/sessionTokenHeader",
    "Dockerfile:5:21 no-jwt-service-account/setImsJwtAuth",
    "config/config-prod.xml:4:86 no-hardcoded-campaign-secret/clientSecret",
    "config/config-prod.xml:4:171 no-jwt-service-account/imsJwtPrivateKey",
    "config/config-prod.xml:4:192 no-hardcoded-campaign-secret/privateKey",
    "config/config-prod.xml:6:14 no-jwt-service-account/legacyPipelinedAuth",
    "config/config-prod.xml:6:38 no-jwt-service-account/legacyPipelinedAuth",
    "config/config-prod.xml:6:54 no-hardcoded-campaign-secret/privateKey",
    "config/serverConf.xml:6:54 no-insecure-security-zone/userPassword",
    "config/serverConf.xml:6:79 no-insecure-security-zone/sessionTokenOnly",
    "docs/runbook.md:9:37 no-jwt-service-account/setImsJwtAuth",
    "docs/runbook.md:9:120 no-hardcoded-campaign-secret/clientSecret",
    "docs/runbook.md:9:157 no-hardcoded-campaign-secret/privateKey",
    "docs/runbook.md:16:13 no-password-logon/soapLogonAction",
    "docs/runbook.md:24:38 no-password-logon/ofUserAndPassword",
    "http/campaign.http:2:17 no-hardcoded-campaign-secret/loginPassword",
    "http/campaign.http:7:13 no-password-logon/soapLogonAction",
    "http/campaign.http:24:1 no-session-token/securityTokenHeader",
    "http/campaign.http:25:9 no-session-token/sessionTokenCookie",
    "http/campaign.http:30:25 no-session-token/sessionTokenElement",
    "http/campaign.http:37:48 no-password-logon/soapLogonAction",
    "integration/wso2-proxy.xml:5:36 no-password-logon/soapLogonAction",
    "package.json:7:40 no-password-logon/soapLogonAction",
    "package.json:11:5 no-jwt-service-account/jwtPackageDependency",
    "postman/campaign.postman_collection.json:12:44 no-password-logon/soapLogonAction",
    "postman/campaign.postman_collection.json:28:21 no-session-token/securityTokenHeader",
    "postman/campaign.postman_collection.json:32:174 no-session-token/sessionTokenElement",
    "scripts/refresh-token.ps1:4:29 prefer-ims-bearer-token/bearerTokenLogonAction",
    "scripts/setup-ims.sh:7:3 no-jwt-service-account/setImsJwtAuth",
    "scripts/setup-ims.sh:7:87 no-hardcoded-campaign-secret/clientSecret",
    "scripts/setup-ims.sh:11:19 no-password-logon/soapLogonAction",
    "scripts/setup-ims.sh:14:79 no-session-token/sessionTokenCookie",
    "scripts/setup-ims.sh:14:94 no-hardcoded-campaign-secret/loginPassword",
    "soap/logon.xml:5:6 no-password-logon/soapLogonEnvelope",
    "soap/push-event.xml:4:6 no-session-token/securityTokenHeader",
    "soap/push-event.xml:8:25 no-session-token/sessionTokenElement",
    "soap/push-event.xml:8:25 no-hardcoded-campaign-secret/loginPassword",
    "src/campaign-client.ts:5:57 no-password-logon/ofUserAndPassword",
    "src/campaign-client.ts:16:40 no-password-logon/ofUserAndPassword",
    "src/campaign-client.ts:16:112 no-hardcoded-campaign-secret/password",
    "src/ims/jwt-token.ts:2:18 no-jwt-service-account/jwtAuthImport",
    "src/ims/jwt-token.ts:6:34 no-jwt-service-account/jwtAuthCall",
    "src/ims/jwt-token.ts:12:19 no-jwt-service-account/campaignMetascope",
    "src/ims/jwt-token.ts:17:34 no-jwt-service-account/jwtExchangeEndpoint",
    "src/legacy/session.js:6:21 no-session-token/ofSessionToken",
    "src/legacy/session.js:6:41 no-hardcoded-campaign-secret/loginPassword",
    "src/legacy/session.js:11:43 prefer-ims-bearer-token/ofBearerToken",
    "src/push-event.mjs:9:25 no-session-token/sessionTokenElement",
    "src/push-event.mjs:19:7 no-session-token/securityTokenHeader",
    "src/push-event.mjs:28:6 no-password-logon/soapLogonEnvelope",
    "src/push-event.mjs:36:68 no-password-logon/soapLogonAction",
    "src/web/CampaignWidget.tsx:4:40 no-session-token/ofSessionAndSecurityToken",
    "src/web/CampaignWidget.tsx:4:71 no-hardcoded-campaign-secret/sessionToken",
    "src/web/CampaignWidget.tsx:4:114 no-hardcoded-campaign-secret/securityToken",
    "workflows/sync-operators.xml:7:29 no-password-logon/soapLogonAction",
    "workflows/sync-operators.xml:8:22 no-password-logon/soapServiceLogon",
    "workflows/sync-operators.xml:9:5 no-session-token/addTokens",
];

describe("eslint binary with configs.recommended and configs.markdown", () => {
  it("reports every legacy pattern of fixtures/legacy-repo, in every language, and exits 1", () => {
    const run = runEslint([LEGACY]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(
      run.findings.map(
        (finding) =>
          `${path.relative(LEGACY, finding.file)}:${finding.line}:${finding.column} ${finding.ruleId?.replace("campaign-ims/", "")}/${finding.messageId}`,
      ),
    ).toEqual(LEGACY_FINDINGS);
  });

  it("reports nothing in fixtures/migrated-repo (Adobe's after-states and look-alikes) and exits 0", () => {
    const run = runEslint([MIGRATED]);
    expect(run.stderr).toBe("");
    expect(run.findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("never prints a secret of the legacy repository in a message", () => {
    const messages = runEslint([LEGACY]).findings.map((finding) => finding.message).join("\n");
    for (const secret of ["Adm1n-Campaign!", "Camp41gn!", "Orders-2024-Secret", "p8e-Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei", "8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90", "Hk3vQz9XpL2mN8rT", "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2"]) {
      expect(messages).not.toContain(secret);
    }
  });

  it("--fix applies the documented fixes: empty <sessiontoken> values, Authorization: Bearer added to the .http request", () => {
    const copy = copyFixture(LEGACY);
    const run = runEslint(["."], ["--fix"], copy);
    expect(run.stderr).toBe("");
    const fixed = (file: string) => readFileSync(path.join(copy, file), "utf8");
    const original = (file: string) => readFileSync(path.join(ROOT, LEGACY, file), "utf8");

    expect(fixed("soap/push-event.xml")).toBe(
      original("soap/push-event.xml").replace("<urn:sessiontoken>mc/Camp41gn!</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
    );
    // In code, emptying the token without the Authorization header would leave the request with
    // no credential: without a tokenExpression it is a suggestion, and --fix leaves the file.
    expect(fixed("src/push-event.mjs")).toBe(original("src/push-event.mjs"));
    expect(fixed("http/campaign.http")).toBe(
      original("http/campaign.http")
        .replace("Cookie: __sessiontoken={{sessionToken}}\n", "Cookie: __sessiontoken={{sessionToken}}\nAuthorization: Bearer {{imsToken}}\n")
        .replace("<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
    );
    // Fixed files still parse: no fatal error anywhere, and nothing fixable is left.
    const again = runEslint(["."], ["--fix-dry-run"], copy);
    expect(again.findings.filter((finding) => finding.ruleId === null)).toEqual([]);
    expect(again.findings.filter((finding) => finding.messageId === "sessionTokenElement").map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      expect.stringMatching(/src\/push-event\.mjs:9$/),
    ]);
  });
});
