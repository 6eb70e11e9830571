/**
 * fast-check arbitraries of random texts for a language group: token soup of its vocabulary
 * (arbitrary characters and lone surrogates included), and text with the structure its rules
 * need before they run (parseable JS and JSON shapes, recombined fixture lines, Markdown fences in
 * containers).
 */
import fc from "fast-check";
import { FIXTURE_FILES, PATHS_BY_GROUP, tokensFor, type LanguageGroup } from "./corpus.js";

/** A text of tokens of the group's vocabulary mixed with arbitrary characters (lone surrogates included). */
export function tokenSoupFor(group: LanguageGroup, maxTokens = 120): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokensFor(group)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  );
  return fc.array(piece, { maxLength: maxTokens }).map((pieces) => pieces.join(""));
}

/** Every line of the group's fixtures: real statements, headers and elements to recombine. */
const fixtureLines = (group: LanguageGroup): string[] => [
  ...new Set(FIXTURE_FILES.filter((file) => file.group === group).flatMap((file) => file.bytes.toString("utf8").split(/\r?\n/u))),
];

/** Lines of the group's fixtures in random order, with token soup between them and mixed line breaks. */
export function lineSoupFor(group: LanguageGroup, maxLines = 40): fc.Arbitrary<string> {
  const lines = fixtureLines(group);
  const line = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...lines) }, { weight: 1, arbitrary: tokenSoupFor(group, 8) });
  return fc.tuple(fc.array(line, { maxLength: maxLines }), fc.constantFrom("\n", "\r\n", "\r")).map(([chosen, lineBreak]) => chosen.join(lineBreak));
}

/** A JavaScript string literal of token soup (JSON's escaping is valid JavaScript). */
const jsString = tokenSoupFor("js", 6).map((text) => JSON.stringify(text));

/** Statements the JS rules look for, with random strings in every hole: always parseable, so the rules run. */
const JS_STATEMENTS: ReadonlyArray<(s: () => string) => string> = [
  () => 'import sdk from "@adobe/acc-js-sdk";',
  () => 'const sdk = require("@adobe/acc-js-sdk");',
  () => 'import auth from "@adobe/jwt-auth";',
  (s) => `const cnx = sdk.ConnectionParameters.ofUserAndPassword(${s()}, ${s()}, ${s()});`,
  (s) => `const params = sdk.ConnectionParameters.ofSessionToken(${s()}, ${s()});`,
  (s) => `const bearer = sdk.ConnectionParameters.ofBearerToken(${s()}, ${s()}, { timeout: 5000 });`,
  (s) => `const { ConnectionParameters: CP } = sdk; CP.ofSecurityToken(${s()}, ${s()}, ${s()});`,
  (s) => `await fetch(${s()}, { method: "POST", headers: { "X-Security-Token": ${s()}, "Cookie": ${s()} } });`,
  (s) => `const body = \`<urn:Logon><urn:sessiontoken>\${${s()}}</urn:sessiontoken><urn:strLogin>\${${s()}}</urn:strLogin></urn:Logon>\`;`,
  (s) => `const token = await auth({ clientId: ${s()}, technicalAccountId: ${s()}, orgId: ${s()}, clientSecret: ${s()}, privateKey: ${s()}, metaScopes: [${s()}] });`,
  (s) => `process.env.ACC_PASSWORD ??= ${s()};`,
  (s) => `export function logon(login = ${s()}, password = ${s()}) { return cnx.logon(login, password); }`,
  (s) => `// eslint-disable-next-line campaign-ims/no-password-logon ${s()}`,
];

/** JavaScript built from the statements the rules look for, random strings in every hole. */
export function jsCodeFor(maxStatements = 12): fc.Arbitrary<string> {
  const statement = fc.tuple(fc.constantFrom(...JS_STATEMENTS), fc.array(jsString, { minLength: 6, maxLength: 6 })).map(([template, strings]) => {
    let next = 0;
    return template(() => strings[next++ % strings.length]!);
  });
  return fc.tuple(fc.array(statement, { maxLength: maxStatements }), fc.constantFrom("\n", "\r\n", "\n\n  ")).map(([statements, separator]) => statements.join(separator));
}

/** Text with the structure a language needs before its rules run: parseable JS and JSON, recombined fixture lines otherwise. */
export function structuredTextFor(group: LanguageGroup): fc.Arbitrary<string> {
  if (group === "js") return jsCodeFor();
  if (group === "json") return jsonTextFor();
  if (group === "markdown") return markdownTextFor();
  return lineSoupFor(group);
}

/** A random text for a language group: token soup, or text with the language's structure. */
export const textFor = (group: LanguageGroup, maxTokens = 120): fc.Arbitrary<string> =>
  fc.oneof({ weight: 1, arbitrary: tokenSoupFor(group, maxTokens) }, { weight: 2, arbitrary: structuredTextFor(group) });

