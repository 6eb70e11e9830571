import { ESLint, Linter } from "eslint";
import { defineConfig } from "eslint/config";
import markdown from "@eslint/markdown";
import { describe, expect, it } from "vitest";
import { createConfigs } from "../../src/configs.js";
import { createRule } from "../../src/create-rule.js";

// Two synthetic rules: configs must follow their meta, not a hand list.
const recommendedJsRule = createRule({
  name: "no-password-logon",
  meta: {
    type: "problem",
    docs: { description: "test", recommended: true, kind: "native-login" },
    schema: [{ type: "object", properties: { target: { type: "string" } }, additionalProperties: false }],
    messages: { found: "found {{target}}" },
    v8Options: [{ target: "8.5" }],
  },
  defaultOptions: [{ target: "7" }],
  create: {
    js: (context) => ({
      Literal(node) {
        context.report({ node, messageId: "found", data: { target: context.options[0]?.target ?? "none" } });
      },
    }),
  },
});

const strictOnlyRule = createRule({
  name: "require-native-auth-lock",
  meta: {
    type: "problem",
    docs: { description: "test", recommended: false, kind: "insecure-config" },
    schema: [],
    messages: { found: "strict" },
  },
  defaultOptions: [],
  create: {
    js: (context) => ({
      Program(node) {
        context.report({ node, messageId: "found" });
      },
    }),
  },
});

const rules = { "no-password-logon": recommendedJsRule, "require-native-auth-lock": strictOnlyRule };
const plugin: ESLint.Plugin = { meta: { name: "test-plugin", namespace: "campaign-ims" }, rules };
const configs = createConfigs(plugin, rules, "campaign-ims");

// Holds a keyword of each rule, so the keyword gate lets both rules run.
const CODE = 'const a = "logon serverConf";';

