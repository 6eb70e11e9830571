/**
 * Fixes that must never break an integration (issue 11 item 9), run the way `campaign-ims scan
 * --fix --fix-suggestions no-session-token` runs them: real ESLint `Linter` with the scanner's
 * configuration (recommended, Markdown code blocks), every fix and first suggestion applied, pass after pass, until
 * nothing is left (the scanner's `fixPasses`). Whatever the request sends (X-Security-Token header,
 * session cookie, token in the body), it ends with exactly one `Authorization: Bearer`, none where
 * one existed, and a second run changes nothing. Another vendor's `<lx:sessiontoken>` is never touched.
 */
import { join } from "node:path";
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { fixPasses } from "../../src/scanner/fix/fix-passes.js";
import { buildLintConfig, type ScannablePlugin } from "../../src/scanner/lint-config.js";

const linter = new Linter({ configType: "flat" });
// The configuration the scanner lints with: the recommended profile, Markdown code blocks included.
const { configs: config } = buildLintConfig(plugin as ScannablePlugin, { profile: "recommended", rules: [], markdown: true, reportUnusedDisableDirectives: false });

/** `text` after every fix and every first suggestion of no-session-token, pass after pass. */
function fixAll(filename: string, text: string): { text: string; remaining: string[] } {
  // As the scanner lints: an absolute name, and every code block (ESLint's default lints only `.js` blocks).
  const verify = (source: string): Linter.LintMessage[] =>
    linter.verify(source, config, { filename: join(process.cwd(), filename), filterCodeBlock: () => true });
  const choose = (message: Linter.LintMessage): Rule.Fix | undefined =>
    message.fix ?? (message.ruleId === "campaign-ims/no-session-token" ? message.suggestions?.[0]?.fix : undefined);
  const result = fixPasses({ text, verify, choose });
  return { text: result.text, remaining: result.messages.map((message) => `${message.ruleId}:${message.line}`) };
}

const count = (text: string, needle: RegExp): number => [...text.matchAll(needle)].length;
const AUTHORIZATION = /^\s*"?Authorization"?\s*[:,]/gim;

const ENVELOPE = [
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:queryDef">',
  "<soapenv:Body><urn:ExecuteQuery><urn:sessiontoken>{{sessionToken}}</urn:sessiontoken><urn:entity/></urn:ExecuteQuery></soapenv:Body>",
  "</soapenv:Envelope>",
];
const HTTP_LEGACY = [
  "POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp",
  "Content-Type: text/xml",
  "SOAPAction: xtk:queryDef#ExecuteQuery",
  "X-Security-Token: {{securityToken}}",
  "Cookie: __sessiontoken={{sessionToken}}",
  "",
  ...ENVELOPE,
  "",
].join("\n");
const HTTP_MIGRATED = [
  "POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp",
  "Content-Type: text/xml",
  "SOAPAction: xtk:queryDef#ExecuteQuery",
  "Authorization: Bearer {{imsToken}}",
  "",
  ...ENVELOPE,
  "",
]
  .join("\n")
  .replace("<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>");

describe("no-session-token adds Authorization once", () => {
  it(".http: header, cookie and body token of one request end as one Authorization header", () => {
    const fixed = fixAll("requests/query.http", HTTP_LEGACY);
    expect(fixed.text).toBe(HTTP_MIGRATED);
    expect(fixed.remaining).toEqual([]);
    expect(fixAll("requests/query.http", fixed.text).text).toBe(fixed.text);
  });

  it(".http: a request that already sends Authorization gets no second one", () => {
    const legacy = HTTP_LEGACY.replace("Content-Type: text/xml\n", "Content-Type: text/xml\nAuthorization: Bearer {{imsToken}}\n");
    const fixed = fixAll("requests/query.http", legacy);
    expect(count(fixed.text, AUTHORIZATION)).toBe(1);
    expect(fixed.text).toBe(
      legacy
        .replace("X-Security-Token: {{securityToken}}\nCookie: __sessiontoken={{sessionToken}}\n", "")
        .replace("<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
    );
  });

  it("Markdown runbook: the same request in an http fence", () => {
    const runbook = ["# Query recipients", "", "```http", HTTP_LEGACY.trimEnd(), "```", ""].join("\n");
    const fixed = fixAll("docs/runbook.md", runbook);
    expect(fixed.text).toBe(["# Query recipients", "", "```http", HTTP_MIGRATED.trimEnd(), "```", ""].join("\n"));
    expect(fixAll("docs/runbook.md", fixed.text).text).toBe(fixed.text);
  });

  it("Postman: header and body token of one request end as one Authorization entry", () => {
    const collection = {
      info: { name: "Campaign", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        {
          name: "Query",
          request: {
            method: "POST",
            header: [
              { key: "SOAPAction", value: "xtk:queryDef#ExecuteQuery" },
              { key: "X-Security-Token", value: "{{securityToken}}" },
            ],
            body: { mode: "raw", raw: ENVELOPE.join("") },
            url: "{{host}}/nl/jsp/soaprouter.jsp",
          },
        },
      ],
    };
    const fixed = fixAll("campaign.postman_collection.json", JSON.stringify(collection, null, 2));
    const parsed = JSON.parse(fixed.text) as typeof collection;
    const request = parsed.item[0]!.request;
    expect(request.header.filter((entry) => entry.key.toLowerCase() === "authorization")).toEqual([{ key: "Authorization", value: "Bearer {{imsToken}}" }]);
    expect(request.header.map((entry) => entry.key)).toEqual(["SOAPAction", "Authorization"]);
    expect(request.body.raw).toContain("<urn:sessiontoken></urn:sessiontoken>");
    expect(fixAll("campaign.postman_collection.json", fixed.text).text).toBe(fixed.text);
  });

  it("JS: a headers object of the same file gets one Authorization for the header and the body token", () => {
    const code = [
      'const ROUTER = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";',
      "export async function query(sessionToken, securityToken) {",
      "  return fetch(ROUTER, {",
      '    method: "POST",',
      '    headers: { SOAPAction: "xtk:queryDef#ExecuteQuery", "X-Security-Token": securityToken },',
      "    body: `<urn:ExecuteQuery><urn:sessiontoken>${sessionToken}</urn:sessiontoken></urn:ExecuteQuery>`,",
      "  });",
      "}",
      "",
    ].join("\n");
    const fixed = fixAll("src/query.mjs", code);
    expect(fixed.text).toBe(
      code
        .replace('"X-Security-Token": securityToken', "Authorization: `Bearer ${await getImsAccessToken()}`")
        .replace("<urn:sessiontoken>${sessionToken}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
    );
    expect(fixAll("src/query.mjs", fixed.text).text).toBe(fixed.text);
  });

  it("plain --fix never empties another vendor's <lx:sessiontoken>", () => {
    const xml = [
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:lx="http://api.lexvendor.example/v2">',
      "  <soapenv:Body><lx:Search><lx:sessiontoken>LX-4711</lx:sessiontoken></lx:Search></soapenv:Body>",
      "</soapenv:Envelope>",
      "",
    ].join("\n");
    const messages = linter.verify(xml, config, { filename: join(process.cwd(), "soap/vendor.xml") });
    expect(messages).toEqual([]);
    expect(fixAll("soap/vendor.xml", xml).text).toBe(xml);
    // The same element bound to a Campaign namespace is found and emptied.
    const campaign = xml.replace("http://api.lexvendor.example/v2", "urn:nms:rtEvent");
    expect(fixAll("soap/campaign.xml", campaign).text).toBe(campaign.replace("LX-4711", ""));
  });
});
