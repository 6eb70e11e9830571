/**
 * Example values in documentation code blocks (domain §G, issue 13 item 6): a value that names the
 * credential, repeats the login, is a typed sample or is elided is a placeholder in a Markdown fence
 * or an HTML `<pre>`; the legacy construct itself is still reported by its own rule. Real-looking
 * secrets in the same blocks, and every value in code files and in a page's `<script>`, still are.
 * Also: a guessed fragment with a typo line (an unclosed quote) still has its call found.
 */
import { describe, expect, it } from "vitest";
import { isDocumentExampleSecret, isDocumentSample } from "../../../src/campaign/secrets.js";
import { lint } from "./lint.js";

const CALL = (login: string, password: string): string => `const p = sdk.ConnectionParameters.ofUserAndPassword(url, "${login}", "${password}");`;

describe("example values in document code blocks", () => {
  it("a Markdown fence: a password repeating the login, naming the credential, or a sample is not a secret", () => {
    const doc = ["```js", CALL("ops", "ops"), CALL("ops", "your_password"), CALL("ops", "qwerty123"), CALL("ops", "Xq7#vR2m!pL9"), "```", ""].join("\n");
    expect(lint(doc, "docs/connect.md")).toEqual([
      "no-password-logon/ofUserAndPassword 2:36-2:53",
      "no-password-logon/ofUserAndPassword 3:36-3:53",
      "no-password-logon/ofUserAndPassword 4:36-4:53",
      "no-password-logon/ofUserAndPassword 5:36-5:53",
      "no-hardcoded-campaign-secret/password 5:66-5:80",
    ]);
  });

  it("an HTML <pre>: a multi-line call whose token names itself, an elided token; a real-looking token is reported on its line", () => {
    const page = [
      "<pre>",
      "const p = sdk.ConnectionParameters.ofBearerToken(url,",
      '    "ims_access_token");',
      'const s = sdk.ConnectionParameters.ofSecurityToken(url, "@Qz9...");',
      "const t = sdk.ConnectionParameters.ofImsBearerToken(url,",
      '    "eyJ4NXUiOiJpbXNfbmExLWtleS0xLmNlciIsImFsZyI6IlJTMjU2In0.eyJpZCI6IjE3MDAwMDAwMDAifQ.c2lnbmF0dXJl");',
      "</pre>",
      "",
    ].join("\n");
    const found = lint(page, "docs/tokens.html");
    expect(found.filter((finding) => finding.startsWith("no-hardcoded-campaign-secret"))).toEqual(["no-hardcoded-campaign-secret/accessToken 6:5-6:102"]);
  });

  it("a page's <script> runs: an example-looking password there is still reported", () => {
    const page = ["<script>", CALL("ops", "ops"), "</script>", ""].join("\n");
    expect(lint(page, "app/index.html")).toEqual(["no-password-logon/ofUserAndPassword 2:36-2:53", "no-hardcoded-campaign-secret/password 2:66-2:71"]);
  });

  it("nlserver commands in a fence: a password named `password` or bracketed in a syntax summary is not a secret; a real one is", () => {
    const doc = [
      "```",
      "nlserver config -setdblogin:[dbms:]account[:database][/password]@server",
      "nlserver config -setdblogin:db:campaign:base/password@dbsrv -instance:demo",
      "nlserver config -setdblogin:db:campaign:base/T4k!9wQz@dbsrv -instance:demo",
      "```",
      "",
    ].join("\n");
    expect(lint(doc, "docs/commands.md").filter((finding) => finding.startsWith("no-hardcoded-campaign-secret"))).toEqual([
      "no-hardcoded-campaign-secret/password 4:46-4:54",
    ]);
  });

  it("a guessed <pre> fragment with a typo line still has its call found (the line is blanked, nothing moves)", () => {
    const page = [
      "<pre>",
      "const p = sdk.ConnectionParameters.ofUserAndPassword(url, login, pass,",
      "    { extraHttpHeaders: {",
      '        "X-Client": "1",',
      '        "X-Version: "2.0"',
      "    } });",
      "</pre>",
      "",
    ].join("\n");
    expect(lint(page, "docs/headers.html")).toEqual(["no-password-logon/ofUserAndPassword 2:36-2:53"]);
  });
});

describe("isDocumentExampleSecret / isDocumentSample", () => {
  it("grades values", () => {
    expect(["password", "ims_bearer_token", "SECRET", "your-token", "test123", "@UyAN...", "eyJhbGci\u2026", "[password]"].map((value) => isDocumentExampleSecret(value))).toEqual([
      true, true, true, true, true, true, true, true,
    ]);
    expect(isDocumentExampleSecret("admin", ["https://x", "admin"])).toBe(true);
    expect(isDocumentExampleSecret("mc/mc")).toBe(true);
    expect(["admin", "Xq7#vR2m!pL9", "mypassword9", "mc/Tr0ub4dor"].map((value) => isDocumentExampleSecret(value))).toEqual([false, false, false, false]);
  });

  it("tells document blocks from code", () => {
    expect(isDocumentSample({ filename: "/r/docs/a.md/0.js", physicalFilename: "/r/docs/a.md" })).toBe(true);
    expect(isDocumentSample({ filename: "/r/docs/a.html/2.sh", physicalFilename: "/r/docs/a.html" })).toBe(true);
    expect(isDocumentSample({ filename: "/r/docs/a.html/1.script.js", physicalFilename: "/r/docs/a.html" })).toBe(false);
    expect(isDocumentSample({ filename: "/r/docs/a.html/1_1.script.js", physicalFilename: "/r/docs/a.html" })).toBe(false);
    expect(isDocumentSample({ filename: "/r/wf.xml/1.js", physicalFilename: "/r/wf.xml" })).toBe(false);
    expect(isDocumentSample({ filename: "/r/a.md", physicalFilename: "/r/a.md" })).toBe(false);
  });
});
