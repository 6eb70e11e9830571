import { readFileSync } from "node:fs";
import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";

const ruleTester = await languageRuleTester("xml");

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

const ENVELOPE = lines(
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">`,
  `  <soapenv:Body>`,
  `    <urn:BearerTokenLogon>`,
  `      <urn:bearerToken>$IMS_TOKEN</urn:bearerToken>`,
  `    </urn:BearerTokenLogon>`,
  `  </soapenv:Body>`,
  `</soapenv:Envelope>`,
);

const WSO2 = `<sequence><header name="Action" value="xtk:session/BearerTokenLogon"/></sequence>`;

const WORKFLOW = lines(
  `<workflow><js><script>var body = '&lt;BearerTokenLogon xmlns=&quot;urn:xtk:session&quot;&gt;';`,
  `var s = xtk.session.BearerTokenLogon(token);</script></js></workflow>`,
);

ruleTester.run("prefer-ims-bearer-token (XML)", rule, {
  valid: [
    // The target needs no logon at all; Logon belongs to no-password-logon.
    fixture("migrated-repo/soap/push-event.xml"),
    fixture("legacy-repo/soap/logon.xml"),
    // Another namespace, a WSDL declaration, a comment.
    `<e xmlns:urn="urn:other"><urn:BearerTokenLogon/></e>`,
    lines(
      `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/">`,
      `  <binding name="b"><operation name="BearerTokenLogon"><soap:operation soapAction="xtk:session#BearerTokenLogon"/></operation></binding>`,
      `</definitions>`,
    ),
    `<e><!-- xtk:session#BearerTokenLogon is legacy --></e>`,
  ],
  invalid: [
    {
      code: ENVELOPE,
      errors: [{ messageId: "bearerTokenLogonEnvelope", line: 3, column: 6, endLine: 3, endColumn: 26, suggestions: [] }],
      output: null,
    },
    { code: WSO2, errors: [error("bearerTokenLogonAction", WSO2, "xtk:session/BearerTokenLogon")], output: null },
    {
      code: WORKFLOW,
      errors: [
        error("bearerTokenLogonEnvelope", WORKFLOW, "BearerTokenLogon xmlns", { length: 16 }),
        error("bearerTokenLogonMethod", WORKFLOW, "BearerTokenLogon(token", { length: 16 }),
      ],
      output: null,
    },
  ],
});
