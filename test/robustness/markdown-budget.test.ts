/**
 * Found by the hostile-file cases: micromark's time grows with containers × size (8,000 block
 * quotes in 125 KB: 18 s; "- " 4,000 times on one line, 8 KB: 48 s through ESLint). The runbook
 * processor now parses a Markdown file only when it has a fence (it has no code block otherwise)
 * and refuses, with a message, one over budget (src/languages/markdown-parse-budget.ts). Linted
 * under the watchdog, on the built package, so a regression fails in seconds.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownBudget } from "../../src/languages/markdown-parse-budget.js";
import { FIXTURES } from "./support/corpus.js";
import { Watchdog } from "./support/watchdog.js";

let watchdog: Watchdog;
beforeAll(async () => {
  watchdog = await Watchdog.start();
}, 120_000);
afterAll(async () => watchdog?.close());

const lint = async (text: string): Promise<string[]> =>
  (await watchdog.lint("docs/runbook.md", text)).messages.map((message) => `${message.ruleId ?? "fatal"} ${message.line}:${message.column}${message.ruleId === null ? ` ${message.message}` : ""}`);

const FENCE = "\n```sh\nnlserver config -instance:prod -setimsjwtauth:Org@AdobeOrg/Client/Tech@techacct.adobe.com/Secret/Key\n```\n";
const RUNBOOK = readFileSync(`${FIXTURES}legacy-repo/docs/runbook.md`, "utf8");

describe("the Markdown parse budget", () => {
  it("without a fence: not parsed, however it is nested (there is no code block to lint)", async () => {
    expect(await lint(`logon\n${"- ".repeat(4000)}x\n`)).toEqual([]);
    expect(markdownBudget("# Notes\n\n- logon with `nlserver`\n")).toEqual({ parse: false });
  });

  it("4,000 lists opened on one line, with a fence: refused", async () => {
    expect(await lint(`logon\n${"- ".repeat(4000)}x\n${FENCE}`)).toEqual([
      "fatal 1:1 Preprocessing error: not parsed: a line opens 4000 nested lists or block quotes (more than 64)",
    ]);
  });

  it("8,000 block quotes in 125 KB, with a fence: refused", async () => {
    expect(await lint("> quote\n> more\n\n".repeat(8000) + FENCE)).toEqual([
      "fatal 1:1 Preprocessing error: not parsed: 16000 list or block quote lines in 125 KB (the Markdown parser's time grows with both)",
    ]);
  });

  it("a runbook, and a 200 KB manual of runbooks: parsed, findings where the code is", async () => {
    const demo = await lint(RUNBOOK);
    expect(demo).toHaveLength(5);
    const manual = Array.from({ length: 250 }, (_, chapter) => `## Chapter ${chapter}\n\n${RUNBOOK}`).join("\n");
    expect(manual.length).toBeGreaterThan(200_000);
    expect(markdownBudget(manual)).toEqual({ parse: true });
    expect(await lint(manual)).toHaveLength(250 * 5);
  });
});
