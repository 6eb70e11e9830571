/**
 * Found by the mutated-fixture property: a character that JavaScript's `\s` calls whitespace but
 * XML does not (vertical tab, form feed, no-break space) inside a start tag made the XML
 * tokenizer loop forever, hanging the scan on that file. Run under the watchdog, so a
 * regression fails in seconds instead of hanging the test run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Watchdog } from "./support/watchdog.js";

let watchdog: Watchdog;
beforeAll(async () => {
  watchdog = await Watchdog.start();
}, 120_000);
afterAll(async () => watchdog?.close());

/** `line:column rule` of each message, the parse problem's message in full. */
const summary = async (path: string, text: string): Promise<string[]> =>
  (await watchdog.lint(path, text)).messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`);

describe("XML start tags with non-XML whitespace", () => {
  it("a vertical tab before an attribute: a parse problem, and the attribute after it is still checked", async () => {
    expect(await summary("config/serverConf.xml", '<serverconf><securityZone\vname="x" allowUserPassword="true"/></serverconf>')).toEqual([
      "1:35 Malformed XML (still linted): Tag … is an invalid name.",
      "1:36 campaign-ims/no-insecure-security-zone",
    ]);
  });

  it("a no-break space, a form feed: the file is parsed and linted", async () => {
    expect(await summary("config/serverConf.xml", '<serverconf><securityZone\u00a0allowUserPassword="true" name="a"/></serverconf>')).toEqual([
      "1:51 Malformed XML (still linted): Tag … is an invalid name.",
    ]);
    expect(await summary("soap/logon.xml", "<a\f><sessiontoken>x</sessiontoken></a>")).toEqual([
      '1:3 Malformed XML (still linted): Attribute has no value.',
      "1:19 campaign-ims/no-session-token",
    ]);
  });

  it("the same in the XML body of an .http request", async () => {
    const answer = await watchdog.lint("http/campaign.http", "POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp\n\n<a\u00a0x><sessiontoken>x</sessiontoken></a>\n");
    expect(answer.messages.map((message) => message.ruleId)).toContain("campaign-ims/no-session-token");
  });
});
