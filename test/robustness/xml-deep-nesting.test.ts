/**
 * Found by the hostile-file cases: linting deeply nested XML costs elements × depth in ESLint's
 * traversal (400,000 levels: 78 s; a 5 MB file holds 700,000). Documents, and XML bodies of
 * .http requests, nested deeper than 2048 elements (libxml2's limit with XML_PARSE_HUGE) are a
 * parse error instead; anything shallower is linted as before.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { MAX_XML_NESTING } from "../../src/languages/xml/nesting.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const lint = (path: string, text: string): string[] =>
  linter
    .verify(text, plugin.configs.strict, { filename: `/repo/${path}` })
    .map((message) => `${message.fatal ? "fatal " : ""}${message.ruleId} ${message.line}:${message.column} ${message.ruleId === null ? message.message : ""}`.trim());

/** `<sessiontoken>` inside `depth - 1` elements: itself at `depth`. */
const nested = (depth: number): string => `${"<a>".repeat(depth - 1)}<sessiontoken>x</sessiontoken>${"</a>".repeat(depth - 1)}`;
const SOAP_REQUEST = "POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp\nContent-Type: text/xml\n\n";

describe("XML nesting depth", () => {
  it(`at ${MAX_XML_NESTING} levels: linted, the finding at the bottom reported`, () => {
    expect(lint("soap/push.xml", nested(MAX_XML_NESTING))).toEqual([`campaign-ims/no-session-token 1:${3 * (MAX_XML_NESTING - 1) + 15}`]);
    expect(lint("http/push.http", SOAP_REQUEST + nested(MAX_XML_NESTING))).toEqual([`campaign-ims/no-session-token 4:${3 * (MAX_XML_NESTING - 1) + 15}`]);
  });

  it("one level deeper, or 700,000 levels: a parse error at the element past the limit", () => {
    const error = (line: number) => `fatal null ${line}:${3 * MAX_XML_NESTING + 1} Parsing error: XML nested more than ${MAX_XML_NESTING} elements deep: not linted (linting time grows with the depth).`;
    expect(lint("soap/push.xml", nested(MAX_XML_NESTING + 1))).toEqual([error(1)]);
    expect(lint("soap/push.xml", nested(700_000))).toEqual([error(1)]);
    expect(lint("http/push.http", SOAP_REQUEST + nested(MAX_XML_NESTING + 1))).toEqual([error(4)]);
  });
});
