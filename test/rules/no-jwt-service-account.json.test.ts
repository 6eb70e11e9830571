/**
 * no-jwt-service-account on JSON (`campaign-ims/json`, @eslint/json's language): package.json
 * dependencies on the JWT libraries, JWT configuration, and Postman collections that call the
 * JWT exchange.
 */
import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-jwt-service-account.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture } from "../support/fixtures.js";

type TestError = RuleTesterType.TestCaseError;

const ruleTester = await languageRuleTester("json");

function error(code: string, messageId: string, text: string, occurrence = 0, data?: Record<string, string>): TestError {
  return { messageId, ...at(code, text, occurrence), suggestions: [], ...(data === undefined ? {} : { data }) };
}

const JWT_AUTH = { package: "@adobe/jwt-auth", replacement: "use generateAccessToken from @adobe/aio-lib-core-auth instead" };
const IMS_JWT = {
  package: "@adobe/aio-lib-ims-jwt",
  replacement: "remove it and give @adobe/aio-lib-ims an OAuth context (client_secrets, technical_account_email, scopes)",
};

const legacyPackage = fixture("legacy-repo/package.json");

// Every dependency field, an npm alias, JWT configuration and a script that calls the exchange.
const allFields = `{
  "name": "campaign-jobs",
  "description": "Formerly minted tokens with /ims/exchange/jwt and ent_campaign_sdk.",
  "keywords": ["jwt-auth", "ent_campaign_sdk"],
  "scripts": {
    "token": "curl -X POST https://ims-na1.adobelogin.com/ims/exchange/jwt -d @form.txt"
  },
  "config": {
    "ims": { "clientId": "x", "metaScopes": ["ent_campaign_sdk"] }
  },
  "dependencies": { "jwt": "npm:@adobe/jwt-auth@^2.0.0" },
  "devDependencies": { "@adobe/aio-lib-ims-jwt": "^4.0.0" },
  "optionalDependencies": { "@adobe/jwt-auth": "^2.0.0" },
  "peerDependencies": { "@adobe/aio-lib-ims-jwt": "*" }
}
`;

// A Postman collection: requests in a folder, URL as a string and as an object, form bodies,
// a pre-request script, descriptions (prose).
const collection = `{
  "info": {
    "name": "IMS via /ims/exchange/jwt",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
  },
  "item": [
    {
      "name": "Auth",
      "description": "Calls /ims/exchange/jwt with the Campaign metascope ent_campaign_sdk.",
      "item": [
        {
          "name": "JWT exchange",
          "request": {
            "method": "POST",
            "url": "{{imsHost}}/ims/exchange/jwt",
            "body": { "mode": "urlencoded", "urlencoded": [
              { "key": "client_id", "value": "{{clientId}}" },
              { "key": "jwt_token", "value": "{{jwt}}" }
            ] }
          }
        },
        {
          "name": "JWT exchange (token URL from the environment)",
          "request": {
            "method": "POST",
            "url": { "raw": "{{tokenUrl}}", "host": ["{{tokenUrl}}"] },
            "body": { "mode": "urlencoded", "urlencoded": [
              { "key": "client_id", "value": "{{clientId}}" },
              { "key": "client_secret", "value": "{{clientSecret}}" },
              { "key": "jwt_token", "value": "{{jwt}}" }
            ] }
          }
        },
        {
          "name": "Raw form",
          "request": {
            "method": "POST",
            "url": { "raw": "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt?x=1", "path": ["ims", "exchange", "v1", "jwt"] },
            "body": { "mode": "raw", "raw": "client_id={{clientId}}&jwt_token={{jwt}}" }
          }
        }
      ]
    },
    {
      "name": "Raw form to a variable URL",
      "event": [{ "listen": "prerequest", "script": { "exec": ["pm.environment.set(\\"claims\\", \\"{\\\\\\"https://ims-na1.adobelogin.com/s/ent_campaign_sdk\\\\\\": true}\\");"] } }],
      "request": {
        "method": "POST",
        "url": "{{tokenUrl}}",
        "body": { "mode": "raw", "raw": "client_id={{clientId}}&client_secret={{clientSecret}}&jwt_token={{jwt}}" }
      }
    }
  ]
}
`;

