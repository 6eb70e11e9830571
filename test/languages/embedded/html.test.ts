/**
 * HTML pages and Vue/Svelte components as hosts (src/languages/embedded/html.ts): `<pre>`, block
 * `<code>` and `<script>` in pages, top-level `<script>` in components; entities decoded, tags
 * inside `<pre>` dropped, positions exact in the host file (CRLF included).
 */
import { describe, expect, it } from "vitest";
import { htmlBlocks } from "../../../src/languages/embedded/html.js";
import { lint, spans, suggestionOutputs } from "./lint.js";

const SDK_CALL = 'const params = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", process.env.ACC_PASSWORD);';

describe("HTML pages", () => {
  it("a <pre> block with entities, and a <script> element: findings where the code is", () => {
    const page = [
      "<html><body>",
      "<p>Connect with <code>ofUserAndPassword</code> (prose: not a finding).</p>",
      '<pre class="code">',
      "const sdk = require(&quot;@adobe/acc-js-sdk&quot;);",
      SDK_CALL,
      "</pre>",
      "<script>",
      '  fetch(endpoint, { method: "POST", headers: { SOAPAction: "nms:rtEvent#PushEvent", "X-Security-Token": token } });',
      "</script>",
      "</body></html>",
      "",
    ].join("\n");
    expect(lint(page, "docs/connecting.html")).toEqual([
      "no-password-logon/ofUserAndPassword 5:41-5:58",
      "no-session-token/securityTokenHeader 8:85-8:103",
    ]);
    expect(spans(page, "docs/connecting.html")).toEqual(["ofUserAndPassword", '"X-Security-Token"']);
  });

  it("CRLF line breaks, highlighting spans and a language class: XML in a <pre><code>", () => {
    const page = [
      "<h1>Push event</h1>",
      '<pre><code class="language-xml">&lt;urn:PushEvent&gt;',
      '  <span class="hl">&lt;urn:sessiontoken&gt;</span>mc/Secret99&lt;/urn:sessiontoken&gt;',
      "&lt;/urn:PushEvent&gt;</code></pre>",
      "",
    ].join("\r\n");
    expect(lint(page, "docs/push.htm")).toEqual([
      "no-session-token/sessionTokenElement 3:51-3:62",
      "no-hardcoded-campaign-secret/loginPassword 3:51-3:62",
    ]);
    expect(spans(page, "docs/push.htm")).toEqual(["mc/Secret99", "mc/Secret99"]);
  });

  it("a <pre> classified by content: an nlserver command; its suggestion is written back HTML-escaped or not at all", () => {
    const page = ["<pre>", 'allowUserPassword="true"', "</pre>", "<pre>", "nlserver config -setimsjwtauth:Org/Client/Tech/Secret/Key &amp;&amp; echo ok", "</pre>", ""].join("\n");
    expect(lint(page, "ops.html")).toEqual([
      "no-insecure-security-zone/userPassword 2:1-2:25",
      "no-jwt-service-account/setImsJwtAuth 5:17-5:31",
      "no-hardcoded-campaign-secret/privateKey 5:55-5:58",
    ]);
    expect(spans(page, "ops.html")).toEqual(['allowUserPassword="true"', "-setimsjwtauth", "Key"]);
    expect(suggestionOutputs(page, "ops.html")[0]).toBe(page.replace('"true"', '"false"'));
  });

  it("prose, inline code, JSON scripts and pages without code: nothing, and a <pre> that does not parse is no error", () => {
    const page = [
      "<p>Never call <code>ofUserAndPassword</code> or set allowUserPassword=\"true\".</p>",
      '<script type="application/json">{"sessiontoken": "mc/Secret99"}</script>',
      "<pre>",
      "const x = ;",
      "client.logon(",
      "</pre>",
      "",
    ].join("\n");
    expect(lint(page, "index.html")).toEqual([]);
  });

  it("deeply nested markup: blocks found without recursion", () => {
    const page = `${"<div>".repeat(100_000)}<pre>nlserver config -setimsjwtauth:a/b/c/d/e</pre>${"</div>".repeat(100_000)}`;
    expect(htmlBlocks(page).map((block) => [block.language, block.text.value])).toEqual([["sh", "nlserver config -setimsjwtauth:a/b/c/d/e"]]);
  });

  it("a suggestion inside a <script> maps back exactly", () => {
    const page = ['<script type="module">', 'import sdk from "@adobe/acc-js-sdk";', SDK_CALL, "</script>", ""].join("\n");
    const outputs = suggestionOutputs(page, "app.html");
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.startsWith('<script type="module">\nimport sdk from "@adobe/acc-js-sdk";\nconst params = sdk.ConnectionParameters.ofImsBearerToken(')).toBe(true);
    expect(outputs[0]!.endsWith("</script>\n")).toBe(true);
  });
});

describe("Vue and Svelte components", () => {
  it("a Vue component's <script setup lang=\"ts\">, after its template", () => {
    const component = [
      "<template>",
      "  <button @click=\"connect\">Connect</button>",
      "</template>",
      '<script setup lang="ts">',
      'import sdk from "@adobe/acc-js-sdk";',
      "const password: string = import.meta.env.VITE_PASSWORD;",
      'const params = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", password);',
      "</script>",
      "",
    ].join("\n");
    expect(lint(component, "src/Connect.vue")).toEqual(["no-password-logon/ofUserAndPassword 7:41-7:58"]);
  });

  it("a Svelte component's module and instance scripts, CRLF", () => {
    const component = [
      '<script context="module">',
      '  export const push = (token) => fetch(url, { headers: { SOAPAction: "nms:rtEvent#PushEvent", "X-Security-Token": token } });',
      "</script>",
      "<script>",
      '  import sdk from "@adobe/acc-js-sdk";',
      "  const p = sdk.ConnectionParameters.ofSessionToken(url, token);",
      "</script>",
      "<p>{headers}</p>",
      "",
    ].join("\r\n");
    expect(spans(component, "src/Panel.svelte")).toEqual(['"X-Security-Token"', "ofSessionToken"]);
    expect(lint(component, "src/Panel.svelte")).toEqual([
      "no-session-token/securityTokenHeader 2:95-2:113",
      "no-session-token/ofSessionToken 6:38-6:52",
    ]);
  });

  it("a component without a script, or with only markup mentioning logon: nothing", () => {
    expect(lint("<template><p>logon</p></template>\n", "src/Empty.vue")).toEqual([]);
    expect(lint("<h1>ofUserAndPassword</h1>\n", "src/Title.svelte")).toEqual([]);
  });
});

describe("a <pre> that shows an HTML page", () => {
  it("is read as HTML: its <script> JavaScript is linted, positions through the entities of both layers", () => {
    const page = [
      "<p>A page that logs on from the browser:</p>",
      "<pre>",
      "&lt;script src=\"lib/acc-sdk.js\">&lt;/script>",
      "&lt;script>",
      "  const ready = window.accSDK &amp;&amp; true;",
      "  const p = document.accSDK.ConnectionParameters.ofSecurityToken(url, token);",
      "&lt;/script>",
      "</pre>",
      "",
    ].join("\n");
    expect(lint(page, "docs/browser.html")).toEqual(["no-session-token/ofSecurityToken 6:50-6:65"]);
  });

  it("a page with no legacy code in its <script> yields nothing (no parse noise from the page's markup)", () => {
    const page = ["<pre>", "&lt;html>&lt;body>", "&lt;script>console.log(document.title &lt; 3);&lt;/script>", "&lt;/body>&lt;/html>", "</pre>", ""].join("\n");
    expect(lint(page, "docs/plain.html")).toEqual([]);
  });
});
