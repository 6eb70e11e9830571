import type { RuleTester as RuleTesterType } from "eslint";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-session-token.js";
import plugin from "../../src/index.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { cpuTime } from "../support/cpu-time.js";
import { textAt as at } from "../support/positions.js";
import { fixture } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("json");

type TestError = RuleTesterType.TestCaseError;
type Suggestion = RuleTesterType.SuggestionOutput;


const error = (messageId: string, code: string, needle: string, { nth = 0, suggestions = [] as Suggestion[] } = {}): TestError => ({
  messageId,
  ...at(code, needle, nth),
  suggestions,
});

/** `code` with the `nth` occurrence of `search` replaced. */
function replace(code: string, search: string, replacement: string, nth = 0): string {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = code.indexOf(search, offset + 1);
  if (offset === -1) throw new Error(`${JSON.stringify(search)} #${nth} is not in the code`);
  return code.slice(0, offset) + replacement + code.slice(offset + search.length);
}

const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const ROUTER = "{{host}}/nl/jsp/soaprouter.jsp";
const collection = (body: Record<string, unknown>): string => `${JSON.stringify({ info: { name: "Campaign", schema: SCHEMA }, ...body }, null, 2)}\n`;

const BEARER_ENTRY = `{ "key": "Authorization", "value": "Bearer {{imsToken}}" }`;

// The legacy demo collection: the security-token header and the session token in the raw body.
const LEGACY = fixture("legacy-repo/postman/campaign.postman_collection.json");
const LEGACY_LAST_HEADER = `{ "key": "X-Security-Token", "value": "{{securityToken}}" }`;

// Escapes before and inside the element shift the offsets: `\n`, `\"` and `\u003c` are one character
// of the value each; the fix cuts exactly the value's source characters.
const ESCAPED_BODY = collection({
  item: [
    {
      name: "Push",
      request: {
        method: "POST",
        header: [],
        body: { mode: "raw", raw: `<e xmlns:u="urn:nms:rtEvent">\n\t<u:sessiontoken>mc/Camp41gn!</u:sessiontoken>\n</e>` },
        url: ROUTER,
      },
    },
  ],
}).replace("<u:sessiontoken>", "\\u003cu:sessiontoken>");

// Authorization from the collection's auth (inherited by the folder's request): the fix only
// empties; the token header's suggestion removes its entry.
const INHERITED_AUTH = collection({
  auth: { type: "bearer", bearer: [{ key: "token", value: "{{imsToken}}", type: "string" }] },
  item: [
    {
      name: "Folder",
      item: [
        {
          name: "Push",
          request: {
            method: "POST",
            header: [
              { key: "X-Session-Token", value: "{{session}}" },
              { key: "SOAPAction", value: "nms:rtEvent#PushEvent" },
            ],
            body: { mode: "raw", raw: "<sessiontoken>{{session}}</sessiontoken>" },
            url: ROUTER,
          },
        },
      ],
    },
  ],
});

// Cookies, URLs, query and form entries, variables and scripts: message only.
const OTHER_TRANSPORTS = collection({
  variable: [{ key: "cookie", value: "__sessiontoken={{session}}" }],
  item: [
    {
      name: "Get",
      event: [{ listen: "prerequest", script: { exec: ['pm.request.headers.add("Cookie: __sessiontoken=" + pm.variables.get("t"));'] } }],
      request: {
        method: "POST",
        auth: { type: "bearer" },
        header: [
          { key: "Cookie", value: "__sessiontoken={{session}}" },
          { key: "X-Security-Token", value: "{{security}}", disabled: true },
        ],
        body: { mode: "urlencoded", urlencoded: [{ key: "__sessiontoken", value: "{{session}}" }] },
        url: { raw: `${ROUTER}?__sessiontoken={{session}}`, host: ["{{host}}"] },
      },
    },
    {
      name: "Query",
      request: { method: "GET", url: { host: ["{{host}}"], path: ["nl", "jsp", "soaprouter.jsp"], query: [{ key: "__sessiontoken", value: "x" }] } },
    },
  ],
});