ruleTester.run("no-jwt-service-account (json)", rule, {
  valid: [
    { filename: "package.json", code: fixture("migrated-repo/package.json") },
    // The package itself, prose fields, near-miss names, removed and replaced packages.
    {
      filename: "package.json",
      code: `{
  "name": "@adobe/jwt-auth",
  "description": "Retrieve an access token from /ims/exchange/jwt (legacy).",
  "keywords": ["jwt-auth", "ent_campaign_sdk"],
  "dependencies": { "@adobe/jwt-auth-extra": "1.0.0", "@adobe/aio-lib-ims": "^7.0.0", "@adobe/aio-lib-core-auth": "^1.0.0" },
  "overrides": { "jwt-auth-like": "1.0.0" }
}
`,
    },
    // Dependencies outside a package.json are not package dependencies.
    { filename: "deps.postman_collection.json", code: '{ "dependencies": { "@adobe/jwt-auth": "^2.0.0" } }' },
    // The OAuth Server-to-Server request of a migrated collection.
    {
      filename: "ims.postman_collection.json",
      code: `{
  "info": { "name": "IMS", "description": "Replaces the JWT exchange (/ims/exchange/jwt)." },
  "item": [
    { "name": "Token", "request": {
      "method": "POST",
      "url": "https://ims-na1.adobelogin.com/ims/token/v3",
      "body": { "mode": "urlencoded", "urlencoded": [
        { "key": "grant_type", "value": "client_credentials" },
        { "key": "client_id", "value": "{{clientId}}" },
        { "key": "client_secret", "value": "{{clientSecret}}" },
        { "key": "scope", "value": "{{scopes}}" }
      ] }
    } }
  ]
}
`,
    },
    // An aio-lib-ims OAuth context.
    {
      filename: "package.json",
      code: '{ "config": { "ims": { "client_id": "x", "client_secrets": ["y"], "technical_account_email": "t@techacct.adobe.com", "scopes": ["openid"], "meta": "aio-lib-ims" } } }',
    },
  ],
  invalid: [
    { filename: "package.json", code: legacyPackage, output: null, errors: [error(legacyPackage, "jwtPackageDependency", '"@adobe/jwt-auth"', 0, JWT_AUTH)] },
    {
      filename: "functions/package.json",
      code: allFields,
      output: null,
      errors: [
        error(allFields, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/jwt"),
        error(allFields, "jwtAuthConfig", '"metaScopes"'),
        error(allFields, "campaignMetascope", "ent_campaign_sdk", 2),
        error(allFields, "jwtPackageDependency", "@adobe/jwt-auth", 0, JWT_AUTH),
        error(allFields, "jwtPackageDependency", '"@adobe/aio-lib-ims-jwt"', 0, IMS_JWT),
        error(allFields, "jwtPackageDependency", '"@adobe/jwt-auth"', 0, JWT_AUTH),
        error(allFields, "jwtPackageDependency", '"@adobe/aio-lib-ims-jwt"', 1, IMS_JWT),
      ],
    },
    {
      filename: "campaign.postman_collection.json",
      code: collection,
      output: null,
      errors: [
        error(collection, "jwtExchangeEndpoint", "/ims/exchange/jwt", 2),
        // The URL is a variable: the form says it is the JWT exchange.
        error(collection, "jwtTokenParam", "jwt_token", 1),
        error(collection, "jwtExchangeEndpoint", "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt"),
        // A claim key inside an escaped JSON string inside a script line: positions skip the escapes.
        error(collection, "campaignMetascope", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk"),
        error(collection, "jwtTokenParam", "jwt_token", 3),
      ],
    },
  ],
});
