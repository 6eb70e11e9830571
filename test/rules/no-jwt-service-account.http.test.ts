/**
 * no-jwt-service-account on `campaign-ims/http`: requests to `/ims/exchange/jwt` (request line,
 * `{{host}}` variables, file variables, headers, scripts, bodies) and `jwt_token` form bodies.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-jwt-service-account.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";

type TestError = RuleTesterType.TestCaseError;

const ruleTester = await languageRuleTester("http");

const error = (code: string, messageId: string, text: string, occurrence = 0): TestError => ({
  messageId,
  ...at(code, text, occurrence),
  suggestions: [],
});

// Adobe's JWT exchange, as a REST Client request.
const exchange = `### Exchange the signed JWT for an access token
POST https://ims-na1.adobelogin.com/ims/exchange/jwt
Content-Type: application/x-www-form-urlencoded

client_id={{clientId}}&client_secret={{clientSecret}}&jwt_token={{jwt}}
`;

// The host from a variable, JetBrains style, with an HTTP version.
const hostVariable = `POST {{imsHost}}/ims/exchange/jwt HTTP/1.1
Content-Type: application/x-www-form-urlencoded

client_id={{clientId}}&client_secret={{clientSecret}}&jwt_token={{jwt}}
`;

// The URL in a file variable; the form spread over lines (REST Client).
const fileVariable = `@imsJwtUrl = https://ims-na1.adobelogin.com/ims/exchange/v1/jwt

###
POST {{imsJwtUrl}}
Content-Type: application/x-www-form-urlencoded

client_id={{clientId}}
&client_secret={{clientSecret}}
&jwt_token={{jwt}}
`;

// The URL in http-client.env.json: only the form says it is the JWT exchange.
const envUrl = `POST {{tokenUrl}}
Content-Type: application/x-www-form-urlencoded

jwt_token={{jwt}}&client_id={{clientId}}&client_secret={{clientSecret}}
`;

// A query continued on the next line (REST Client): the path is on the first line.
const continuedUrl = `POST https://ims-na1.adobelogin.com/ims/exchange/jwt
    ?client_id={{clientId}}
    &client_secret={{clientSecret}}
`;

// JetBrains: the exchange in a pre-request script, the claims in a JSON body for a signing service.
const scriptAndClaims = `< {%
  request.variables.set("imsUrl", "https://ims-na1.adobelogin.com/ims/exchange/jwt");
%}
POST https://signer.example.com/sign
Content-Type: application/json

{"iss": "{{orgId}}", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk": true}
`;

// An XML body is visited as XML.
const xmlBody = `POST {{host}}/nl/jsp/soaprouter.jsp
Content-Type: text/xml

<config><tokenUrl>https://ims-na1.adobelogin.com/ims/exchange/jwt</tokenUrl></config>
`;

// A proxy that forwards to the exchange named in a header.
const headerValue = `POST https://proxy.example.com/token
X-Forward-To: https://ims-na1.adobelogin.com/ims/exchange/jwt
`;

const crlf = "POST https://ims-na1.adobelogin.com/ims/exchange/jwt\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nclient_id=x&jwt_token=y\r\n";

ruleTester.run("no-jwt-service-account (http)", rule, {
  valid: [
    // The OAuth Server-to-Server token request.
    `POST https://ims-na1.adobelogin.com/ims/token/v3
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&client_id={{clientId}}&client_secret={{clientSecret}}&scope={{scopes}}
`,
    // A Campaign v8 REST call with a bearer token and an API key (domain H), and the word "jwt" in a comment.
    `# The token used to come from /ims/exchange/jwt; it is OAuth Server-to-Server now.
GET https://mc.adobe.io/acme/campaign/profileAndServices/profile
Authorization: Bearer {{imsToken}}
X-Api-Key: {{clientId}}
`,
    // A jwt_token of some other service: no client_id beside it.
    `POST https://auth.example.com/session
Content-Type: application/x-www-form-urlencoded

jwt_token={{jwt}}&audience=api
`,
  ],
  invalid: [
    { code: exchange, output: null, errors: [error(exchange, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
    { code: hostVariable, output: null, errors: [error(hostVariable, "jwtExchangeEndpoint", "/ims/exchange/jwt")] },
    {
      code: fileVariable,
      output: null,
      errors: [
        error(fileVariable, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt"),
        error(fileVariable, "jwtTokenParam", "jwt_token"),
      ],
    },
    { code: envUrl, output: null, errors: [error(envUrl, "jwtTokenParam", "jwt_token")] },
    { code: continuedUrl, output: null, errors: [error(continuedUrl, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
    {
      code: scriptAndClaims,
      output: null,
      errors: [
        error(scriptAndClaims, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt"),
        error(scriptAndClaims, "campaignMetascope", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk"),
      ],
    },
    { code: xmlBody, output: null, errors: [error(xmlBody, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
    { code: headerValue, output: null, errors: [error(headerValue, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
    { code: crlf, output: null, errors: [error(crlf, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt")] },
  ],
});
