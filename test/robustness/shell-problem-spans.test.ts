/**
 * Found by the language property: the problem for an unterminated backtick substitution spanned
 * two characters, so at the end of a CRLF line it ended between the "\r" and the "\n" (a column
 * past the end of the line). The span is now the opening token, never past the line's content.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const problems = (text: string): string[] =>
  linter
    .verify(text, plugin.configs.strict, { filename: "/repo/scripts/setup.sh" })
    .filter((message) => message.ruleId === null)
    .map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`);

describe("spans of unterminated shell constructs", () => {
  it("a backtick at the end of a CRLF line: the backtick alone", () => {
    expect(problems("nlserver config -instance:prod `\r\nACC_URL=https://acme-mkt-prod1.campaign.adobe.com\r\n")).toEqual([
      "1:32-1:33 Unterminated backtick command substitution.",
    ]);
  });

  it('"$(" and "${" keep their two characters, a backtick one', () => {
    expect(problems("nlserver logon $(cat pw\r\n")).toEqual(['1:16-1:18 Unterminated "(" group.']);
    expect(problems("nlserver logon ${PW\n")).toEqual(['1:16-1:18 Unterminated "${" expansion.']);
    expect(problems("nlserver logon `cat pw")).toEqual(["1:16-1:17 Unterminated backtick command substitution."]);
  });
});
