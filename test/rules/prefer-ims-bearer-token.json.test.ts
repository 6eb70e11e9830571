import { readFileSync } from "node:fs";
import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";

const ruleTester = await languageRuleTester("json");

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

const json = (value: unknown): string => JSON.stringify(value, null, 2);

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
