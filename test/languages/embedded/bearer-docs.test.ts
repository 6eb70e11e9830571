/**
 * Documentation that already recommends `ofImsBearerToken` (issue 13): its `ofBearerToken`
 * sample shows the IMS path of builds that predate direct bearer tokens, so prefer-ims-bearer-token
 * does not report it. A page that does not name `ofImsBearerToken`, a page's `<script>` (code that
 * runs) and code files are still reported.
 */
import { describe, expect, it } from "vitest";
import { hostDocumentText } from "../../../src/languages/embedded/host-documents.js";
import { lint } from "./lint.js";

const BEARER_CALL = 'const cnx = sdk.ConnectionParameters.ofBearerToken("https://acme.campaign.adobe.com", "ims_token");';
const bearer = (found: string[]): string[] => found.filter((finding) => finding.startsWith("prefer-ims-bearer-token"));

describe("ofBearerToken in documents that recommend ofImsBearerToken", () => {
  it("a Markdown page naming ofImsBearerToken: its ofBearerToken fence is documentation", () => {
    const doc = ["# Connect", "", "Use `ofImsBearerToken` on v8.5; older builds take the IMS token through ofBearerToken:", "", "```js", BEARER_CALL, "```", ""].join("\n");
    expect(bearer(lint(doc, "docs/connect.md"))).toEqual([]);
  });

  it("an HTML page naming ofImsBearerToken in prose: its <pre> sample is documentation", () => {
    const page = ["<p>It is recommended to use <b>ofImsBearerToken</b> whenever possible.</p>", "<pre class=\"code\">", BEARER_CALL, "</pre>", ""].join("\n");
    expect(bearer(lint(page, "docs/connecting.html"))).toEqual([]);
  });

  it("a page that does not name ofImsBearerToken: the sample is reported", () => {
    const doc = ["The bearer variant traded the IMS token for a session:", "", "```js", BEARER_CALL, "```", ""].join("\n");
    expect(bearer(lint(doc, "docs/legacy.md"))).toEqual(["prefer-ims-bearer-token/ofBearerToken 4:38-4:51"]);
  });

  it("a page's <script> runs: reported even on a page that names ofImsBearerToken", () => {
    const page = ["<p>Prefer ofImsBearerToken.</p>", "<script>", BEARER_CALL, "</script>", ""].join("\n");
    expect(bearer(lint(page, "app/index.html"))).toEqual(["prefer-ims-bearer-token/ofBearerToken 3:38-3:51"]);
  });

  it("a code file that names ofImsBearerToken in a comment is code: reported", () => {
    const code = ["// TODO: move to ofImsBearerToken", 'import sdk from "@adobe/acc-js-sdk";', BEARER_CALL, ""].join("\n");
    expect(bearer(lint(code, "src/connect.js"))).toEqual(["prefer-ims-bearer-token/ofBearerToken 3:38-3:51"]);
  });

  it("the host text is known only while the processor's blocks are linted", () => {
    expect(hostDocumentText({ filename: "/repo/docs/a.md/0.js", physicalFilename: "/repo/docs/a.md" })).toBeUndefined();
    expect(hostDocumentText({ filename: "/repo/src/a.js", physicalFilename: "/repo/src/a.js" })).toBeUndefined();
  });
});
