/**
 * Found by the scanner property: @eslint/markdown's processor maps code-block messages back to
 * the Markdown file assuming "\n" line breaks and shifting only the start column by the block's
 * indentation. A U+2028 in a JavaScript block put findings past the end of the file; in a list
 * item or a quote, spans came out short or ending before they start; after a lone "\r" (which
 * Markdown counts as a line break and the processor did not), lines were mapped to the wrong
 * place. The plugin's processor (src/languages/markdown-processor.ts) corrects all three, and
 * keeps what it cannot correct (tab-indented lines of indented blocks) inside the file.
 */
import { readFileSync } from "node:fs";
import { ConfigArray } from "@eslint/config-array";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FIXTURES } from "./support/corpus.js";
import { linesOf, spanProblem } from "./support/locations.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const RUNBOOK = readFileSync(`${FIXTURES}legacy-repo/docs/runbook.md`, "utf8");
const CONFIGS = [...plugin.configs.strict, ...plugin.configs.markdown];
// Every code block some config matches is linted (as the ESLint class and the scanner decide).
const scope = new ConfigArray(CONFIGS.filter((block) => block.files !== undefined).map((block) => ({ files: block.files as string[] })), { basePath: "/repo" });
scope.normalizeSync();
const lint = (text: string): string[] =>
  linter
    .verify(text, CONFIGS, { filename: "/repo/docs/runbook.md", filterCodeBlock: (name) => scope.getConfigStatus(name) === "matched" })
    .map((message) => `${message.ruleId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`);

describe("positions of findings in Markdown code blocks", () => {
  it("the demo runbook: findings in its sh, http and js blocks, where the code is", () => {
    expect(lint(RUNBOOK)).toEqual([
      "campaign-ims/no-jwt-service-account 9:37-9:51",
      "campaign-ims/no-hardcoded-campaign-secret 9:120-9:156",
      "campaign-ims/no-hardcoded-campaign-secret 9:157-9:193",
      "campaign-ims/no-password-logon 16:13-16:30",
      "campaign-ims/no-password-logon 24:38-24:55",
    ]);
  });

  it("inside a numbered list item (3 spaces) and a quote (\"> \"), every span moves by the indentation, start and end", () => {
    const plain = lint(RUNBOOK);
    const shift = (indent: number) =>
      plain.map((finding) => finding.replace(/(\d+):(\d+)-(\d+):(\d+)$/u, (_all, line, column, endLine, endColumn) => `${Number(line) + 2}:${Number(column) + indent}-${Number(endLine) + 2}:${Number(endColumn) + indent}`));
    const listed = `1. Steps\n\n${RUNBOOK.split("\n").map((line) => (line === "" ? line : `   ${line}`)).join("\n")}`;
    expect(lint(listed)).toEqual(shift(3));
    const quoted = `> Steps\n>\n${RUNBOOK.split("\n").map((line) => `> ${line}`).join("\n")}`;
    expect(lint(quoted)).toEqual(shift(2));
  });

  it("a U+2028 in a JavaScript string does not move the findings after it", () => {
    const code = (separator: string) =>
      ["Intro", "", "```js", 'const sdk = require("@adobe/acc-js-sdk");', `const org = "a${separator}b";`, 'const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", pw);', "```", ""].join("\n");
    expect(lint(code("\u2028"))).toEqual(lint(code("-")));
    expect(lint(code("\u2028"))).toContain("campaign-ims/no-password-logon 6:38-6:55");
  });

  it("a lone \"\\r\" line break counts as one, in and around an indented block", () => {
    const text = "Intro\r\r   ```http\n   \rPOST https://ims-na1.adobelogin.com/ims/exchange/jwt\n   ```\r\rAfter\n";
    expect(lint(text)).toEqual(lint(text.replace(/\r/gu, "\n")));
    expect(lint(text)).toEqual(["campaign-ims/no-jwt-service-account 5:6-5:53"]);
  });

  it("tab-indented lines of an indented block: every span inside the file", () => {
    const text = "   ```console\n   ACC_URL=https://acme-mkt-prod1.campaign.adobe.com\r\t\t-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C\n   ```";
    const messages = linter.verify(text, CONFIGS, { filename: "/repo/docs/runbook.md", filterCodeBlock: (name) => scope.getConfigStatus(name) === "matched" });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.map((message) => spanProblem(linesOf("docs/runbook.md", text), message) ?? "inside")).toEqual(messages.map(() => "inside"));
  });
});
