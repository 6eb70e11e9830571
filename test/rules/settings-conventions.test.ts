/**
 * Campaign credentials in settings named in any convention (issue 13, item 1): nested YAML keys
 * (Helm values, application.yml), `.properties` and `.env` names beyond `ACC_*`. The keyword gate
 * lets these files through (`campaign:`, `campaign.`, `campaign_`, `session_token` …), so the
 * findings do not depend on an endpoint or an `ACC_` name elsewhere in the file. Other products'
 * settings stay quiet.
 */
import { describe, expect, it } from "vitest";
import { lint } from "../languages/embedded/lint.js";

const lines = (...text: string[]): string => text.join("\n") + "\n";

describe("Campaign settings in any naming convention", () => {
  it("Helm values: a password under a campaign: key, at any depth up to three keys", () => {
    const values = lines("campaign:", "  user: svc_api", "  password: Hv7mPq2Lz", "  tech:", "    password: Kx8mPq2Lz", "db:", "  password: Dz4nQw8Lp");
    expect(lint(values, "chart/values.yaml")).toEqual(["no-hardcoded-campaign-secret/password 3:13-3:22", "no-hardcoded-campaign-secret/password 5:15-5:24"]);
  });

  it(".properties: dotted names, MC session tokens and camelCase names", () => {
    const properties = lines(
      "campaign.tech.password=S3cretProp42",
      "mc.session.token=___4f2a1b3c-aa12-4c3e-9a7f-2b6d4e8c1a90",
      "spring.datasource.password=Db9Pw8xYz",
    );
    expect(lint(properties, "config/app.properties")).toEqual([
      "no-hardcoded-campaign-secret/password 1:24-1:36",
      "no-session-token/sessionTokenSetting 2:1-2:17",
      "no-hardcoded-campaign-secret/sessionToken 2:18-2:57",
    ]);
  });

  it(".env: CAMPAIGN_TECH_PASSWORD and MC_SESSION_TOKEN; not AWS_SESSION_TOKEN", () => {
    const env = lines("CAMPAIGN_TECH_PASSWORD=Qw7Er8Ty9", "MC_SESSION_TOKEN=___4f2a1b3c-aa12-4c3e-9a7f-2b6d4e8c1a90", "AWS_SESSION_TOKEN=FwoGZXIvYXdzEJr");
    expect(lint(env, ".env")).toEqual([
      "no-hardcoded-campaign-secret/password 1:24-1:33",
      "no-session-token/sessionTokenSetting 2:1-2:17",
      "no-hardcoded-campaign-secret/sessionToken 2:18-2:57",
    ]);
  });

  it("other products' settings and placeholders are not reported", () => {
    expect(lint(lines("marketing_campaign:", "  password: ${CAMPAIGN_PASSWORD}", "aws:", "  session_token: FwoGZXIvYXdzEJr"), "values.yaml")).toEqual([]);
    expect(lint(lines("AWS_SESSION_TOKEN=FwoGZXIvYXdzEJr", "DB_PASSWORD=Db9Pw8xYz"), ".env")).toEqual([]);
  });
});
