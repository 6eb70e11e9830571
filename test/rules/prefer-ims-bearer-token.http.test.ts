import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("http");


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
