import { readFileSync } from "node:fs";
import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";

const ruleTester = await languageRuleTester("http");

const lines = (...text: string[]): string => text.join("\n");
const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

/** Line and column (1-based) of `[offset, offset + length)` in `code`, counted independently of the rule. */
function span(code: string, offset: number, length: number) {
  const position = (index: number) => {
    const before = code.slice(0, index).split(/\r\n|\r|\n/u);
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = position(offset);
  const end = position(offset + length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Where the `nth` occurrence of `needle` is: the exact span a finding must cover (its first
 * `length` characters when given: `"Logon("` locates the call, the finding is `Logon`).
 */
function at(code: string, needle: string, { nth = 0, length = needle.length }: { nth?: number; length?: number } = {}) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = code.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" #${nth} is not in the code`);
  }
  return span(code, offset, length);
}

/** A finding without fix or suggestions (the only kind these languages give). */
const error = (messageId: string, code: string, needle: string, where: { nth?: number; length?: number } = {}) => ({
  messageId,
  ...at(code, needle, where),
  suggestions: [],
});

const JETBRAINS = fixture("languages/http/jetbrains.http");

const QUERY = lines(`POST {{host}}/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23BearerTokenLogon`, `Content-Type: text/xml`);

const BODY_ONLY = lines(
  `POST {{host}}/nl/jsp/soaprouter.jsp`,
  `Content-Type: text/xml`,
  ``,
  `<BearerTokenLogon xmlns="urn:xtk:session"><bearerToken>{{imsToken}}</bearerToken></BearerTokenLogon>`,
);

ruleTester.run("prefer-ims-bearer-token (HTTP)", rule, {
  valid: [
    fixture("migrated-repo/http/campaign.http"),
    // Logon belongs to no-password-logon.
    fixture("legacy-repo/http/campaign.http"),
    lines(`# SOAPAction: xtk:session#BearerTokenLogon`, `GET {{host}}/r/test`),
  ],
  invalid: [
    // Header and envelope in one request: one finding, on the SOAPAction header.
    {
      code: JETBRAINS,
      errors: [{ messageId: "bearerTokenLogonAction", line: 18, column: 13, endLine: 18, endColumn: 41, suggestions: [] }],
      output: null,
    },
    { code: QUERY, errors: [error("bearerTokenLogonAction", QUERY, "xtk%3Asession%23BearerTokenLogon")], output: null },
    { code: BODY_ONLY, errors: [error("bearerTokenLogonEnvelope", BODY_ONLY, "BearerTokenLogon")], output: null },
  ],
});
