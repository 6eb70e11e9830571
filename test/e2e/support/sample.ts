/**
 * The sample the compatibility matrix lints: a little TS/JS service with legacy Campaign logons
 * and things the other configs flag (an unused variable, `any`, console output, a floating
 * promise), a Markdown runbook with a skipped heading level and a curl logon, a JSON file with a
 * duplicate key. Written into `<project>/matrix/`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SAMPLE_FILES: Record<string, string> = {
  "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, allowJs: true, checkJs: false, module: "nodenext", target: "es2022", noEmit: true }, include: ["src"] }, null, 2)}\n`,
  "src/legacy.js": [
    'import { ConnectionParameters } from "@adobe/acc-js-sdk";',
    "",
    "const retries = 3;",
    'console.log("connecting to Campaign");',
    'export const params = ConnectionParameters.ofUserAndPassword("https://acc.example.test", "svc_export", process.env.ACC_PWD);',
    "",
  ].join("\n"),
  "src/session.cjs": [
    'const sdk = require("@adobe/acc-js-sdk");',
    "",
    "module.exports = (token) => sdk.ConnectionParameters.ofSessionToken(\"https://acc.example.test\", token);",
    "",
  ].join("\n"),
  "src/client.ts": [
    'import { ConnectionParameters } from "@adobe/acc-js-sdk";',
    "",
    "export function connect(token: any): unknown {",
    '  console.info("session logon");',
    '  return ConnectionParameters.ofSessionToken("https://acc.example.test", token);',
    "}",
    "",
    "export async function ping(): Promise<number> {",
    "  return 1;",
    "}",
    "",
    "ping();",
    "",
  ].join("\n"),
  "docs/runbook.md": [
    "# Campaign runbook",
    "",
    "### Log on",
    "",
    "```sh",
    'curl -H "SOAPAction: xtk:session#Logon" https://acc.example.test/nl/jsp/soaprouter.jsp',
    "```",
    "",
  ].join("\n"),
  "data/settings.json": '{\n  "region": "emea",\n  "region": "apac"\n}\n',
};

export function writeSample(directory: string): void {
  for (const [file, text] of Object.entries(SAMPLE_FILES)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
}
