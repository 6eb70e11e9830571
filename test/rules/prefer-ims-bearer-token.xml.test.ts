import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("xml");


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
