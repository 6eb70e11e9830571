import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("json");


const json = (value: unknown): string => JSON.stringify(value, null, 2);

const INFO = { name: "Campaign", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" };

const COLLECTION = json({
  info: INFO,
  item: [
    {
      name: "Folder",
      item: [
        {
          name: "Bearer logon",
          request: {
            method: "POST",
            body: { mode: "raw", raw: '<urn:BearerTokenLogon xmlns:urn="urn:xtk:session">\n  <urn:bearerToken>{{imsToken}}</urn:bearerToken>\n</urn:BearerTokenLogon>' },
            header: [{ key: "SOAPAction", value: "xtk:session#BearerTokenLogon" }],
            url: "{{host}}/nl/jsp/soaprouter.jsp",
          },
        },
      ],
    },
  ],
});

// A package.json script that logs on with curl.
const PACKAGE = json({ scripts: { session: "curl -s -H 'SOAPAction: xtk:session#BearerTokenLogon' -d @bearer.xml $ACC_URL" } });

ruleTester.run("prefer-ims-bearer-token (JSON)", rule, {
  valid: [
    { code: fixture("legacy-repo/postman/campaign.postman_collection.json"), filename: "campaign.postman_collection.json" },
    { code: fixture("legacy-repo/package.json"), filename: "package.json" },
  ],
  invalid: [
    {
      code: PACKAGE,
      filename: "package.json",
      errors: [error("bearerTokenLogonAction", PACKAGE, "xtk:session#BearerTokenLogon")],
      output: null,
    },
    // The body comes first in this JSON: one request, one finding, on the envelope.
    {
      code: COLLECTION,
      filename: "campaign.postman_collection.json",
      errors: [error("bearerTokenLogonEnvelope", COLLECTION, "urn:BearerTokenLogon")],
      output: null,
    },
  ],
});
