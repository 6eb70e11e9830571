import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import {
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

function collect(code: string, filename = "file.ts", sourceType: "module" | "commonjs" = "module"): Found[] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx,js,cjs,mjs}"],
        plugins: { probe: { rules: { probe: probe as never } } },
        languageOptions: { parser: tsParser as Linter.Parser, sourceType, ecmaVersion: "latest" },
        rules: { "probe/probe": "error" },
      },
    ],
    filename,
  );
  for (const message of messages) if (message.ruleId !== "probe/probe") throw new Error(message.message);
  return messages.map((message) => {
    const [kind = "", member = "", ...text] = message.message.split(" ");
    return { kind, member, text: text.join(" "), line: message.line, column: message.column };
  });
}

const members = (code: string, filename?: string, sourceType?: "module" | "commonjs") =>
  collect(code, filename, sourceType).map((found) => `${found.kind} ${found.member} ${found.text}`);

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
    // A local `require` that is neither the global nor createRequire is not the CommonJS one.
    expect(members(`function require(x) {}\nrequire("@adobe/acc-js-sdk").ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([]);
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

describe("sdkCallListener: look-alikes stay quiet", () => {
  it("a local function or object named like an SDK member", () => {
    expect(
      members(
        [
          `import sdk from "@adobe/acc-js-sdk";`,
          `function ofUserAndPassword(a, b, c) {}`,
          `ofUserAndPassword(u, a, b);`,
          `const ConnectionParameters = { ofUserAndPassword() {} };`,
          `ConnectionParameters.ofUserAndPassword(u, a, b);`,
          `other.ConnectionParameters.ofUserAndPassword(u, a, b);`,
          `function f(sdk) { sdk.ConnectionParameters.ofUserAndPassword(u, a, b); }`,
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("other packages and shadowed names", () => {
    expect(members(`import sdk from "@adobe/acc-js-sdk-mock";\nsdk.ConnectionParameters.ofUserAndPassword(u, a, b);`)).toEqual([]);
    expect(members(`const sdk = require("acc-js-sdk");\nsdk.ConnectionParameters.ofUserAndPassword(u, a, b);`, "f.js", "commonjs")).toEqual([]);
    expect(
      members(`import sdk from "@adobe/acc-js-sdk";\n{ const sdk = other; sdk.ConnectionParameters.ofUserAndPassword(u, a, b); }`),
    ).toEqual([]);
    // A local `document` is not the browser's.
    expect(members(`const document = { accSDK: fake };\ndocument.accSDK.ConnectionParameters.ofUserAndPassword(u, a, b); // accSDK`)).toEqual([]);
  });

  it("a variable written two different values is not tracked", () => {
    expect(
      members(`import sdk from "@adobe/acc-js-sdk";\nlet cp = sdk.ConnectionParameters;\ncp = other;\ncp.ofUserAndPassword(u, a, b);`),
    ).toEqual([]);
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
