/**
 * no-jwt-service-account on `campaign-ims/xml`: the JWT private key of the `ims` element, legacy
 * Triggers (`pipelined`) attributes, endpoints and metascopes in attribute values and text.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-jwt-service-account.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture } from "../support/fixtures.js";

type TestError = RuleTesterType.TestCaseError;
type Suggestion = RuleTesterType.SuggestionOutput;

const ruleTester = await languageRuleTester("xml");

function error(code: string, messageId: string, text: string, occurrence = 0, suggestions: Suggestion[] = [], data?: Record<string, string>): TestError {
  return { messageId, ...at(code, text, occurrence), suggestions, ...(data === undefined ? {} : { data }) };
}

const pipelined = (code: string, attribute: string, text: string, suggestions: Suggestion[] = []): TestError =>
  error(code, "legacyPipelinedAuth", text, 0, suggestions, { attribute });
const removeAttribute = (attribute: string, output: string): Suggestion => ({
  messageId: "removePipelinedAttribute",
  data: { attribute },
  output,
});

// The lead's legacy fixture: a JWT key still in `ims`, and legacy attributes beside authType="imsJwtToken".
const legacyConfig = fixture("legacy-repo/config/config-prod.xml");
const legacyKey =
  'authIMSTAPrivateKey="LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktnd2dnU2tBZ0VBQW9JQkFRQzdWSlRVdDlVczhjS2oK"';

// Before authType: the legacy Adobe I/O JWT integration, every attribute on its own line.
const legacyTriggers = `<serverconf>
  <pipelined
    appName="acme-triggers"
    authGatewayEndpoint="https://mc-ims-gateway.example.com/token"
    authPrivateKey="@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
    discoveryUrl="https://mc.adobe.io/acme/triggers"/>
</serverconf>
`;

const endpoints = `<config>
  <ims tokenUrl="https://ims-na1.adobelogin.com/ims/exchange/jwt" scopes="ent_campaign_sdk"/>
  <endpoint>/ims/exchange/v1/jwt/</endpoint>
  <script><![CDATA[var url = "https://ims-na1.adobelogin.com/ims/exchange/jwt";]]></script>
</config>
`;

// Workflow JavaScript escaped in XML: positions go through the entity references.
const escaped = `<workflow>
  <activity name="js1">
    <script>var r = http.post(&quot;https://ims-na1.adobelogin.com/ims/exchange&#x2F;jwt&quot;, {meta: &apos;ent_campaign_sdk&apos;});</script>
  </activity>
</workflow>
`;

const multiLineKey = `<serverconf><shared>
  <ims authIMSTAClientId="abc"
       authIMSTAPrivateKey="LS0tLS1C&#10;UklWQVRF"/>
</shared></serverconf>
`;

ruleTester.run("no-jwt-service-account (xml)", rule, {
  valid: [
    // The migrated fixture: an empty key, authType="imsJwtToken" (the current OAuth setting).
    { filename: "config-prod.xml", code: fixture("migrated-repo/config/config-prod.xml") },
    { filename: "config-prod.xml", code: '<serverconf><pipelined authType="imsJwtToken" discoveryUrl="https://mc.adobe.io/acme/triggers"/></serverconf>' },
    // Empty or blank legacy attributes hold nothing.
    { filename: "config-prod.xml", code: '<serverconf><ims authIMSTAPrivateKey="  "/><pipelined appName="" authPrivateKey=""/></serverconf>' },
    // The same attribute names on other elements are something else.
    { filename: "app.xml", code: '<app><web appName="storefront"/><keys authPrivateKey="x"/><imsConfig authIMSTAPrivateKey="x"/></app>' },
    // Prose in a comment; the OAuth token endpoint; near misses.
    { filename: "notes.xml", code: "<notes><!-- formerly posted to /ims/exchange/jwt with ent_campaign_sdk --></notes>" },
    {
      filename: "oauth.xml",
      code: '<ims tokenUrl="https://ims-na1.adobelogin.com/ims/token/v3" authIMSTAPrivateKey="" scope="ent_campaign_sdk_v2">/ims/exchange/jwtx</ims>',
    },
  ],
  invalid: [
    {
      filename: "config-prod.xml",
      code: legacyConfig,
      output: null,
      errors: [
        error(legacyConfig, "imsJwtPrivateKey", legacyKey),
        pipelined(legacyConfig, "appName", 'appName="acme-triggers"', [
          removeAttribute("appName", legacyConfig.replace(' appName="acme-triggers"', "")),
        ]),
        pipelined(legacyConfig, "authPrivateKey", 'authPrivateKey="@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"', [
          removeAttribute("authPrivateKey", legacyConfig.replace(' authPrivateKey="@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"', "")),
        ]),
      ],
    },
    {
      // No authType yet: removing the attributes would break Triggers, so no suggestion.
      filename: "config-prod.xml",
      code: legacyTriggers,
      output: null,
      errors: [
        pipelined(legacyTriggers, "appName", 'appName="acme-triggers"'),
        pipelined(legacyTriggers, "authGatewayEndpoint", 'authGatewayEndpoint="https://mc-ims-gateway.example.com/token"'),
        pipelined(legacyTriggers, "authPrivateKey", 'authPrivateKey="@aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"'),
      ],
    },
    {
      // The attribute spans two lines; the whole attribute is reported.
      filename: "config-stage.xml",
      code: multiLineKey,
      output: null,
      errors: [error(multiLineKey, "imsJwtPrivateKey", 'authIMSTAPrivateKey="LS0tLS1C&#10;UklWQVRF"')],
    },
    {
      filename: "ims.xml",
      code: endpoints,
      output: null,
      errors: [
        error(endpoints, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt"),
        error(endpoints, "campaignMetascope", "ent_campaign_sdk"),
        error(endpoints, "jwtExchangeEndpoint", "/ims/exchange/v1/jwt/"),
        error(endpoints, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt", 1),
      ],
    },
    {
      filename: "workflow.xml",
      code: escaped,
      output: null,
      errors: [
        error(escaped, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange&#x2F;jwt"),
        error(escaped, "campaignMetascope", "ent_campaign_sdk"),
      ],
    },
  ],
});