/** Keys the JSON rules look for (package.json dependencies, Postman items, requests, headers, bodies). */
const JSON_KEYS = ["dependencies", "devDependencies", "@adobe/jwt-auth", "@adobe/aio-lib-ims", "info", "schema", "item", "name", "request", "method", "header", "key", "value", "body", "mode", "raw", "url", "auth", "bearer", "event", "script", "exec", "variable", "disabled"];

/** A JSON document whose keys and strings come from the JSON rules' vocabulary, serialised with random layout. */
function randomJsonFor(): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...tokensFor("json"), ...JSON_KEYS),
      tokenSoupFor("json", 12),
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...JSON_KEYS), fc.string({ maxLength: 6 })), tie("value"), { maxKeys: 6 }),
    ),
  }));
  return value;
}

/** A string of the JSON rules' vocabulary, or token soup. */
const jsonString = fc.oneof(fc.constantFrom(...tokensFor("json"), ...tokensFor("http")), tokenSoupFor("http", 10));

/** package.json files with dependencies the JWT rule knows, among others. */
const packageJson = fc.record({
  name: jsonString,
  dependencies: fc.dictionary(fc.oneof(fc.constantFrom("@adobe/jwt-auth", "@adobe/aio-lib-ims", "jsonwebtoken", "@adobe/acc-js-sdk"), jsonString), jsonString, { maxKeys: 4 }),
});

/** Postman collections: folders and requests with headers, raw bodies and URLs of random strings. */
const postmanCollection = fc
  .letrec<{ item: unknown }>((tie) => ({
    item: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record({
        name: jsonString,
        request: fc.record({
          method: fc.constantFrom("POST", "GET"),
          header: fc.array(fc.record({ key: fc.oneof(fc.constantFrom("SOAPAction", "X-Session-Token", "X-Security-Token", "Cookie", "Authorization"), jsonString), value: jsonString }), { maxLength: 3 }),
          body: fc.record({ mode: fc.constant("raw"), raw: fc.oneof(jsonString, lineSoupFor("xml", 6)) }),
          url: jsonString,
        }),
      }),
      fc.record({ name: jsonString, item: fc.array(tie("item"), { maxLength: 3 }) }),
    ),
  }))
  .item.chain((item) =>
    fc.constant({ info: { name: "Campaign", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, item: [item] }),
  );

/** A JSON document: the shapes the JSON rules read, or anything, serialised with random layout. */
export function jsonTextFor(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof(packageJson, postmanCollection, randomJsonFor()), fc.constantFrom(0, 2, "\t", " \r\n "))
    .map(([document, indent]) => JSON.stringify(document, null, indent as string | number) ?? "null");
}

/** Markdown fence info strings of every language the runbook config lints, and some it does not. */
const FENCES: ReadonlyArray<[info: string, group: LanguageGroup]> = [
  ["js", "js"],
  ["ts", "js"],
  ["javascript", "js"],
  ["xml", "xml"],
  ["soap", "xml"],
  ["http", "http"],
  ["sh", "shell"],
  ["bash", "shell"],
  ["console", "shell"],
  ["dockerfile", "shell"],
  ["env", "shell"],
  ["ps1", "shell"],
  ["bat", "shell"],
  ["yaml", "shell"],
  ["json", "json"],
  ["text", "markdown"],
];

/** Where a fenced block sits: the prefix of its first line and of the lines after it (top level, list items, quotes, a tab). */
const CONTAINERS: ReadonlyArray<[first: string, rest: string]> = [
  ["", ""],
  ["- ", "  "],
  ["1. ", "   "],
  ["   ", "   "],
  ["> ", "> "],
  ["> - ", ">   "],
  ["  \t", "  \t"],
];

/** Markdown runbooks: prose and fenced code blocks of every linted language, at top level or inside a container. */
export function markdownTextFor(): fc.Arbitrary<string> {
  const body = (group: LanguageGroup): fc.Arbitrary<string> =>
    group === "markdown" ? tokenSoupFor(group, 40) : fc.oneof({ weight: 3, arbitrary: structuredTextFor(group) }, { weight: 1, arbitrary: tokenSoupFor(group, 40) });
  const fence = fc
    .constantFrom(...FENCES)
    .chain(([info, group]) => fc.tuple(fc.constantFrom("```", "~~~", "````"), fc.constant(info), body(group), fc.constantFrom(...CONTAINERS)))
    .map(([marks, info, code, [first, rest]]) => [`${first}${marks}${info}`, ...code.split("\n").map((line) => `${rest}${line}`), `${rest}${marks}`].join("\n"));
  const block = fc.oneof({ weight: 3, arbitrary: fence }, { weight: 1, arbitrary: tokenSoupFor("markdown", 20) });
  return fc.array(block, { maxLength: 6 }).map((blocks) => blocks.join("\n\n"));
}

/** A path of the group, so every dialect of the group gets every text. */
export const pathIn = (group: LanguageGroup): fc.Arbitrary<string> => fc.constantFrom(...PATHS_BY_GROUP[group]);
