import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_FACTORY_NAMES,
  INTERPOLATION_PLACEHOLDER,
  literalText,
  clientCredentialsOrigin,
  mergeListeners,
  sdkCallListener,
  sdkLogonListener,
  sdkModuleKind,
} from "../../src/campaign/sdk.js";

const MEMBERS = [
  "ConnectionParameters.ofUserAndPassword",
  "ConnectionParameters.ofImsBearerToken",
  "ConnectionParameters.ofExternalAccount",
  "Credentials.ofExternalAccount",
  "Credentials",
  "Client",
  "init",
];

type Found = { kind: string; member: string; text: string; line: number; column: number };

// A probe rule: reports every SDK call the listener sees, and every logon with its origin.
const probe = {
  meta: { type: "problem", messages: { found: "{{kind}} {{member}} {{text}}" }, schema: [] },
  create(context: TSESLint.RuleContext<"found", []>) {
    const report = (kind: string, member: string, node: any) =>
      context.report({ node, messageId: "found", data: { kind, member, text: context.sourceCode.getText(node) } });
    return mergeListeners(
      sdkCallListener(context, MEMBERS, (call) => report(call.kind, call.member, call.memberNode)),
      sdkLogonListener(context, (logon) => {
        const origin = clientCredentialsOrigin(logon.client);
        report("logon", origin === undefined ? "?" : `${origin.member}@${origin.node.loc.start.line}`, logon.memberNode);
      }),
    );
  },
};

/** Lint `code` with one probe rule; the probe's messages, any other message is an error. */
function runProbe(rule: object, code: string, filename: string, sourceType: "module" | "commonjs"): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx,js,cjs,mjs}"],
        plugins: { probe: { rules: { probe: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser, sourceType, ecmaVersion: "latest" },
        rules: { "probe/probe": "error" },
      },
    ],
    filename,
  );
  for (const message of messages) if (message.ruleId !== "probe/probe") throw new Error(message.message);
  return messages;
}

function collect(code: string, filename = "file.ts", sourceType: "module" | "commonjs" = "module"): Found[] {
  return runProbe(probe, code, filename, sourceType).map((message) => {
    const [kind = "", member = "", ...text] = message.message.split(" ");
    return { kind, member, text: text.join(" "), line: message.line, column: message.column };
  });
}

const members = (code: string, filename?: string, sourceType?: "module" | "commonjs") =>
  collect(code, filename, sourceType).map((found) => `${found.kind} ${found.member} ${found.text}`);

// A second probe: the line, provenance and member of every SDK call.
const provenanceProbe = {
  meta: { type: "problem", messages: { found: "{{text}}" }, schema: [] },
  create(context: TSESLint.RuleContext<"found", []>) {
    return sdkCallListener(context, MEMBERS_BY_NAME, (call) =>
      context.report({ node: call.memberNode, messageId: "found", data: { text: `${call.provenance} ${call.member}` } }),
    );
  },
};
const MEMBERS_BY_NAME = [
  ...MEMBERS,
  ...[...CAMPAIGN_FACTORY_NAMES].map((name) => `ConnectionParameters.${name}`),
  "ConnectionParameters.ofImsBearerToken",
];

function provenances(code: string, filename = "file.ts", sourceType: "module" | "commonjs" = "module"): string[] {
  return runProbe(provenanceProbe, code, filename, sourceType).map((message) => `${message.line} ${message.message}`);
}

describe("sdkModuleKind", () => {
  it("recognises the package, its main file and the deep client module", () => {
    expect(sdkModuleKind("@adobe/acc-js-sdk")).toBe("sdk");
    expect(sdkModuleKind("@adobe/acc-js-sdk/src/index.js")).toBe("sdk");
    expect(sdkModuleKind("@adobe/acc-js-sdk/src/client.js")).toBe("client-module");
    expect(sdkModuleKind("@adobe/acc-js-sdk/src/client")).toBe("client-module");
    expect(sdkModuleKind("@adobe/acc-js-sdk-mock")).toBeUndefined();
    expect(sdkModuleKind("acc-js-sdk")).toBeUndefined();
    expect(sdkModuleKind("@adobe/acc-js-sdk/src/soap.js")).toBeUndefined();
  });
});

