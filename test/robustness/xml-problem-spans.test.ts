/**
 * Found by the language property: a well-formedness problem reported on a CRLF (here, at the
 * start of a document whose first line is empty) spanned the "\r" alone, so it ended between the
 * "\r" and the "\n", a column past the end of the line. It now spans the whole line break.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const problems = (text: string): string[] =>
  linter
    .verify(text, plugin.configs.strict, { filename: "/repo/soap/logon.xml" })
    .filter((message) => message.ruleId === null)
    .map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`);

describe("spans of XML well-formedness problems", () => {
  it("on a CRLF: the whole line break", () => {
    expect(problems("\r\n<![CDATA[\u{10000}")).toEqual(["1:1-2:1 Malformed XML (still linted): Start tag expected."]);
  });

  it("on a LF: the line break too, one character", () => {
    expect(problems("\n<![CDATA[\u{10000}")).toEqual(["1:1-2:1 Malformed XML (still linted): Start tag expected."]);
  });
});
