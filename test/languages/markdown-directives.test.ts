/**
 * End to end: ESLint directives in the HTML comments before the fences of a Markdown runbook,
 * linted with the real plugin's `configs.markdown` (@eslint/markdown's processor, then the
 * plugin's shell, XML and HTTP languages and its real rules).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const JWT = "campaign-ims/no-jwt-service-account";
const SECRET = "campaign-ims/no-hardcoded-campaign-secret";
const LOGON = "campaign-ims/no-password-logon";

const fence = (info: string, ...lines: string[]): string[] => ["```" + info, ...lines, "```", ""];
const SH_JWT = "nlserver config -setimsjwtauth:a/b/c/d";
const SH_JWT_2 = "nlserver config -setimsjwtauth:e/f/g/h";
const XML_LOGON = '<urn:Logon xmlns:urn="urn:xtk:session"/>';
const HTTP_LOGON = ["POST https://x/nl/jsp/soaprouter.jsp", "SOAPAction: xtk:session#Logon"];

// Line numbers on the right: where the findings are in the Markdown file.
const RUNBOOK = [
  "# Runbook", // 1
  "",
  `<!-- eslint-disable-next-line ${JWT} -- rotated in step 2 -->`, // 3
  ...fence("sh", SH_JWT, SH_JWT_2), // 4-8: code on 5 and 6
  "<!-- eslint-disable -->", // 9
  `<!-- eslint-enable ${JWT} -->`,
  ...fence("bash", SH_JWT), // 11-14: code on 12
  `<!-- eslint-disable-line ${JWT} -->`, // 15
  ...fence("sh", SH_JWT), // 16-19: code on 17
  "<!--", // 20
  "  eslint-disable-next-line",
  `  ${JWT},`,
  `  ${SECRET}`,
  "-->",
  ...fence("sh", SH_JWT, SH_JWT_2), // 25-29: code on 26 and 27
  `<!-- eslint-disable-next-line ${LOGON} -- kept as a v7 example -->`, // 30
  ...fence("xml", XML_LOGON), // 31-34: code on 32
  "<!-- global foo -->", // 35
  `<!-- eslint-disable ${LOGON} -->`,
  ...fence("xml", '<?xml version="1.0"?>', XML_LOGON), // 37-41: code on 38 and 39
  `<!-- eslint-disable-next-line ${JWT} -->`, // 42
  ...fence("http", "POST https://ims-na1.adobelogin.com/ims/exchange/jwt"), // 43-46: code on 44
  `<!-- eslint-disable ${LOGON} -->`, // 47
  ...fence("http", ...HTTP_LOGON), // 48-52: code on 49 and 50
  `<!-- eslint ${LOGON}: "warn" -->`, // 53
  ...fence("http", ...HTTP_LOGON), // 54-58: code on 55 and 56
  "- Inside a list item:", // 59
  "",
  `  <!-- eslint-disable-next-line ${SECRET} -->`, // 61
  ...fence("sh", SH_JWT).map((line) => (line === "" ? line : `  ${line}`)), // 62-65: code on 63
  ...fence("xml", XML_LOGON), // 66-69: code on 67 (no directive)
  ...fence("http", ...HTTP_LOGON), // 70-74: code on 71 and 72 (no directive)
].join("\n");

function lint(text: string): [string | null, number, number, number][] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(text, plugin.configs.markdown, { filename: "docs/runbook.md", filterCodeBlock: () => true });
  return messages.map((message) => [message.ruleId, message.severity, message.line, message.column]);
}

describe("ESLint directives before the fences of a Markdown runbook (configs.markdown)", () => {
  it("the document holds what the test means: without the directives, every finding is reported", () => {
    // `note-disable…` is no ESLint comment: the processor copies nothing (the `global` line stays).
    const withoutDirectives = RUNBOOK.replace(/(<!--\s*)eslint/gu, "$1note");
    expect(lint(withoutDirectives)).toEqual([
      [JWT, 2, 5, 17],
      [SECRET, 2, 5, 38],
      [JWT, 2, 6, 17],
      [SECRET, 2, 6, 38],
      [JWT, 2, 12, 17],
      [SECRET, 2, 12, 38],
      [JWT, 2, 17, 17],
      [SECRET, 2, 17, 38],
      [JWT, 2, 26, 17],
      [SECRET, 2, 26, 38],
      [JWT, 2, 27, 17],
      [SECRET, 2, 27, 38],
      [LOGON, 2, 32, 2],
      [LOGON, 2, 39, 2],
      [JWT, 2, 44, 6],
      [LOGON, 2, 50, 13],
      [LOGON, 2, 56, 13],
      [JWT, 2, 63, 19],
      [SECRET, 2, 63, 40],
      [LOGON, 2, 67, 2],
      [LOGON, 2, 72, 13],
    ]);
  });

  it("each directive form works in sh, xml and http fences; the other findings keep their Markdown positions", () => {
    expect(lint(RUNBOOK)).toEqual([
      // disable-next-line with a justification: the fence's first line, that rule only.
      [SECRET, 2, 5, 38],
      [JWT, 2, 6, 17],
      [SECRET, 2, 6, 38],
      // eslint-disable, then eslint-enable for one rule.
      [JWT, 2, 12, 17],
      // eslint-disable-line covers its own (inserted) line only, as for JavaScript fences.
      [JWT, 2, 17, 17],
      [SECRET, 2, 17, 38],
      // A multi-line HTML comment: the next line is the one after the comment's end.
      [JWT, 2, 27, 17],
      [SECRET, 2, 27, 38],
      // xml: disable-next-line (32) and, after a `global` comment, eslint-disable with an XML
      // declaration (39, no parse problem); http: disable-next-line on the request line (44) and
      // eslint-disable (50). Inline configuration: the rule reports as a warning.
      [LOGON, 1, 56, 13],
      // A fence in a list item (indented): the column is the Markdown column.
      [JWT, 2, 63, 19],
      // Fences without directives.
      [LOGON, 2, 67, 2],
      [LOGON, 2, 72, 13],
    ]);
  });
});
