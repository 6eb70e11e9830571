/**
 * no-jwt-service-account on the lead's demo repositories, through the plugin's own configs (the
 * languages, file globs and keyword gate a user gets): every JWT pattern of the legacy repository,
 * nothing in the migrated one; `configs.v8` applies the -setimsoauth rewrite.
 */
import { Linter } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FIXTURES, lintTree, onlyRules } from "../support/fixtures.js";
import { spanText, textAt } from "../support/positions.js";

const RULE = "campaign-ims/no-jwt-service-account";
const CONFIG = onlyRules([...plugin.configs["recommended-all-languages"], ...plugin.configs.markdown], [RULE]);

/** `path:line:column-endLine:endColumn messageId` for every finding in a repository. */
function findings(repository: string, config = CONFIG): string[] {
  return lintTree(join(FIXTURES, repository), config).map(({ file, message: m }) => `${file}:${spanText(m)} ${m.messageId ?? m.message}`);
}

describe("no-jwt-service-account on the demo repositories", () => {
  it("reports every JWT pattern of the legacy repository", () => {
    // [file, message id, reported text, occurrence of that text in the file]: positions come from
    // the fixture's text, so they stay exact when the fixture gains unrelated lines.
    const expected: [string, string, string, number?][] = [
      // -setimsjwtauth in a workflow, a Dockerfile (three parts, -instance last), a runbook code block, a script.
      [".github/workflows/deploy.yml", "setImsJwtAuth", "-setimsjwtauth"],
      ["Dockerfile", "setImsJwtAuth", "-setimsjwtauth"],
      // The JWT private key in `ims`; appName and authPrivateKey beside authType="imsJwtToken" (which stays quiet).
      ["config/config-prod.xml", "imsJwtPrivateKey", 'authIMSTAPrivateKey="LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktnd2dnU2tBZ0VBQW9JQkFRQzdWSlRVdDlVczhjS2oK"'],
      ["config/config-prod.xml", "legacyPipelinedAuth", 'appName="acme-triggers"'],
      ["config/config-prod.xml", "legacyPipelinedAuth", 'authPrivateKey="@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"'],
      ["docs/runbook.md", "setImsJwtAuth", "-setimsjwtauth", 1],
      ["package.json", "jwtPackageDependency", '"@adobe/jwt-auth"'],
      ["scripts/setup-ims.sh", "setImsJwtAuth", "-setimsjwtauth"],
      ["src/ims/jwt-token.ts", "jwtAuthImport", '"@adobe/jwt-auth"'],
      ["src/ims/jwt-token.ts", "jwtAuthCall", "auth", 2], // `await auth({`
      ["src/ims/jwt-token.ts", "campaignMetascope", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk"],
      ["src/ims/jwt-token.ts", "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt"],
    ];
    const root = join(FIXTURES, "legacy-repo");
    expect(findings("legacy-repo")).toEqual(
      expected.map(([file, messageId, text, occurrence = 0]) => `${file}:${spanText(textAt(readFileSync(join(root, file), "utf8"), text, occurrence))} ${messageId}`),
    );
  });

  it("rewrites -setimsjwtauth to -setimsoauth under configs.v8, and only suggests it under recommended", () => {
    const root = join(FIXTURES, "legacy-repo");
    const file = join(root, "scripts/setup-ims.sh");
    const text = readFileSync(file, "utf8");
    const v8 = new Linter({ cwd: root }).verifyAndFix(text, onlyRules(plugin.configs["v8-all-languages"], [RULE]), { filename: file });
    expect(v8.fixed).toBe(true);
    expect(v8.output).toBe(
      text.replace(
        "-setimsjwtauth::a1b2c3d4e5f6@AdobeOrg/4f1c2e8d9a7b/TECHACCT12345@techacct.adobe.com/p8e-Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei/$(base64 -w0 ./private.key)",
        "-setimsoauth:a1b2c3d4e5f6@AdobeOrg/4f1c2e8d9a7b/TECHACCT12345@techacct.adobe.com/p8e-Zq1Xc9Vb8Nm7Lk6Jh5Gf4Ds3Ap2Wo1Ei",
      ),
    );
    expect(v8.messages).toEqual([]);
    const recommended = new Linter({ cwd: root }).verifyAndFix(text, CONFIG, { filename: file });
    expect(recommended.fixed).toBe(false);
    expect(recommended.messages.map((m) => m.suggestions?.map((s) => s.messageId))).toEqual([["useSetImsOAuth"]]);
  });

  it("is silent on the migrated repository", () => {
    expect(findings("migrated-repo")).toEqual([]);
  });
});
