import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("shell");


const CURL = lines(
  `curl -s "$ACC_URL/nl/jsp/soaprouter.jsp" \\`,
  `  -H "SOAPAction: xtk:session#BearerTokenLogon" \\`,
  `  --data-raw "<urn:BearerTokenLogon xmlns:urn='urn:xtk:session'><urn:bearerToken>$TOKEN</urn:bearerToken></urn:BearerTokenLogon>"`,
);

const POWERSHELL = lines(
  `$session = Invoke-RestMethod -Uri $url -Method Post -Headers @{ SOAPAction = 'xtk:session#BearerTokenLogon' } -Body $body`,
);

const ENV = `ACC_LOGON_ACTION=xtk:session#BearerTokenLogon`;

ruleTester.run("prefer-ims-bearer-token (shell)", rule, {
  valid: [
    { code: fixture("legacy-repo/scripts/setup-ims.sh"), filename: "setup-ims.sh" },
    { code: `grep -rn 'xtk:session#BearerTokenLogon' .`, filename: "find.sh" },
    { code: `curl -H "Authorization: Bearer $IMS_TOKEN" -H 'SOAPAction: nms:rtEvent#PushEvent' "$URL" # no BearerTokenLogon`, filename: "push.sh" },
  ],
  invalid: [
    {
      code: CURL,
      filename: "bearer.sh",
      errors: [{ messageId: "bearerTokenLogonAction", line: 2, column: 19, endLine: 2, endColumn: 47, suggestions: [] }],
      output: null,
    },
    { code: POWERSHELL, filename: "bearer.ps1", errors: [error("bearerTokenLogonAction", POWERSHELL, "xtk:session#BearerTokenLogon")], output: null },
    { code: ENV, filename: ".env", errors: [error("bearerTokenLogonAction", ENV, "xtk:session#BearerTokenLogon")], output: null },
  ],
});
