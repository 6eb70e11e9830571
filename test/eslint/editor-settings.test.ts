/**
 * The VS Code settings in the README (`eslint.validate` / `eslint.probe`) list a language id for
 * every kind of file the plugin lints, and each of those file types, handed to ESLint's Node API
 * the way the VS Code ESLint extension hands over an open document (`ESLint#lintText` with its
 * path), gets the plugin's findings with the README's all-languages config.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./run-eslint.js";

const LEGACY = path.join(ROOT, "fixtures/legacy-repo");
const JWT_COMMAND = "nlserver config -setimsjwtauth:a1b2c3d4e5f6@AdobeOrg/4f1c2e8d9a7b/TECHACCT12345@techacct.adobe.com -instance:acme_stage\n";

/** A document of each VS Code language id: a path, and its text (else the legacy fixture's). */
const DOCUMENTS: Record<string, { file: string; text?: string }> = {
  javascript: { file: "src/legacy/session.js" },
  javascriptreact: { file: "src/web/widget.jsx", text: 'import { ConnectionParameters } from "@adobe/acc-js-sdk";\nexport const p = ConnectionParameters.ofUserAndPassword(url, user, pwd);\n' },
  typescript: { file: "src/campaign-client.ts" },
  typescriptreact: { file: "src/web/CampaignWidget.tsx" },
  xml: { file: "soap/logon.xml" },
  http: { file: "http/campaign.http" },
  shellscript: { file: "scripts/setup-ims.sh" },
  dockerfile: { file: "Dockerfile" },
  makefile: { file: "Makefile", text: `deploy:\n\t${JWT_COMMAND}` },
  yaml: { file: ".github/workflows/deploy.yml" },
  dotenv: { file: ".env.example" },
  properties: { file: "config/campaign.properties", text: readFileSync(path.join(LEGACY, ".env.example"), "utf8") },
  powershell: { file: "scripts/refresh-token.ps1" },
  bat: { file: "scripts/setup.bat", text: `@echo off\r\n${JWT_COMMAND.replace("\n", "\r\n")}` },
  json: { file: "postman/campaign.postman_collection.json" },
  markdown: { file: "docs/runbook.md" },
};

/** The README's VS Code settings block (the JSON block with `eslint.validate`). */
function readmeSettings(): { "eslint.validate": string[]; "eslint.probe": string[] } {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = [...readme.matchAll(/```json\n([\s\S]*?)```/gu)].map((match) => match[1]!).find((text) => text.includes('"eslint.validate"'));
  if (block === undefined) throw new Error("README.md has no VS Code settings block");
  return JSON.parse(block) as { "eslint.validate": string[]; "eslint.probe": string[] };
}

let eslint: ESLint;
beforeAll(async () => {
  const { default: plugin } = (await import("../../src/index.js")) as { default: { configs: Record<string, Linter.Config[]> } };
  eslint = new ESLint({
    cwd: LEGACY,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs["recommended-all-languages"]!, ...plugin.configs.markdown!],
  });
});

describe("the README's VS Code settings", () => {
  it("validate and probe the same language ids: one for every kind of file the plugin lints", () => {
    const settings = readmeSettings();
    expect(settings["eslint.probe"]).toEqual(settings["eslint.validate"]);
    expect([...settings["eslint.validate"]].sort()).toEqual(Object.keys(DOCUMENTS).sort());
  });

  it.each(Object.entries(DOCUMENTS))("a %s document gets the plugin's findings through ESLint#lintText", async (_language, { file, text }) => {
    const [result] = await eslint.lintText(text ?? readFileSync(path.join(LEGACY, file), "utf8"), { filePath: path.join(LEGACY, file) });
    expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
    expect(result!.messages.filter((message) => message.ruleId?.startsWith("campaign-ims/")).length).toBeGreaterThan(0);
  });
});
