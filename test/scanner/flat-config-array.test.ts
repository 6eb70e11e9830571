/** The configs normalized once lint exactly as the plain array `Linter#verify` normalizes per call. */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { normalizedConfigs } from "../../src/scanner/flat-config-array.js";
import { loadPlugin } from "../../src/scanner/lint-engine.js";
import { buildLintConfig } from "../../src/scanner/lint-config.js";
import { REAL_PLUGIN_MODULE } from "./support/scan-fixture.js";

const ROOT = "/repo";

describe("normalizedConfigs", () => {
  it("is an ESLint FlatConfigArray (it has getConfig), reused across verify calls with the same messages", async () => {
    const { configs } = buildLintConfig(await loadPlugin(REAL_PLUGIN_MODULE), { profile: "recommended", rules: [], markdown: true });
    const normalized = normalizedConfigs(configs, ROOT);
    expect(typeof (normalized as unknown as { getConfig?: unknown }).getConfig).toBe("function");
    const linter = new Linter({ cwd: ROOT, configType: "flat" });
    const files: Array<[string, string]> = [
      ["src/a.ts", 'import sdk from "@adobe/acc-js-sdk";\nsdk.ConnectionParameters.ofUserAndPassword(url, "admin", "Adm1n-Campaign!");\n'],
      ["soap/logon.xml", '<?xml version="1.0"?>\n<Envelope><Body><Logon xmlns="urn:xtk:session"><sessiontoken/><strLogin>a</strLogin><strPassword>b</strPassword></Logon></Body></Envelope>\n'],
      ["docs/run.md", "# Run\n\n```sh\nnlserver config -setimsjwtauth:org/client/tech/secret/key\n```\n"],
      ["src/clean.ts", "export const total = 1;\n"],
    ];
    for (const [path, text] of files) {
      const options = { filename: `${ROOT}/${path}` };
      const expected = linter.verify(text, configs, options);
      expect(linter.verify(text, normalized, options), path).toEqual(expected);
      expect(linter.verify(text, normalized, options), `${path}, again`).toEqual(expected);
    }
    expect(linter.verify(files[0]![1], normalized, { filename: `${ROOT}/${files[0]![0]}` }).length).toBeGreaterThan(0);
  });
});