const APIKEY_AUTH = collection({
  item: [
    { name: "Push", request: { auth: { type: "apikey", apikey: [{ key: "key", value: "X-Security-Token" }, { key: "value", value: "{{securityToken}}" }, { key: "in", value: "header" }] }, url: ROUTER } },
    { name: "Folder", auth: { type: "apikey", apikey: { key: "X-Session-Token", value: "{{sessionToken}}" } }, item: [{ name: "Get", request: { url: ROUTER } }] },
  ],
});

ruleTester.run("no-session-token (Postman)", rule, {
  valid: [
    // An apikey auth of another header, or sending the token header in the query string.
    {
      filename: "apikey.postman_collection.json",
      code: collection({
        item: [
          { name: "Key", request: { auth: { type: "apikey", apikey: [{ key: "key", value: "X-Api-Key" }, { key: "value", value: "{{apiKey}}" }] }, url: ROUTER } },
          { name: "Query", request: { auth: { type: "apikey", apikey: [{ key: "key", value: "X-Security-Token" }, { key: "in", value: "query" }] }, url: ROUTER } },
        ],
      }),
    },
    // A collection with the after-state: empty element, Authorization header.
    {
      filename: "campaign.postman_collection.json",
      code: collection({
        item: [
          {
            name: "Push",
            request: {
              method: "POST",
              header: [{ key: "Authorization", value: "Bearer {{imsToken}}" }],
              body: { mode: "raw", raw: `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken></urn:sessiontoken></urn:PushEvent>` },
              url: ROUTER,
            },
          },
        ],
      }),
    },
    // Names and descriptions are prose; a disabled header is not sent.
    {
      filename: "campaign.postman_collection.json",
      code: collection({
        item: [
          {
            name: "Was: X-Security-Token and __sessiontoken=…",
            request: { description: "Sent <sessiontoken>mc/mc</sessiontoken> before", header: [{ key: "X-Security-Token", value: "x", disabled: true }], url: ROUTER },
          },
        ],
      }),
    },
    // Not a Postman collection.
    { filename: "package.json", code: `{ "name": "x", "description": "__sessiontoken=abc <sessiontoken>mc/mc</sessiontoken>" }\n` },
  ],
  invalid: [
    {
      filename: "campaign.postman_collection.json",
      code: LEGACY,
      output: replace(
        replace(LEGACY, "<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
        LEGACY_LAST_HEADER,
        `${LEGACY_LAST_HEADER},\n          ${BEARER_ENTRY}`,
      ),
      errors: [
        error("securityTokenHeader", LEGACY, "X-Security-Token", {
          suggestions: [
            {
              messageId: "replaceWithBearerHeader",
              data: { token: "{{imsToken}}" },
              output: replace(LEGACY, LEGACY_LAST_HEADER, `{ "key": "Authorization", "value": "Bearer {{imsToken}}" }`),
            },
          ],
        }),
        error("sessionTokenElement", LEGACY, "{{sessionToken}}"),
      ],
    },
    {
      filename: "push.postman_collection.json",
      code: ESCAPED_BODY,
      options: [{ bearerTokenVariable: "accessToken" }],
      output: replace(ESCAPED_BODY, "mc/Camp41gn!", "").replace(`"header": []`, `"header": [{ "key": "Authorization", "value": "Bearer {{accessToken}}" }]`),
      errors: [error("sessionTokenElement", ESCAPED_BODY, "mc/Camp41gn!")],
    },
    {
      filename: "push.postman_collection.json",
      code: INHERITED_AUTH,
      output: replace(INHERITED_AUTH, "<sessiontoken>{{session}}</sessiontoken>", "<sessiontoken></sessiontoken>"),
      errors: [
        error("sessionTokenHeader", INHERITED_AUTH, "X-Session-Token", {
          suggestions: [
            {
              messageId: "removeTokenHeader",
              output: INHERITED_AUTH.replace(/\{\s*"key": "X-Session-Token",\s*"value": "\{\{session\}\}"\s*\},\s*/u, ""),
            },
          ],
        }),
        error("sessionTokenElement", INHERITED_AUTH, "{{session}}", { nth: 1 }),
      ],
    },
    // A Postman apikey auth that sends X-Security-Token / X-Session-Token (v2.1 array, v2.0 object;
    // on a request and on a folder).
    {
      filename: "apikey.postman_collection.json",
      code: APIKEY_AUTH,
      output: null,
      errors: [error("securityTokenHeader", APIKEY_AUTH, "X-Security-Token"), error("sessionTokenHeader", APIKEY_AUTH, "X-Session-Token")],
    },
    {
      filename: "get.postman_collection.json",
      code: OTHER_TRANSPORTS,
      output: null,
      errors: [
        error("sessionTokenCookie", OTHER_TRANSPORTS, "__sessiontoken"),
        error("sessionTokenCookie", OTHER_TRANSPORTS, "__sessiontoken", { nth: 1 }),
        error("sessionTokenCookie", OTHER_TRANSPORTS, "__sessiontoken", { nth: 2 }),
        error("sessionTokenParameter", OTHER_TRANSPORTS, "__sessiontoken", { nth: 3 }),
        error("sessionTokenUrl", OTHER_TRANSPORTS, "__sessiontoken", { nth: 4 }),
        error("sessionTokenUrl", OTHER_TRANSPORTS, "__sessiontoken", { nth: 5 }),
      ],
    },
  ],
});

describe("no-session-token fixes keep Postman collections valid JSON", () => {
  it.each([
    ["legacy demo", LEGACY],
    ["escaped body", ESCAPED_BODY],
    ["inherited auth", INHERITED_AUTH],
  ])("%s", (_name, code) => {
    const linter = new Linter({ configType: "flat" });
    const config = [{ files: ["**/*.json"], plugins: { "campaign-ims": plugin }, language: "campaign-ims/json", rules: { "campaign-ims/no-session-token": "error" as const } }];
    const { fixed, output, messages } = linter.verifyAndFix(code, config, { filename: "c.postman_collection.json" });
    expect(fixed).toBe(true);
    const parsed = JSON.parse(output) as { item: unknown[] };
    expect(JSON.stringify(parsed)).not.toMatch(/<(?:[\w.-]+:)?sessiontoken>[^<]/u);
    // What stays is what a person decides: token headers.
    expect(messages.every((message) => message.messageId === "securityTokenHeader" || message.messageId === "sessionTokenHeader")).toBe(true);
  });
});

describe("many findings on one line", () => {
  it("stays linear: a minified collection with 10,000 requests sending the session cookie and a session token", () => {
    const request = { header: [{ key: "Cookie", value: "__sessiontoken=mc/pw" }], body: { mode: "raw", raw: "<sessiontoken>mc/pw</sessiontoken>" }, url: ROUTER };
    const code = JSON.stringify({ info: { schema: SCHEMA }, item: Array.from({ length: 10_000 }, () => ({ request })) });
    const linter = new Linter({ configType: "flat" });
    const config = [
      { files: ["**/*.json"], plugins: { "campaign-ims": plugin }, language: "campaign-ims/json", rules: { "campaign-ims/no-session-token": "error" as const, "campaign-ims/no-hardcoded-campaign-secret": "error" as const } },
    ];
    const { result: messages, cpuMs } = cpuTime(() => linter.verify(code, config, { filename: "log.postman_collection.json" }));
    // Position lookups that rescan the line per finding take minutes here; linear ones seconds.
    expect(cpuMs).toBeLessThan(30_000);
    expect(messages).toHaveLength(40_000);
    const last = code.lastIndexOf("mc/pw");
    expect(messages.at(-1)).toMatchObject({ line: 1, column: last + 1, endColumn: last + 6 });
  }, 60_000);
});
