import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_PATH, parseConfigFile } from "../../src/scanner/config-file.js";

const errorOf = (text: string): string => {
  try {
    parseConfigFile(text, "campaign-ims.config.json");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a configuration error");
};

describe("campaign-ims.config.json", () => {
  it("accepts every documented setting", () => {
    const config = {
      $schema: "./node_modules/eslint-plugin-campaign-ims/schema/campaign-ims.config.schema.json",
      profile: "strict",
      include: ["src/", "*.xml"],
      exclude: ["fixtures/"],
      rules: { "no-password-logon": "warn", "campaign-ims/prefer-ims-bearer-token": ["error", { targetVersion: "8.5" }], "no-session-token": 0 },
      allowlist: { paths: ["test/"], operators: ["campaign-loginmonitor"], values: ["PASSWORD_HERE"] },
      maxFileSize: "2MB",
      failOn: "warn",
      maxWarnings: 10,
      markdown: false,
    };
    expect(parseConfigFile(JSON.stringify(config), "campaign-ims.config.json")).toEqual(config);
    expect(parseConfigFile('\uFEFF{ "maxFileSize": 1000 }', "x.json")).toEqual({ maxFileSize: 1000 });
  });

  it("names every problem in a bad file, with the property and what is allowed", () => {
    expect(
      errorOf(
        JSON.stringify({
          profile: "lenient",
          rules: { "No Such Rule": "warn", "no-password-logon": "fatal" },
          allowlist: { logins: ["admin"] },
          maxFileSize: "lots",
          failThreshold: 1,
        }),
      ),
    ).toBe(
      [
        "campaign-ims.config.json is not a valid campaign-ims configuration:",
        '  - unknown property "failThreshold" at the top level',
        '  - "profile" must be one of "recommended", "strict", "v8"',
        '  - a rule name must look like "no-password-logon" or "campaign-ims/no-password-logon" (got "No Such Rule")',
        '  - "rules.no-password-logon" must be one of "off", "warn", "error", 0, 1, 2',
        '  - "rules.no-password-logon" must be array',
        '  - unknown property "logins" at "allowlist"',
        '  - "maxFileSize" must be integer',
        '  - "maxFileSize" has an invalid format',
        `  (schema: ${CONFIG_SCHEMA_PATH})`,
      ].join("\n"),
    );
  });

  it("says where a JSON syntax error is and what kind, never quoting the text", () => {
    expect(errorOf('{\n  "profile": "strict",\n  "exclude": [,]\n}')).toBe('campaign-ims.config.json: not valid JSON (line 3, column 15: unexpected ",")');
    expect(errorOf('{\n  "profile": "strict"\n')).toBe("campaign-ims.config.json: not valid JSON (line 2, column 22: unexpected end of input)");
    expect(errorOf('{"profile": s3cr3tValue}')).toBe("campaign-ims.config.json: not valid JSON (line 1, column 13: unexpected character)");
  });
});
