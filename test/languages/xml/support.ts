/**
 * Test-only plugin for the XML language tests: `xmlLanguage` plus tiny rules, run through ESLint's
 * real `Linter`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RuleContext, RuleDefinition } from "@eslint/core";
import { Linter } from "eslint";
import type { XmlElement, XmlNode, XmlText } from "../../../src/languages/xml/index.js";
import { toSourceRange, xmlLanguage, type XmlSourceCode } from "../../../src/languages/xml/index.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/languages/xml/", import.meta.url));

export const readFixture = (name: string): string => readFileSync(FIXTURES + name, "utf8");

type XmlContext = RuleContext & { sourceCode: XmlSourceCode };

/** Reports every element named `name`, at the element. */
function reportElementsNamed(name: string): RuleDefinition {
  return {
    meta: { type: "problem", messages: { found: `Element <${name}>.` } },
    create(context) {
      return {
        XmlElement(node: XmlElement) {
          if (node.name === name) context.report({ node, messageId: "found" });
        },
      };
    },
  };
}

/** Reports every element whose qualified name is the option, with its namespace URI in the message. */
const reportElement: RuleDefinition = {
  meta: {
    type: "problem",
    schema: [{ type: "string" }],
    messages: { found: "<{{name}}> in {{namespace}}." },
  },
  create(context) {
    const [name] = context.options as [string];
    return {
      XmlElement(node: XmlElement) {
        if (node.name !== name) return;
        context.report({ node, messageId: "found", data: { name, namespace: String(node.namespaceURI) } });
      },
    };
  },
};

/** Reports each occurrence of the option in decoded text, at its exact place in the source. */
const reportText: RuleDefinition = {
  meta: {
    type: "problem",
    schema: [{ type: "string" }],
    messages: { found: "Found {{needle}}: {{source}}" },
  },
  create(context) {
    const [needle] = context.options as [string];
    const sourceCode = (context as XmlContext).sourceCode;
    return {
      XmlText(node: XmlText) {
        for (let at = node.value.indexOf(needle); at !== -1; at = node.value.indexOf(needle, at + 1)) {
          const [start, end] = toSourceRange(node, at, at + needle.length);
          context.report({
            loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
            messageId: "found",
            data: { needle, source: sourceCode.text.slice(start, end) },
          });
        }
      },
    };
  },
};

/** Records every traversal step as `enter:Type:name` / `exit:Type:name`, and each node's ancestors. */
export const visits: string[] = [];
export const ancestry: string[] = [];
const label = (node: XmlNode): string =>
  node.type === "XmlElement" || node.type === "XmlAttribute" ? `${node.type}:${node.name}` : node.type;
const recordVisits: RuleDefinition = {
  meta: { type: "problem", messages: {} },
  create(context) {
    const sourceCode = (context as XmlContext).sourceCode;
    const enter = (node: XmlNode): void => {
      visits.push(`enter ${label(node)}`);
      if (node.type === "XmlAttribute" || node.type === "XmlText") {
        ancestry.push(`${label(node)} < ${sourceCode.getAncestors(node).map(label).join(" < ")}`);
      }
    };
    const exit = (node: XmlNode): void => {
      visits.push(`exit ${label(node)}`);
    };
    const visitor: Record<string, (node: XmlNode) => void> = {};
    for (const type of Object.keys(xmlLanguage.visitorKeys)) {
      visitor[type] = enter;
      visitor[`${type}:exit`] = exit;
    }
    return visitor;
  },
};

export const plugin = {
  meta: { namespace: "campaign-ims" },
  languages: { xml: xmlLanguage },
  rules: {
    "no-x": reportElementsNamed("x"),
    "no-y": reportElementsNamed("y"),
    "report-element": reportElement,
    "report-text": reportText,
    "record-visits": recordVisits,
  },
};

export type Rules = Linter.RulesRecord;

/** Lints `code` as `file.xml` with the given rules (default: no-x and no-y as errors). */
export function lint(
  code: string,
  rules: Rules = { "campaign-ims/no-x": "error", "campaign-ims/no-y": "error" },
  extra: Partial<Linter.Config> = {},
): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    code,
    [
      {
        files: ["**/*.xml"],
        plugins: { "campaign-ims": plugin as never },
        language: "campaign-ims/xml",
        rules,
        ...extra,
      },
    ],
    "file.xml",
  );
}

/** The parts of a message the tests compare. */
export const brief = (message: Linter.LintMessage) => ({
  ruleId: message.ruleId,
  severity: message.severity,
  message: message.message,
  line: message.line,
  column: message.column,
  endLine: message.endLine,
  endColumn: message.endColumn,
});