describe("sdkCallListener: import forms", () => {
  const up = "call ConnectionParameters.ofUserAndPassword";

  it("ESM default import", () => {
    expect(collect(`import sdk from "@adobe/acc-js-sdk";\nsdk.ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([
      { kind: "call", member: "ConnectionParameters.ofUserAndPassword", text: "ofUserAndPassword", line: 2, column: 26 },
    ]);
  });

  it("namespace import, also through .default", () => {
    expect(members(`import * as sdk from "@adobe/acc-js-sdk";\nsdk.ConnectionParameters.ofUserAndPassword(u, a, b);\nsdk.default.ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([
      `${up} ofUserAndPassword`,
      `${up} ofUserAndPassword`,
    ]);
  });

  it("named imports with renames, incl. `default as`", () => {
    expect(members(`import { ConnectionParameters as CP, default as s } from "@adobe/acc-js-sdk";\nCP.ofUserAndPassword(u, a, b);\ns.ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([
      `${up} ofUserAndPassword`,
      `${up} ofUserAndPassword`,
    ]);
  });

  it("deep client module exports Client, Credentials, ConnectionParameters only", () => {
    expect(
      members(
        `import { ConnectionParameters, Credentials, Client } from "@adobe/acc-js-sdk/src/client.js";\nimport client from "@adobe/acc-js-sdk/src/client.js";\nConnectionParameters.ofUserAndPassword(u, a, b);\nnew Credentials("UserPassword", "a/b", "");\nnew Client(sdk, cnx);\nclient.init(x);`,
      ),
    ).toEqual([`${up} ofUserAndPassword`, "new Credentials Credentials", "new Client Client"]);
  });

  it("CommonJS require, destructuring with renames, member of require", () => {
    const code = [
      `const sdk = require("@adobe/acc-js-sdk");`,
      `const { ConnectionParameters: CP } = require("@adobe/acc-js-sdk");`,
      `const { ConnectionParameters: { ofUserAndPassword: up } } = sdk;`,
      `const CP2 = require("@adobe/acc-js-sdk").ConnectionParameters;`,
      `CP.ofUserAndPassword(u, a, b);`,
      `up(u, a, b);`,
      `CP2.ofUserAndPassword(u, a, b);`,
    ].join("\n");
    expect(collect(code, "file.js", "commonjs").map((f) => `${f.line}:${f.column} ${f.text}`)).toEqual([
      "5:4 ofUserAndPassword",
      "6:1 up",
      "7:5 ofUserAndPassword",
    ]);
  });

  it("TS import-equals, createRequire, dynamic import", () => {
    const code = [
      `import sdk = require("@adobe/acc-js-sdk");`,
      `import { createRequire } from "node:module";`,
      `const req = createRequire(import.meta.url);`,
      `sdk.ConnectionParameters.ofUserAndPassword(u, a, b);`,
      `async function f() {`,
      `  const m = await import("@adobe/acc-js-sdk");`,
      `  m.default.ConnectionParameters.ofUserAndPassword(u, a, b);`,
      `  const { default: d } = await import("@adobe/acc-js-sdk");`,
      `  d.ConnectionParameters.ofUserAndPassword(u, a, b);`,
      `}`,
    ].join("\n");
    expect(collect(code).map((f) => f.line)).toEqual([4, 7, 9]);
    // A local `require` that is neither the global nor createRequire is not the CommonJS one: the
    // factory is still found by its name.
    expect(provenances(`function require(x) {}\nrequire("@adobe/acc-js-sdk").ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([
      "2 name ConnectionParameters.ofUserAndPassword",
    ]);
    expect(members(`import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nrequire("@adobe/acc-js-sdk").ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([`${up} ofUserAndPassword`]);
  });

  it("aliases, let with one assignment, optional chaining, computed members, TS wrappers", () => {
    const code = [
      `import sdk from "@adobe/acc-js-sdk";`,
      `const cp = sdk.ConnectionParameters;`,
      `let later;`,
      `later = cp;`,
      `const KEY = "ofUserAndPassword";`,
      `cp.ofUserAndPassword(u, a, b);`,
      `later.ofUserAndPassword(u, a, b);`,
      `sdk?.ConnectionParameters?.ofUserAndPassword(u, a, b);`,
      `sdk["ConnectionParameters"][\`ofUserAndPassword\`](u, a, b);`,
      `cp[KEY](u, a, b);`,
      `(sdk as any).ConnectionParameters!.ofUserAndPassword(u, a, b);`,
      `(0, cp.ofUserAndPassword)(u, a, b);`,
    ].join("\n");
    expect(collect(code).map((f) => `${f.line}:${f.column} ${f.text}`)).toEqual([
      "6:4 ofUserAndPassword",
      "7:7 ofUserAndPassword",
      "8:28 ofUserAndPassword",
      "9:29 `ofUserAndPassword`",
      "10:4 KEY",
      "11:36 ofUserAndPassword",
      "12:8 ofUserAndPassword",
    ]);
  });

  it("browser global document.accSDK and window.document.accSDK", () => {
    const code = [
      `const sdk = document.accSDK;`,
      `sdk.ConnectionParameters.ofUserAndPassword(u, a, b);`,
      `window.document.accSDK.ConnectionParameters.ofUserAndPassword(u, a, b);`,
      `const { accSDK } = document;`,
      `accSDK.ConnectionParameters.ofUserAndPassword(u, a, b);`,
    ].join("\n");
    expect(collect(code, "page.js", "commonjs").map((f) => f.line)).toEqual([2, 3, 5]);
  });

  it("Credentials.ofExternalAccount (doc bug), new Credentials, init", () => {
    const code = [
      `const sdk = require("@adobe/acc-js-sdk");`,
      `sdk.Credentials.ofExternalAccount(client, "mid");`,
      `sdk.ConnectionParameters.ofExternalAccount(client, "mid");`,
      `new sdk.Credentials("UserPassword", "a/b", "");`,
      `sdk.init(url, "admin", "pw");`,
    ].join("\n");
    expect(members(code, "file.js", "commonjs")).toEqual([
      "call Credentials.ofExternalAccount ofExternalAccount",
      "call ConnectionParameters.ofExternalAccount ofExternalAccount",
      "new Credentials Credentials",
      "call init init",
    ]);
  });
});

describe("sdkCallListener: however the SDK arrived", () => {
  it("relative require of SDK source, workspace packages and barrels: inferred from X.ConnectionParameters", () => {
    const code = [
      `const sdk = require("../src/index.js");`,
      `const kit = require("@acme/campaign-kit");`,
      `import * as barrel from "./campaign";`,
      `sdk.ConnectionParameters.ofUserAndPassword(u, a, b);`,
      `kit.ConnectionParameters.ofImsBearerToken(u, t);`,
      `const client = await barrel.init(barrel.ConnectionParameters.ofSessionToken(u, "mc/mc"));`,
      `new sdk.Credentials("UserPassword", "a/b");`,
      `sdk.init(u, a, b);`,
    ].join("\n");
    expect(provenances(code, "f.js")).toEqual([
      "4 inferred ConnectionParameters.ofUserAndPassword",
      "5 inferred ConnectionParameters.ofImsBearerToken",
      "6 inferred init",
      "6 inferred ConnectionParameters.ofSessionToken",
      "7 inferred Credentials",
      "8 inferred init",
    ]);
  });

  it("constructor and parameter injection, destructured ConnectionParameters", () => {
    const code = [
      `class Service {`,
      `  constructor(private readonly sdk: any) {}`,
      `  connect() { return this.sdk.ConnectionParameters.ofImsBearerToken(u, t); }`,
      `  legacy() { return this.sdk.ConnectionParameters.ofUserAndServiceToken(u, a, t); }`,
      `}`,
      `export function connect(campaign: any) { return campaign.ConnectionParameters.ofImsBearerToken(u, t); }`,
      `const { ConnectionParameters } = require("./vendor/acc");`,
      `ConnectionParameters.ofImsBearerToken(u, t);`,
      // Destructured from an injected SDK: the SDK's other members follow.
      `export async function withClient(injected: any) {`,
      `  const { ConnectionParameters: CP, init } = injected;`,
      `  return injected.init(CP.ofImsBearerToken(u, t)).then(() => init(CP.ofSessionToken(u, s)));`,
      `}`,
    ].join("\n");
    expect(provenances(code)).toEqual([
      "3 inferred ConnectionParameters.ofImsBearerToken",
      "4 inferred ConnectionParameters.ofUserAndServiceToken",
      "6 inferred ConnectionParameters.ofImsBearerToken",
      "8 inferred ConnectionParameters.ofImsBearerToken",
      "11 inferred init",
      "11 inferred ConnectionParameters.ofImsBearerToken",
      "11 inferred init",
      "11 inferred ConnectionParameters.ofSessionToken",
    ]);
  });

  it("window.accSDK, document.accSDK with declare const document, bare accSDK", () => {
    const code = [
      `declare const document: any;`,
      `declare var window: any;`,
      `document.accSDK.ConnectionParameters.ofImsBearerToken(u, t);`,
      `window.accSDK.ConnectionParameters.ofImsBearerToken(u, t);`,
      `accSDK.init(accSDK.ConnectionParameters.ofImsBearerToken(u, t));`,
    ].join("\n");
    expect(provenances(code)).toEqual([
      "3 import ConnectionParameters.ofImsBearerToken",
      "4 import ConnectionParameters.ofImsBearerToken",
      "5 import init",
      "5 import ConnectionParameters.ofImsBearerToken",
    ]);
  });

  it("dynamic import of any module, computed factory with a const name, spread config", () => {
    const code = [
      `const FACTORY = "ofSessionAndSecurityToken";`,
      `async function f(cfg: any) {`,
      `  const m = await import("./sdk-bundle.js");`,
      `  m.ConnectionParameters.ofImsBearerToken(u, t);`,
      `  const CP = m.ConnectionParameters;`,
      `  CP[FACTORY](u, s, x);`,
      `  CP["ofUserAndPassword"](...Object.values(cfg));`,
      `}`,
    ].join("\n");
    expect(provenances(code)).toEqual([
      "4 inferred ConnectionParameters.ofImsBearerToken",
      // `CP` is `m.ConnectionParameters`, so the computed factories are tied to the same module.
      "6 inferred ConnectionParameters.ofSessionAndSecurityToken",
      "7 inferred ConnectionParameters.ofUserAndPassword",
    ]);
  });

  it("every Campaign-specific factory by its name alone, as docs show it", () => {
    const code = [
      `ofUserAndPassword(url, user, password);`,
      `ConnectionParameters.ofSessionToken(url, "mc/mc");`,
      `cp.ofSessionAndSecurityToken(url, s, x);`,
      `any.thing.ofSecurityToken(url, x);`,
      `other.ofUserAndServiceToken(url, user, t);`,
      `lib.ofBearerToken(url, t);`,
      `await lib.ofExternalAccount(client, "mid");`,
    ].join("\n");
    expect(provenances(code)).toEqual([
      "1 name ConnectionParameters.ofUserAndPassword",
      "2 inferred ConnectionParameters.ofSessionToken",
      "3 name ConnectionParameters.ofSessionAndSecurityToken",
      "4 name ConnectionParameters.ofSecurityToken",
      "5 name ConnectionParameters.ofUserAndServiceToken",
      "6 name ConnectionParameters.ofBearerToken",
      "7 name ConnectionParameters.ofExternalAccount",
    ]);
  });
});

describe("sdkCallListener: look-alikes stay quiet", () => {
  it("a local function, object literal or class that implements the member", () => {
    expect(
      members(
        [
          `import sdk from "@adobe/acc-js-sdk";`,
          `function ofUserAndPassword(a, b, c) {}`,
          `ofUserAndPassword(u, a, b);`,
          `const ConnectionParameters = { ofUserAndPassword() {} };`,
          `ConnectionParameters.ofUserAndPassword(u, a, b);`,
          `const ofSessionToken = (u, t) => ({ u, t });`,
          `ofSessionToken(u, t);`,
          `({ ofSecurityToken: (t) => t }).ofSecurityToken(t);`,
          `class Cp { static ofBearerToken(u, t) {} run() { return this.ofBearerToken(u, t); } }`,
          `Cp.ofBearerToken(u, t);`,
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("names that are not Campaign-specific need the SDK: init, Credentials, ofImsBearerToken", () => {
    expect(members(`other.init(u, a, b);\nnew other.Credentials("UserPassword", "a/b");\nother.ofImsBearerToken(u, t);\nofAnonymousUser(u);`)).toEqual([]);
  });

  it("a local document is not the browser's, a shadowed sdk is not the package", () => {
    // The factory name alone still makes it a finding, with provenance `name`.
    expect(provenances(`const document = { accSDK: fake };\ndocument.accSDK.ConnectionParameters.ofUserAndPassword(u, a, b); // accSDK`)).toEqual([
      "2 name ConnectionParameters.ofUserAndPassword",
    ]);
    expect(
      provenances(`import sdk from "@adobe/acc-js-sdk";\n{ const sdk = { ConnectionParameters: {} }; sdk.ConnectionParameters.ofUserAndPassword(u, a, b); }`),
    ).toEqual(["2 name ConnectionParameters.ofUserAndPassword"]);
  });

  it("a variable written two different values is not tracked (the name still is)", () => {
    expect(
      provenances(`import sdk from "@adobe/acc-js-sdk";\nlet cp = sdk.ConnectionParameters;\ncp = other;\ncp.ofUserAndPassword(u, a, b);\ncp.ofImsBearerToken(u, t);`),
    ).toEqual(["4 name ConnectionParameters.ofUserAndPassword"]);
  });

  it("import type never runs", () => {
    expect(
      members(`import type { ConnectionParameters as CPT } from "@adobe/acc-js-sdk";\nimport type sdk from "@adobe/acc-js-sdk";\nlet c: CPT;\ntype F = typeof sdk.ConnectionParameters.ofUserAndPassword;`),
    ).toEqual([]);
  });

  it("a call a test asserts to throw is no connection", () => {
    expect(
      provenances(
        [
          `import sdk from "@adobe/acc-js-sdk";`,
          `expect(() => { new sdk.Credentials("UserPassword", "a"); }).toThrow("SDK-000000");`,
          `expect(() => sdk.ConnectionParameters.ofUserAndPassword(u)).toThrowError();`,
          `assert.throws(() => sdk.ConnectionParameters.ofUserAndPassword(u));`,
          `expect(() => sdk.ConnectionParameters.ofUserAndPassword(u, a, b)).not.toThrow();`,
        ].join("\n"),
      ),
    ).toEqual(["5 import ConnectionParameters.ofUserAndPassword"]);
  });

  it("ofImsBearerToken is a distinct member", () => {
    expect(members(`import sdk from "@adobe/acc-js-sdk";\nsdk.ConnectionParameters.ofImsBearerToken(u, t);`)).toEqual([
      "call ConnectionParameters.ofImsBearerToken ofImsBearerToken",
    ]);
  });
});

describe("sdkLogonListener: client tracking", () => {
  it("await sdk.init(cnx) with cnx from a factory, both logon spellings", () => {
    const code = [
      `import sdk from "@adobe/acc-js-sdk";`,
      `const cnxParams = sdk.ConnectionParameters.ofUserAndPassword(url, "admin", pw);`,
      `const client = await sdk.init(cnxParams);`,
      `await client.logon();`,
      `await client.NLWS.xtkSession.logon();`,
      `const NLWS = client.NLWS;`,
      `await NLWS.xtkSession.logon();`,
    ].join("\n");
    expect(collect(code).filter((f) => f.kind === "logon")).toEqual([
      { kind: "logon", member: "ConnectionParameters.ofUserAndPassword@2", text: "logon", line: 4, column: 14 },
      { kind: "logon", member: "ConnectionParameters.ofUserAndPassword@2", text: "logon", line: 5, column: 30 },
      { kind: "logon", member: "ConnectionParameters.ofUserAndPassword@2", text: "logon", line: 7, column: 23 },
    ]);
  });

  it("pre-1.0 sdk.init(url, user, password), .then callbacks, new Client, ofExternalAccount", () => {
    const code = [
      `const sdk = require("@adobe/acc-js-sdk");`,
      `sdk.init(url, "admin", pw).then((client) => client.logon());`,
      `const mid = await sdk.ConnectionParameters.ofExternalAccount(client0, "mid");`,
      `const c2 = new sdk.Client(sdk, mid);`,
      `c2.logon();`,
      `const creds = new sdk.Credentials("UserPassword", "a/b", "");`,
      `const c3 = await sdk.init(new sdk.ConnectionParameters(url, creds));`,
      `c3.logon();`,
    ].join("\n");
    expect(collect(code, "f.cjs", "commonjs").filter((f) => f.kind === "logon").map((f) => `${f.line} ${f.member}`)).toEqual([
      "2 init@2",
      "5 ConnectionParameters.ofExternalAccount@3",
      "8 Credentials@6",
    ]);
  });

  it("unrelated logon calls stay quiet", () => {
    const code = [
      `import sdk from "@adobe/acc-js-sdk";`,
      `const windows = require("windows-logon");`,
      `windows.logon();`,
      `session.logon();`,
      `function logon() {}`,
      `logon();`,
    ].join("\n");
    expect(collect(code).filter((f) => f.kind === "logon")).toEqual([]);
  });

  it("a client from an untracked connection has no credentials origin", () => {
    expect(collect(`import sdk from "@adobe/acc-js-sdk";\nconst client = await sdk.init(params);\nclient.logon();`).map((f) => f.member)).toEqual([
      "init",
      "?",
    ]);
  });
});

describe("mergeListeners", () => {
  it("runs every handler for a shared selector in order", () => {
    const calls: string[] = [];
    const merged = mergeListeners(
      { Identifier: () => calls.push("a") },
      { Identifier: () => calls.push("b"), Literal: () => calls.push("c") },
    );
    (merged.Identifier as (node: never) => void)(undefined as never);
    (merged.Literal as (node: never) => void)(undefined as never);
    expect(calls).toEqual(["a", "b", "c"]);
  });
});

describe("literalText", () => {
  // Parses `code`, takes its first string/template literal and maps `needle`'s offset in the value
  // back to the source: the returned slice must be the needle as written in the source.
  function sourceOf(code: string, needle: string): { value: string; source: string } {
    const linter = new Linter({ configType: "flat" });
    let result: { value: string; source: string } | undefined;
    linter.verify(
      code,
      [
        {
          files: ["**/*.ts"],
          plugins: {
            probe: {
              rules: {
                text: {
                  create(context: any) {
                    const visit = (node: any) => {
                      if (result !== undefined) return;
                      const literal = literalText(node, context.sourceCode);
                      if (literal === undefined) return;
                      const at = literal.text.indexOf(needle);
                      const [start, end] = literal.range(at, at + needle.length);
                      result = { value: literal.text, source: context.sourceCode.text.slice(start, end) };
                    };
                    return { Literal: visit, TemplateLiteral: visit };
                  },
                },
              },
            } as never,
          },
          languageOptions: { parser: tsParser as Linter.Parser },
          rules: { "probe/text": "error" },
        },
      ],
      "file.ts",
    );
    if (result === undefined) throw new Error("no literal");
    return result;
  }

  it("maps plain and escaped string literals", () => {
    expect(sourceOf(`const a = "SOAPAction: xtk:session#Logon";`, "xtk:session#Logon").source).toBe("xtk:session#Logon");
    expect(sourceOf(`const a = 'x\\n<urn:Logon xmlns=\\'u\\'>';`, "<urn:Logon").source).toBe("<urn:Logon");
    expect(sourceOf(`const a = "a\\x41\\u0042\\u{43}\\tLogon";`, "ABC\tLogon")).toEqual({
      value: "aABC\tLogon",
      source: "\\x41\\u0042\\u{43}\\tLogon",
    });
    expect(sourceOf(`const a = "one \\\ntwo";`, "one two").source).toBe("one \\\ntwo");
  });

  it("maps template quasis and makes each interpolation one placeholder", () => {
    const code = "const a = `<e xmlns:urn=\"urn:xtk:session\">\n  <urn:Logon>${user}</urn:Logon>\n${x}xtk:session#Logon`;";
    const found = sourceOf(code, "xtk:session#Logon");
    expect(found.source).toBe("xtk:session#Logon");
    expect(found.value).toContain(`<urn:Logon>${INTERPOLATION_PLACEHOLDER}</urn:Logon>`);
    expect(sourceOf(code, `>${INTERPOLATION_PLACEHOLDER}<`).source).toBe(">${user}<");
  });

  it("is undefined for non-string literals", () => {
    expect(() => sourceOf(`const a = 42;`, "4")).toThrow("no literal");
  });
});