function lint(config: Linter.Config[], code: string, filename = "file.ts") {
  return new Linter({ configType: "flat" }).verify(code, config, filename).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("configs computed from rule meta", () => {
  const ruleBlocks = (config: Linter.Config[]) => config.filter((block) => block.rules !== undefined);

  it("recommended enables only recommended rules, at error, on TS/JS only, after a TypeScript parser block", () => {
    expect(configs.recommended.map((block) => block.name)).toEqual(["campaign-ims/recommended/typescript-parser", "campaign-ims/recommended/js"]);
    const [parserBlock, block] = configs.recommended;
    expect(parserBlock?.files).toEqual(["**/*.{ts,mts,cts,tsx}"]);
    expect(parserBlock?.rules).toBeUndefined();
    expect((parserBlock?.languageOptions?.parser as { meta?: { name?: string } } | undefined)?.meta?.name).toBe("typescript-eslint/parser");
    expect(block?.files).toEqual(["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"]);
    expect(block?.languageOptions).toBeUndefined();
    expect(block?.language).toBeUndefined();
    expect(block?.rules).toEqual({ "campaign-ims/no-password-logon": "error" });
  });

  it("only the all-languages configs add components and XML scripts (processor blocks, no rules)", () => {
    for (const name of ["recommended-all-languages", "v8-all-languages", "strict"] as const) {
      const components = configs[name].find((block) => block.name === `campaign-ims/${name}/components`);
      // Vue and Svelte components: a processor block (their <script> blocks are linted by the JS block).
      expect(components).toMatchObject({ files: ["**/*.vue", "**/*.svelte"] });
      expect(components?.rules).toBeUndefined();
      // XML files: the file itself and the JavaScript of its <script>/<source> elements.
      const xmlScripts = configs[name].find((block) => block.name === `campaign-ims/${name}/xml-scripts`);
      expect(xmlScripts).toMatchObject({ files: ["**/*.xml"] });
      expect(xmlScripts?.rules).toBeUndefined();
    }
    for (const name of ["recommended", "v8"] as const) {
      expect(configs[name].some((block) => block.processor !== undefined)).toBe(false);
    }
  });

  it("strict enables every rule", () => {
    expect(ruleBlocks(configs.strict)[0]?.rules).toEqual({
      "campaign-ims/no-password-logon": "error",
      "campaign-ims/require-native-auth-lock": "error",
    });
  });

  it("v8 passes each rule's v8Options", () => {
    expect(ruleBlocks(configs.v8)[0]?.rules).toEqual({ "campaign-ims/no-password-logon": ["error", { target: "8.5" }] });
  });

  it("works spread into a flat config, with defaultOptions applied", () => {
    expect(lint([...configs.recommended], CODE)).toEqual(["campaign-ims/no-password-logon: found 7"]);
    expect(lint([...configs.v8], CODE)).toEqual(["campaign-ims/no-password-logon: found 8.5"]);
  });

  it("works with defineConfig({ extends })", () => {
    const config = defineConfig({ extends: [configs.strict] });
    expect(lint(config, CODE).sort()).toEqual([
      "campaign-ims/no-password-logon: found 7",
      "campaign-ims/require-native-auth-lock: strict",
    ]);
  });

  it("parses TypeScript in the JS block with nothing else configured", () => {
    expect(lint([...configs.recommended], 'const a: string = "logon";', "file.tsx")).toEqual([
      "campaign-ims/no-password-logon: found 7",
    ]);
  });

  it("registers no visitors on a file without the rule's keywords", () => {
    expect(lint([...configs.strict], 'const a = "serverConf";')).toEqual(["campaign-ims/require-native-auth-lock: strict"]);
    expect(lint([...configs.strict], 'const a = "nothing here";')).toEqual([]);
  });

  it("markdown lints fenced code blocks by info string, maps positions back, and ignores prose", () => {
    const runbook = ["# Runbook", "", "Prose that says logon is not linted.", "", "```ts", 'const a = "logon";', "```", ""].join("\n");
    const messages = new Linter({ configType: "flat" }).verify(runbook, configs.markdown, {
      filename: "docs/runbook.md",
      // Linter.verify lints only `.js` blocks by default; the eslint CLI lints every block a config matches.
      filterCodeBlock: () => true,
    });
    expect(messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([
      { ruleId: "campaign-ims/no-password-logon", line: 6, column: 11 },
    ]);
  });

  it("leaves JavaScript files to the user's parser (espree by default): TypeScript syntax in .js is a parse error", () => {
    expect(lint([...configs.recommended], 'const a = "logon";', "file.js")).toEqual(["campaign-ims/no-password-logon: found 7"]);
    expect(lint([...configs.recommended], 'const a: string = "logon";', "file.js")).toEqual(["null: Parsing error: Unexpected token :"]);
  });

  it("markdown-with-language keeps @eslint/markdown's own rules on the file, beside the code-block findings, in either order", () => {
    const runbook = ["# Runbook", "", "### Skipped level", "", "```ts", 'const a = "logon";', "```", ""].join("\n");
    const verify = (config: Linter.Config[]) =>
      new Linter({ configType: "flat" })
        .verify(runbook, config, { filename: "docs/runbook.md", filterCodeBlock: () => true })
        .map(({ ruleId, line, column }) => `${ruleId} ${line}:${column}`);
    const expected = ["markdown/heading-increment 3:1", "campaign-ims/no-password-logon 6:11"];
    expect(verify([...markdown.configs.recommended, ...configs["markdown-with-language"]])).toEqual(expected);
    expect(verify([...configs["markdown-with-language"], ...markdown.configs.recommended])).toEqual(expected);
    // The code-blocks-only processor replaces the Markdown language's linting of the file.
    expect(verify([...markdown.configs.recommended, ...configs.markdown])).toEqual(["campaign-ims/no-password-logon 6:11"]);
  });

  it("gives every config block a name", () => {
    for (const config of Object.values(configs)) {
      for (const block of config) expect(block.name).toMatch(/^campaign-ims\//);
    }
  });
});

describe("strictOptions", () => {
  it("strict passes a rule's strictOptions; the other configs leave the option at its default", async () => {
    const { default: realPlugin } = await import("../../src/index.js");
    const entries = (name: string): unknown[] =>
      (realPlugin.configs as Record<string, Linter.Config[]>)[name]!
        .map((block) => block.rules?.["campaign-ims/no-insecure-security-zone"])
        .filter((entry) => entry !== undefined);
    // Document code blocks get the recommended rules in every profile; the files themselves get strict's options.
    expect(entries("strict").map((entry) => JSON.stringify(entry))).toContain(JSON.stringify(["error", { sqlInjection: true }]));
    expect(new Set(entries("recommended-all-languages").map((entry) => JSON.stringify(entry)))).toEqual(new Set([JSON.stringify("error")]));
  });
});
