/**
 * What the robustness properties feed the plugin and the scanner: the committed fixtures (every
 * file under fixtures/legacy-repo and fixtures/languages), a path for every language and shell
 * dialect, and the vocabulary random texts are built from (the shared keyword table, so the
 * keyword gates open, plus each language's syntax and the characters parsers trip on).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_KEYWORDS } from "../../../src/campaign/keywords.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));

export type LanguageGroup = "js" | "xml" | "http" | "shell" | "json" | "markdown";

/** Paths that select every language and every shell dialect of the plugin's configs. */
export const PATHS_BY_GROUP: Readonly<Record<LanguageGroup, readonly string[]>> = {
  js: ["src/client.ts", "src/client.js", "src/client.mjs", "src/client.cjs", "src/widget.tsx", "src/widget.jsx", "src/client.mts"],
  xml: ["soap/logon.xml", "config/serverConf.xml"],
  http: ["http/campaign.http", "http/campaign.rest"],
  shell: [
    "scripts/setup.sh",
    "Dockerfile",
    "Makefile",
    "build/campaign.mk",
    ".github/workflows/deploy.yml",
    ".gitlab-ci.yml",
    ".env",
    "config/campaign.properties",
    "scripts/setup.ps1",
    "scripts/setup.bat",
  ],
  json: ["package.json", "postman/campaign.postman_collection.json"],
  markdown: ["docs/runbook.md"],
};

export const ALL_PATHS: readonly string[] = Object.values(PATHS_BY_GROUP).flat();

/** The language group of a fixture, from its name. */
export function groupOf(path: string): LanguageGroup {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/\.[cm]?[jt]sx?$/u.test(name)) return "js";
  if (name.endsWith(".xml")) return "xml";
  if (/\.(http|rest)$/u.test(name)) return "http";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".md")) return "markdown";
  return "shell";
}

export interface FixtureFile {
  /** Relative to fixtures/, e.g. `legacy-repo/soap/logon.xml`. */
  path: string;
  group: LanguageGroup;
  bytes: Buffer;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export const FIXTURE_FILES: readonly FixtureFile[] = ["legacy-repo", "languages"].flatMap((directory) =>
  filesUnder(join(FIXTURES, directory)).map((file) => {
    const path = relative(FIXTURES, file).split("\\").join("/");
    return { path, group: groupOf(path), bytes: readFileSync(file) };
  }),
);

const COMMON_TOKENS = [
  ...ALL_KEYWORDS,
  "ofUserAndPassword(",
  "ofSessionToken(",
  "ofBearerToken(",
  "ConnectionParameters",
  "@adobe/acc-js-sdk",
  "sessiontoken",
  "__sessiontoken",
  "X-Security-Token",
  "X-Session-Token: ",
  "Authorization: Bearer ",
  "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp",
  "xtk:session#Logon",
  "ACC_PASSWORD=",
  "password",
  "s3cr3t-Pa55",
  "\n",
  "\r\n",
  "\r",
  "\t",
  " ",
  "\\",
  "\\\n",
  '"',
  "'",
  "`",
  "=",
  ":",
  ",",
  ";",
  "#",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  "$",
  "${",
  "$(",
  "%",
  "&",
  "<",
  ">",
  "/",
  "*",
  "\u0000",
  "\v",
  "\f",
  "\u00A0",
  "\uFEFF",
  "\u2028",
  "\uD800",
  "\uDFFF",
  "é",
  "𝄞",
  "<!-- eslint-disable -->",
  "// eslint-disable-next-line campaign-ims/no-password-logon",
  "# eslint-disable-line",
];

const GROUP_TOKENS: Readonly<Record<LanguageGroup, readonly string[]>> = {
  js: ["import sdk from", "require(", "const cnx = ", "sdk.init(", "await ", "=>", "function ", "async ", "async (", "run(async function () {", "<T>(", "/*", "*/", "//", "`${", "new ", "class ", "<div>", "</div>", "as any", "?.", "..."],
  xml: ["<?xml version=\"1.0\"?>", "<soapenv:Envelope>", "</soapenv:Envelope>", "<sessiontoken>", "</sessiontoken>", "<securityZone ", "allowUserPassword=\"true\"", "/>", "</", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#x41;", "&undefined;", "<!DOCTYPE x [<!ENTITY a \"", "\">]>", "<%= ", "%>", "{{", "}}"],
  http: ["POST ", "GET ", " HTTP/1.1", "Content-Type: text/xml", "SOAPAction: ", "###", "@token = ", "{{token}}", "< ./body.xml", "> {%", "%}", "<sessiontoken>", "</sessiontoken>"],
  shell: ["nlserver ", "config -setimsjwtauth:", "-setimsoauth:", "curl -H ", "-u admin:", "export ", "ENV ", "RUN ", "ARG ", "script:", "run: |", "- ", "  ", "<<EOF\n", "\nEOF\n", "set ", "$env:", "Invoke-RestMethod ", "@echo off", "^\n", "%ACC_PASSWORD%", "$(ACC_PASSWORD)", "ifeq", "endif", "\t@", "<#", "#>", "`n"],
  json: ["{", "}", "\"dependencies\"", "\"jwt-auth\"", "\"@adobe/aio-lib-ims\"", "\"item\"", "\"request\"", "\"header\"", "\"key\"", "\"value\"", "\"raw\"", "\"body\"", "\"url\"", "\"auth\"", "null", "true", "1e999", "-0", "\"\\u0000\""],
  markdown: ["```sh\n", "```js\n", "```xml\n", "```http\n", "```ps1\n", "```yaml\n", "```\n", "~~~ts\n", "    ", "> ", "- ", "1. ", "# ", "<!-- eslint-disable campaign-ims/no-session-token -->\n", "<!-- eslint-skip -->\n", "[x]: http://a", "|a|\n|-|\n"],
};

/** Tokens random texts for a language group are built from. */
export function tokensFor(group: LanguageGroup): readonly string[] {
  return [...COMMON_TOKENS, ...GROUP_TOKENS[group]];
}
