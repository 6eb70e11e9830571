/**
 * no-session-token and no-hardcoded-campaign-secret on the lead's demo repositories, through the
 * plugin's own configs (the languages, file globs and keyword gates a user gets): every legacy
 * session-token transport and every hard-coded secret of the legacy repository, nothing in the
 * migrated one; `--fix` leaves the legacy repository with empty session tokens and bearer headers.
 */
import { Linter } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FIXTURES, lintTree, onlyRules } from "../support/fixtures.js";
import { spanText } from "../support/positions.js";

const RULES = ["campaign-ims/no-session-token", "campaign-ims/no-hardcoded-campaign-secret"];
/** The plugin's configs with these two rules alone. */
const CONFIG = onlyRules([...plugin.configs["recommended-all-languages"], ...plugin.configs.markdown], RULES);

/** `path:line:column-endLine:endColumn rule messageId` for every finding in a repository. */
function findings(repository: string): string[] {
  return lintTree(join(FIXTURES, repository), CONFIG).map(({ file, message: m }) => `${file}:${spanText(m)} ${m.ruleId?.replace("campaign-ims/", "")} ${m.messageId ?? m.message}`);
}

describe("no-session-token and no-hardcoded-campaign-secret on the demo repositories", () => {
  it("report every session-token transport and hard-coded secret of the legacy repository", () => {
    expect(findings("legacy-repo")).toEqual([
      ".env.example:3:14-3:32 no-hardcoded-campaign-secret password",
      ".env.example:4:1-4:17 no-session-token sessionTokenSetting",
      ".env.example:4:18-4:47 no-hardcoded-campaign-secret loginPassword",
      ".github/workflows/deploy.yml:12:26-12:41 no-session-token sessionTokenHeader",
      "config/config-prod.xml:4:86-4:122 no-hardcoded-campaign-secret clientSecret",
      "config/config-prod.xml:4:192-4:316 no-hardcoded-campaign-secret privateKey",
      "config/config-prod.xml:6:54-6:91 no-hardcoded-campaign-secret privateKey",
      // The runbook's fenced `sh` block: the JWT setup's client secret and base64 key.
      "docs/runbook.md:9:120-9:156 no-hardcoded-campaign-secret clientSecret",
      "docs/runbook.md:9:157-9:193 no-hardcoded-campaign-secret privateKey",
      "http/campaign.http:2:17-2:29 no-hardcoded-campaign-secret loginPassword",
      "http/campaign.http:24:1-24:17 no-session-token securityTokenHeader",
      "http/campaign.http:25:9-25:23 no-session-token sessionTokenCookie",
      "http/campaign.http:30:25-30:41 no-session-token sessionTokenElement",
      "postman/campaign.postman_collection.json:28:21-28:37 no-session-token securityTokenHeader",
      "postman/campaign.postman_collection.json:32:174-32:190 no-session-token sessionTokenElement",
      "scripts/setup-ims.sh:7:87-7:123 no-hardcoded-campaign-secret clientSecret",
      "scripts/setup-ims.sh:14:79-14:93 no-session-token sessionTokenCookie",
      "scripts/setup-ims.sh:14:94-14:106 no-hardcoded-campaign-secret loginPassword",
      "soap/push-event.xml:4:6-4:22 no-session-token securityTokenHeader",
      "soap/push-event.xml:8:25-8:37 no-session-token sessionTokenElement",
      "soap/push-event.xml:8:25-8:37 no-hardcoded-campaign-secret loginPassword",
      // TS/JS (the rules' existing visitors).
      "src/campaign-client.ts:16:112-16:129 no-hardcoded-campaign-secret password",
      "src/legacy/session.js:6:21-6:35 no-session-token ofSessionToken",
      "src/legacy/session.js:6:41-6:48 no-hardcoded-campaign-secret loginPassword",
      "src/push-event.mjs:9:25-9:40 no-session-token sessionTokenElement",
      "src/push-event.mjs:19:7-19:25 no-session-token securityTokenHeader",
      "src/web/CampaignWidget.tsx:4:40-4:65 no-session-token ofSessionAndSecurityToken",
      "src/web/CampaignWidget.tsx:4:71-4:112 no-hardcoded-campaign-secret sessionToken",
      "src/web/CampaignWidget.tsx:4:114-4:133 no-hardcoded-campaign-secret securityToken",
      // Workflow JavaScript: the connection sends the tokens of the Logon before it.
      "workflows/sync-operators.xml:9:5-9:14 no-session-token addTokens",
    ]);
  });

  it("are silent on the migrated repository", () => {
    expect(findings("migrated-repo")).toEqual([]);
  });

  it("fix the .http demo to Adobe's after-state: empty session token, Authorization: Bearer", () => {
    const root = join(FIXTURES, "legacy-repo");
    const file = join(root, "http/campaign.http");
    const text = readFileSync(file, "utf8");
    const { output, messages } = new Linter({ cwd: root }).verifyAndFix(text, CONFIG, { filename: file });
    expect(output).toBe(
      text
        .replace("<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>")
        .replace("Cookie: __sessiontoken={{sessionToken}}\n", "Cookie: __sessiontoken={{sessionToken}}\nAuthorization: Bearer {{imsToken}}\n"),
    );
    // What a person decides stays: the token headers (their suggestions now remove them) and the
    // variable that holds the login/password.
    expect(messages.map((m) => `${m.line} ${m.messageId} ${m.suggestions?.map((s) => s.messageId).join(",") ?? ""}`)).toEqual([
      "2 loginPassword ",
      "24 securityTokenHeader removeTokenHeader",
      "25 sessionTokenCookie removeTokenHeader",
    ]);
  });
});
