/**
 * Found by the mutated-fixture property: TypeScript's parser takes time exponential in the
 * nesting of `async function` expressions (a callback inside a callback…): 20 levels in 2 KB
 * took 6 s, 30 would take hours. The plugin's parser weighs a text first
 * (src/languages/async-function-nesting.ts) and refuses one that would take more than about a
 * second beyond its size, with a parse error that says why; ordinary nesting is parsed as before.
 * The refused texts are linted under the watchdog (on the built package), so a regression fails
 * within seconds instead of parsing for hours.
 */
import { Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { maxParseWeight, parseWeight } from "../../src/languages/async-function-nesting.js";
import { FIXTURE_FILES } from "./support/corpus.js";
import { bytesOf } from "./support/mutations.js";
import { Watchdog } from "./support/watchdog.js";

let watchdog: Watchdog;
beforeAll(async () => {
  watchdog = await Watchdog.start();
}, 120_000);
afterAll(async () => watchdog?.close());

const lintUnderWatchdog = async (text: string): Promise<string[]> =>
  (await watchdog.lint("src/client.ts", text)).messages.map((message) => `${message.ruleId ?? "fatal"} ${message.line}:${message.column}${message.ruleId === null ? ` ${message.message}` : ""}`);

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const lint = (text: string): string[] =>
  linter
    .verify(text, plugin.configs.strict, { filename: "/repo/src/client.ts" })
    .map((message) => `${message.ruleId ?? "fatal"} ${message.line}:${message.column}${message.ruleId === null ? ` ${message.message}` : ""}`);

/** A logon inside `depth` nested async callbacks. */
const nested = (depth: number): string =>
  'const sdk = require("@adobe/acc-js-sdk");\n' +
  "run(async function () {\n".repeat(depth) +
  'sdk.ConnectionParameters.ofUserAndPassword(url, "admin", pw);\n' +
  "});\n".repeat(depth);

describe("nested async function expressions", () => {
  it("8 levels: parsed and linted as usual", () => {
    expect(lint(nested(8))).toEqual(["campaign-ims/no-password-logon 10:26"]);
  });

  it("30 levels: a parse error that says why, at once", async () => {
    expect(await lintUnderWatchdog(nested(30))).toEqual([
      "fatal 1:1 Parsing error: not parsed: async function expressions nested too deeply (TypeScript's parser takes time exponential in their depth; move inner callbacks to named functions)",
    ]);
  });

  it("the text found by the property: 20 unclosed levels in 2 KB", async () => {
    // legacy-repo/src/campaign-client.ts cut inside "export", then a slice of it repeated.
    const level = "xport async function connect() {\n  const connectionParameters = sdk.ConnectionParameters.ofUserAndPassword(";
    expect(await lintUnderWatchdog(`import sdk from "@adobe/acc-js-sdk";\ne${level.repeat(20)}x`)).toEqual([expect.stringMatching(/^fatal 1:1 Parsing error: not parsed: async function expressions nested too deeply/u)]);
  });

  it("found by the scanner property: declarations cut open inside a call's arguments, 19 times", async () => {
    // legacy-repo/src/legacy/session.js with "…ofBearerToken(" cut and the following 205 bytes repeated.
    const text = bytesOf({
      fixture: "legacy-repo/src/legacy/session.js",
      path: "src/client.ts",
      mutations: [
        { op: "delete", at: 0, length: 25 },
        { op: "duplicate", at: 323487, length: 205, times: 18 },
        { op: "duplicate", at: 0, length: 1, times: 1 },
      ],
    }).toString("utf8");
    expect(await lintUnderWatchdog(text)).toEqual([expect.stringMatching(/^fatal 1:1 Parsing error: not parsed: async function expressions nested too deeply/u)]);
  });

  it("the parentheses after async, 30 levels deep (`async (async (…`): refused", async () => {
    expect(await lintUnderWatchdog(`const sdk = require("@adobe/acc-js-sdk");\nrun(${"async (".repeat(30)}x`)).toEqual([
      expect.stringMatching(/^fatal 1:1 Parsing error: not parsed: async function expressions nested too deeply/u),
    ]);
  });

  it("weighs what TypeScript re-parses only: not declarations, methods, strings, comments, templates or regular expressions; of an arrow, its parameters", () => {
    for (const text of [
      "async function f() { async function g() { await h(); } }",
      "export async function f() {} export default async function g() {}",
      "class A { async m() { return { async n() {} }; } }",
      'const s = "run(async function () {"; // run(async function () {',
      "/* run(async function () { */ const t = `run(async function () { ${a} }`; const r = /async function () {/;",
    ]) {
      expect({ text, weight: parseWeight(text) }).toEqual({ text, weight: text.length });
    }
    // "{ x; " is inside the callback: each of its 5 characters counts twice.
    expect(parseWeight("run(async function () { x; });")).toBe(30 + 5);
    // Inside a call's arguments, even after a "}", `async function` is an expression.
    const cutOpen = "run(function () {} async function () { x; }";
    expect(parseWeight(cutOpen)).toBe(cutOpen.length + 5);
    // An async arrow: only its parameter list ("(x" before the closing parenthesis) counts twice.
    const arrow = "items.map(async (x) => { y; });";
    expect(parseWeight(arrow)).toBe(arrow.length + 2);
  });

  it("every JS and TS fixture weighs less than twice its length, far under the limit", () => {
    const sources = FIXTURE_FILES.filter((file) => file.group === "js").map((file) => file.bytes.toString("utf8"));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect(parseWeight(source)).toBeLessThan(Math.min(2 * source.length, maxParseWeight(source.length)));
  });
});
