/**
 * The scanner's flat config from the real plugin: the profile's rules on every language (from the
 * all-languages configs, since `recommended` and `v8` lint only TS/JS in ESLint), and the
 * TypeScript parser on every JS/TS file (the scanner has no user parser to keep, and reads JSX in
 * `.js` files).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { buildLintConfig } from "../../src/scanner/lint-config.js";

const build = (profile: "recommended" | "strict" | "v8") => buildLintConfig(plugin, { profile, rules: [], markdown: true, reportUnusedDisableDirectives: false });

const lint = (profile: "recommended" | "strict" | "v8", text: string, filename: string) =>
  new Linter({ cwd: "/repo", configType: "flat" })
    .verify(text, build(profile).configs, { filename: `/repo/${filename}` })
    .map((message) => `${message.ruleId ?? "fatal"} ${message.line}:${message.column}`);

describe("the scanner's lint config", () => {
  it("runs the recommended profile on every language, not only on TS/JS", () => {
    const languages = new Set(build("recommended").configs.map((block) => (typeof block.language === "string" ? block.language : undefined)));
    expect([...languages].filter((language) => language !== undefined).sort()).toEqual(["campaign-ims/http", "campaign-ims/json", "campaign-ims/shell", "campaign-ims/xml"]);
    expect(lint("recommended", '<Envelope><Header SOAPAction="xtk:session#Logon"/></Envelope>\n', "soap/logon.xml")).toEqual([
      "campaign-ims/no-password-logon 1:31",
    ]);
  });

  it("keeps the strict-only rules out of the recommended profile", () => {
    const ids = (profile: "recommended" | "strict") => build(profile).rules.map((rule) => rule.id);
    expect(ids("recommended")).not.toContain("campaign-ims/require-native-auth-lock");
    expect(ids("strict")).toContain("campaign-ims/require-native-auth-lock");
  });

  it("parses .js files with the TypeScript parser, JSX included", () => {
    const text = 'import { ConnectionParameters } from "@adobe/acc-js-sdk";\nconst p = ConnectionParameters.ofUserAndPassword(url, user, pwd);\nexport const View = () => <div>{p.url}</div>;\n';
    expect(lint("recommended", text, "src/view.js")).toEqual(["campaign-ims/no-password-logon 2:32"]);
  });
});
