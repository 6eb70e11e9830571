/**
 * A small, stable plugin for scanner tests, independent of the real rules (which change as they
 * are written). Same shape as the real plugin: namespace `campaign-ims`, rules with
 * `meta.docs.kind` / `url` / `messageLevels`, configs `recommended` / `strict` / `v8` / `markdown`.
 *
 * - JS rules: `sdk-logon` (ofUserAndPassword, with a suggestion), `bearer-token` (ofBearerToken,
 *   fixable, graded warn by messageLevels), `security-token` (ofSecurityToken, graded info),
 *   `strict-only` (enabled by the strict profile only).
 * - `quote-keyword-lines` on a plain "lines" language over every other scanned file type: it reports
 *   each line that holds a Campaign keyword and quotes the raw line in its message, the worst a
 *   rule could do, so tests can check that the scanner masks what rules forget to.
 */
import type { ESLint, Linter, Rule } from "eslint";
import markdown from "@eslint/markdown";
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import tsParser from "@typescript-eslint/parser";
import { findKeywords } from "../../../src/campaign/keywords.js";

interface LinesRoot {
  type: "Lines";
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  range: [number, number];
}

class LinesSourceCode extends TextSourceCodeBase<{ LangOptions: Record<string, never>; RootNode: LinesRoot; SyntaxElementWithLoc: LinesRoot; ConfigNode: never }> {
  override *traverse(): Iterable<VisitNodeStep> {
    yield new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, null] });
    yield new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, null] });
  }
}

const linesLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "type",
  visitorKeys: { Lines: [] },
  validateLanguageOptions() {},
  parse(file: { body: string | Uint8Array }) {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    const lines = text.split(/\r\n|[\r\n]/);
    const ast: LinesRoot = {
      type: "Lines",
      loc: { start: { line: 1, column: 1 }, end: { line: lines.length, column: lines.at(-1)!.length + 1 } },
      range: [0, text.length],
    };
    return { ok: true, ast };
  },
  createSourceCode(file: { body: string | Uint8Array }, result: { ast: LinesRoot }) {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return new LinesSourceCode({ text, ast: result.ast });
  },
};

const docs = (name: string, kind: string) => ({
  description: `Test rule ${name}`,
  recommended: true,
  kind,
  url: `https://example.test/rules/${name}.md`,
});

/** Report every call `<anything>.<method>(…)`, on the method name. */
function methodCallRule(method: string, messageId: string, extra: Partial<Rule.RuleModule["meta"]> & { messageLevels?: Record<string, string> }, report?: (node: any) => Partial<Rule.ReportDescriptor>): Rule.RuleModule {
  return {
    meta: { type: "problem", schema: [], messages: { [messageId]: `${method} found: use ofImsBearerToken.`, fix: "Use ofImsBearerToken." }, languages: ["js/js"], ...extra } as Rule.RuleModule["meta"],
    create(context) {
      return {
        CallExpression(node: any) {
          const callee = node.callee;
          if (callee.type === "MemberExpression" && callee.property.type === "Identifier" && callee.property.name === method) {
            context.report({ node: callee.property, messageId, ...report?.(callee.property) } as Rule.ReportDescriptor);
          }
        },
      };
    },
  };
}

export const testRules: Record<string, Rule.RuleModule> = {
  "sdk-logon": methodCallRule("ofUserAndPassword", "logon", { docs: docs("sdk-logon", "native-login") as any, hasSuggestions: true }, (property) => ({
    suggest: [{ messageId: "fix", fix: (fixer: Rule.RuleFixer) => fixer.replaceText(property, "ofImsBearerToken") }],
  })),
  "bearer-token": methodCallRule(
    "ofBearerToken",
    "bearer",
    { docs: docs("bearer-token", "session-token") as any, fixable: "code", messageLevels: { bearer: "warn" } },
    (property) => ({ fix: (fixer: Rule.RuleFixer) => fixer.replaceText(property, "ofImsBearerToken") }),
  ),
  "security-token": methodCallRule("ofSecurityToken", "security", { docs: docs("security-token", "security-token") as any, messageLevels: { security: "info" } }),
  "strict-only": methodCallRule("ofSessionToken", "session", { docs: { ...docs("strict-only", "session-token"), recommended: false } as any }),
  "quote-keyword-lines": {
    meta: {
      type: "problem",
      schema: [],
      docs: docs("quote-keyword-lines", "hardcoded-secret") as any,
      messages: { line: "Line {{number}} mentions {{keyword}}: {{text}}" },
      languages: ["campaign-ims/lines"],
    },
    create(context) {
      return {
        Lines() {
          const lines = context.sourceCode.text.split(/\r\n|[\r\n]/);
          lines.forEach((text, index) => {
            const keywords = [...findKeywords(text)].sort();
            if (keywords.length === 0) return;
            context.report({
              loc: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: text.length + 1 } },
              messageId: "line",
              data: { number: String(index + 1), keyword: keywords[0]!, text },
            });
          });
        },
      };
    },
  } as Rule.RuleModule,
};

const LINES_FILES = ["**/*.{xml,http,sh,yml,yaml,properties,json}", "**/.env*", "**/Dockerfile"];
const JS_FILES = ["**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx}"];

const plugin: ESLint.Plugin & { configs: Record<string, Linter.Config[]> } = {
  meta: { name: "scanner-test-plugin", version: "0.0.0", namespace: "campaign-ims" } as ESLint.Plugin["meta"],
  rules: testRules,
  languages: { lines: linesLanguage as any },
  configs: {},
};

const jsBlock = (name: string, rules: Linter.RulesRecord, files = JS_FILES): Linter.Config => ({
  name,
  files,
  plugins: { "campaign-ims": plugin },
  languageOptions: { parser: tsParser as Linter.Parser },
  rules,
});
const linesBlock = (name: string): Linter.Config => ({
  name,
  files: LINES_FILES,
  plugins: { "campaign-ims": plugin },
  language: "campaign-ims/lines",
  rules: { "campaign-ims/quote-keyword-lines": "error" },
});
const recommendedJs: Linter.RulesRecord = {
  "campaign-ims/sdk-logon": "error",
  "campaign-ims/bearer-token": "error",
  "campaign-ims/security-token": "error",
};

plugin.configs.recommended = [jsBlock("test/recommended/js", recommendedJs), linesBlock("test/recommended/lines")];
plugin.configs.strict = [jsBlock("test/strict/js", { ...recommendedJs, "campaign-ims/strict-only": "error" }), linesBlock("test/strict/lines")];
plugin.configs.v8 = plugin.configs.recommended;
plugin.configs.markdown = [
  { name: "test/markdown/processor", files: ["**/*.md"], processor: markdown.processors.markdown },
  jsBlock("test/markdown/js", recommendedJs, ["**/*.md/*.{js,ts}"]),
];

export default plugin;

/** The module specifier scans use to load this plugin. */
export const TEST_PLUGIN_MODULE = new URL("./test-plugin.ts", import.meta.url).href;
