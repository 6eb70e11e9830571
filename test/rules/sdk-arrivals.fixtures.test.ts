/**
 * fixtures/sdk-arrivals, through the plugin's own configs (recommended + markdown: the languages,
 * file globs and keyword gates a user gets): the SDK however it arrives (a relative require of SDK
 * source, a workspace package, constructor injection, `window.accSDK` in a component, factory
 * names alone in a docs code block), a logon()-based refresh of an ofImsBearerToken connection,
 * a test that only asserts token headers are absent, and AEM's JWT credentials (info).
 */
import { Linter } from "eslint";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FIXTURES, lintTree, onlyRules } from "../support/fixtures.js";
import { spanText } from "../support/positions.js";

const RULES = ["campaign-ims/no-password-logon", "campaign-ims/no-session-token", "campaign-ims/prefer-ims-bearer-token", "campaign-ims/no-jwt-service-account"];
const ROOT = join(FIXTURES, "sdk-arrivals");

// A project with .jsx components enables JSX for espree itself (the plugin keeps the user's JS parser).
const JSX: Linter.Config = { files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
const CONFIG = onlyRules([JSX, ...plugin.configs.recommended, ...plugin.configs.markdown], RULES);

/** `path:line:column-endLine:endColumn rule messageId [suggestion ids]` for every finding. */
function findings(): string[] {
  return lintTree(ROOT, CONFIG).map(({ file, message: m }) => {
    const suggestions = (m.suggestions ?? []).map((s) => s.messageId).join(",");
    return `${file}:${spanText(m)} ${m.ruleId?.replace("campaign-ims/", "")} ${m.messageId ?? m.message}${suggestions === "" ? "" : ` [${suggestions}]`}`;
  });
}

describe("fixtures/sdk-arrivals", () => {
  it("finds every class, however the SDK arrived, and nothing else", () => {
    expect(findings()).toEqual([
      // AEM's JWT service credentials: information, not a Campaign credential.
      "aem/token.js:2:22-2:39 no-jwt-service-account aemJwtCredential",
      "aem/token.js:6:3-6:7 no-jwt-service-account aemJwtCredential",
      // Factory names in a docs code block with no import: a binding named ConnectionParameters, a bare call.
      "docs/connect.md:6:34-6:59 no-session-token ofSessionAndSecurityToken [useImsBearerToken]",
      "docs/connect.md:12:16-12:29 prefer-ims-bearer-token ofBearerToken",
      // Constructor injection (this.sdk); a timer that "refreshes" an IMS bearer client with logon().
      "packages/app/src/campaign-service.ts:8:42-8:63 no-password-logon ofUserAndServiceToken [useImsBearerToken]",
      "packages/app/src/campaign-service.ts:22:18-22:23 prefer-ims-bearer-token imsBearerLogonRefresh [reinitWithFreshToken]",
      // A relative require of SDK source.
      "samples/env.js:9:47-9:64 no-password-logon ofUserAndPassword [useImsBearerToken]",
      "samples/rt-events.js:5:47-5:61 no-session-token ofSessionToken [useImsBearerToken]",
      // window.accSDK in a component: the token must come from the server.
      "web/LoginForm.jsx:5:52-5:69 no-password-logon ofUserAndPassword [useImsBearerTokenFromServer]",
      // test/headers.test.js only asserts the token headers are absent: nothing.
    ]);
  });
});
