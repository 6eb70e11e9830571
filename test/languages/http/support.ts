/**
 * Test-only plugin for the HTTP language tests: `httpLanguage` plus tiny rules, run through ESLint's
 * real `Linter`; a parse helper that also checks the AST invariants.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RuleContext, RuleDefinition } from "@eslint/core";
import { Linter } from "eslint";
import type { HttpDocument, HttpHeader, HttpRequest } from "../../../src/languages/http/index.js";
import { httpLanguage, httpLanguageVisitorKeys, HttpSourceCode, parseHttp } from "../../../src/languages/http/index.js";
import type { ParseProblem } from "../../../src/languages/shell/index.js";
import type { XmlElement } from "../../../src/languages/xml/index.js";
import { checkTree } from "../shell/invariants.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/languages/http/", import.meta.url));
export const readFixture = (name: string): string => readFileSync(FIXTURES + name, "utf8");

/** Parses and checks the invariants (XML nodes of bodies included). */
export function parse(text: string): { ast: HttpDocument; problems: ParseProblem[]; counts: Record<string, number> } {
  const { ast, problems } = parseHttp(text);
  const sourceCode = new HttpSourceCode({ text, ast, problems });
  const counts = checkTree(text, ast as never, httpLanguageVisitorKeys, (index) => sourceCode.getLocFromIndex(index));
  return { ast, problems, counts };
}

export { rangeOf, spanOf, position } from "../shell/support.js";

type HttpContext = RuleContext & { sourceCode: HttpSourceCode };

const reportRequests: RuleDefinition = {
  meta: { type: "problem", messages: { request: "{{method}} {{url}}" } },
  create(context) {
    return {
      HttpRequest(node: HttpRequest) {
        context.report({ node, messageId: "request", data: { method: node.method, url: node.url } });
      },
    };
  },
};

const reportHeaders: RuleDefinition = {
  meta: { type: "problem", messages: { header: "{{name}}: {{value}}" } },
  create(context) {
    return {
      HttpHeader(node: HttpHeader) {
        context.report({ node, messageId: "header", data: { name: node.name, value: node.value } });
      },
    };
  },
};

/** An XML visitor: reports elements named like the option, inside `.http` files. */
const reportXmlElements: RuleDefinition = {
  meta: { type: "problem", schema: [{ type: "string" }], messages: { element: "<{{name}}> in {{namespace}}" } },
  create(context) {
    const [localName] = context.options as [string];
    return {
      XmlElement(node: XmlElement) {
        if (node.localName === localName) context.report({ node, messageId: "element", data: { name: node.name, namespace: String(node.namespaceURI) } });
      },
    };
  },
};

/** Adds `Authorization: Bearer {{imsToken}}` to requests without an Authorization header. */
const addAuthorization: RuleDefinition = {
  meta: { type: "problem", fixable: "code", messages: { missing: "No Authorization header." } },
  create(context) {
    return {
      HttpRequest(node: HttpRequest) {
        if (node.headers.some((header) => header.name.toLowerCase() === "authorization")) return;
        context.report({
          node,
          messageId: "missing",
          fix: (fixer) => fixer.insertTextAfterRange([node.headerInsertOffset, node.headerInsertOffset], `${node.lineEnding}Authorization: Bearer {{imsToken}}`),
        });
      },
    };
  },
};

/** Records the traversal. */
export const visits: string[] = [];
const recordVisits: RuleDefinition = {
  meta: { type: "problem", messages: {} },
  create(context) {
    const { sourceCode } = context as HttpContext;
    const visitor: Record<string, (node: { type: string; name?: string }) => void> = {};
    const label = (node: { type: string; name?: unknown }): string => (typeof node.name === "string" ? `${node.type}(${node.name})` : node.type);
    for (const type of Object.keys(httpLanguageVisitorKeys)) {
      visitor[type] = (node) => {
        const parent = sourceCode.getParent(node as never);
        visits.push(`enter ${label(node)}${parent ? ` < ${parent.type}` : ""}`);
      };
      visitor[`${type}:exit`] = (node) => {
        visits.push(`exit ${label(node)}`);
      };
    }
    return visitor;
  },
};

export const plugin = {
  meta: { namespace: "campaign-ims" },
  languages: { http: httpLanguage },
  rules: {
    "report-requests": reportRequests,
    "report-headers": reportHeaders,
    "report-xml-elements": reportXmlElements,
    "add-authorization": addAuthorization,
    "record-visits": recordVisits,
  },
};

const config = (filename: string, rules: Linter.RulesRecord, extra: Partial<Linter.Config> = {}): Linter.Config[] => [
  { files: [`**/${filename}`], plugins: { "campaign-ims": plugin as never }, language: "campaign-ims/http", rules, ...extra },
];

/** Lints `code` as `filename` (default rule: report-headers). */
export function lint(code: string, rules: Linter.RulesRecord = { "campaign-ims/report-headers": "error" }, filename = "requests.http"): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, config(filename, rules), filename);
}

/** Applies `add-authorization`. */
export function addAuthorizationIn(code: string, filename = "requests.http"): Linter.FixReport {
  return new Linter({ configType: "flat" }).verifyAndFix(code, config(filename, { "campaign-ims/add-authorization": "error" }), filename);
}

/** `line:column-endLine:endColumn message` for compact expectations. */
export const short = (message: Linter.LintMessage): string =>
  `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`;
