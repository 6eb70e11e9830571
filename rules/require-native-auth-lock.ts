/**
 * require-native-auth-lock: the Campaign v7.4.1 switches that lock native (non-IMS)
 * authentication, checked in `serverConf.xml` (strict config only: an instance that has not
 * finished its IMS migration cannot turn them on yet).
 *
 * The expected block, with Adobe's four default operators:
 *   <serverConf><shared><imsConfig>
 *     <nonIMSOperatorMgmtInClientConsole nonIMSOperatorMgmtInClientConsoleRestricted="true"/>
 *     <nonIMSAuthnAPI disableAPI="true">
 *       <allowOperator name="admin"/> … <allowOperator name="internal|monitoring"/>
 *     </nonIMSAuthnAPI>
 *   </imsConfig></shared></serverConf>
 */
import type { XmlElement } from "../src/languages/xml/index.js";
import { createRule } from "../src/create-rule.js";

type MessageIds =
  | "missingLock"
  | "missingApiLock"
  | "apiNotDisabled"
  | "missingConsoleLock"
  | "consoleNotRestricted"
  | "extraOperator"
  | "insertLock";

type Options = [{ allowedOperators?: string[] }];

/** Adobe's default native operators: anything beyond them is a native logon still allowed. */
export const DEFAULT_ALLOWED_OPERATORS = ["admin", "aemserver", "campaign-loginmonitor", "internal|monitoring"];

const childElements = (element: XmlElement, localName: string): XmlElement[] =>
  element.children.filter((child): child is XmlElement => child.type === "XmlElement" && child.localName === localName);

const attributeValue = (element: XmlElement, name: string): string | undefined =>
  element.attributes.find((attribute) => attribute.name === name)?.value.trim();

export default createRule<MessageIds, Options>({
  name: "require-native-auth-lock",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require the Campaign v7.4.1 imsConfig switches that lock native login/password in serverConf.xml",
      recommended: false,
      kind: "insecure-config",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allowedOperators: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Native operators allowed besides Adobe's defaults (admin, aemserver, campaign-loginmonitor, internal|monitoring).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingLock:
        "serverConf has no <imsConfig> native-auth lock: native login/password still works for every operator. After the IMS migration, add the Campaign 7.4.1 lock under <shared>.",
      missingApiLock:
        "<imsConfig> has no <nonIMSAuthnAPI disableAPI=\"true\">: native login/password logons through the API are still allowed. Add it with Adobe's default allowOperator list.",
      apiNotDisabled:
        'nonIMSAuthnAPI disableAPI is not "true": native login/password logons through the API are still allowed. Set it to "true" after the IMS migration.',
      missingConsoleLock:
        '<imsConfig> has no <nonIMSOperatorMgmtInClientConsole nonIMSOperatorMgmtInClientConsoleRestricted="true"/>: native operators can still be managed in the client console.',
      consoleNotRestricted:
        'nonIMSOperatorMgmtInClientConsoleRestricted is not "true": native operators can still be managed in the client console.',
      extraOperator:
        'Operator "{{name}}" may still log on with login/password (not one of Adobe\'s defaults). Move it to an IMS technical account, then remove it.',
      insertLock: "Add Adobe's default imsConfig lock block under <shared>.",
    },
  },
  defaultOptions: [{ allowedOperators: [] }],
  create: {
    xml(context) {
      const allowed = new Set([...DEFAULT_ALLOWED_OPERATORS, ...(context.options[0]?.allowedOperators ?? [])]);
      const { sourceCode } = context;
      const locOf = ([start, end]: [number, number]) => ({
        start: sourceCode.getLocFromIndex(start),
        end: sourceCode.getLocFromIndex(end),
      });

      return {
        XmlDocument() {
          // Only a real serverConf.xml: its root element is <serverConf>.
          const root = sourceCode.ast.children.find((child): child is XmlElement => child.type === "XmlElement");
          if (root?.name !== "serverConf") return;

          const shared = childElements(root, "shared")[0];
          const imsConfig = shared && childElements(shared, "imsConfig")[0];
          if (!imsConfig) {
            context.report({
              loc: locOf(root.nameRange),
              messageId: "missingLock",
              suggest: shared?.endTagRange
                ? [{ messageId: "insertLock", fix: (fixer) => fixer.insertTextBeforeRange(shared.endTagRange!, lockBlock(sourceCode.text, shared)) }]
                : [],
            });
            return;
          }

          const consoleLock = childElements(imsConfig, "nonIMSOperatorMgmtInClientConsole")[0];
          if (!consoleLock) {
            context.report({ loc: locOf(imsConfig.nameRange), messageId: "missingConsoleLock" });
          } else if (attributeValue(consoleLock, "nonIMSOperatorMgmtInClientConsoleRestricted") !== "true") {
            context.report({ loc: locOf(consoleLock.nameRange), messageId: "consoleNotRestricted" });
          }

          const apiLock = childElements(imsConfig, "nonIMSAuthnAPI")[0];
          if (!apiLock) {
            context.report({ loc: locOf(imsConfig.nameRange), messageId: "missingApiLock" });
            return;
          }
          const disableApi = apiLock.attributes.find((attribute) => attribute.name === "disableAPI");
          if (disableApi?.value.trim() !== "true") {
            context.report({ loc: disableApi ? disableApi.loc : locOf(apiLock.nameRange), messageId: "apiNotDisabled" });
          }
          for (const operator of childElements(apiLock, "allowOperator")) {
            const name = attributeValue(operator, "name") ?? "";
            if (!allowed.has(name)) {
              context.report({ loc: locOf(operator.startTagRange), messageId: "extraOperator", data: { name } });
            }
          }
        },
      };
    },
  },
});

/** Adobe's lock block, indented one level deeper than `<shared>`'s children. */
function lockBlock(text: string, shared: XmlElement): string {
  const lineStart = text.lastIndexOf("\n", shared.range[0]) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, shared.range[0]))?.[0] ?? "";
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const inner = `${indent}  `;
  const lines = [
    "<imsConfig>",
    '  <nonIMSOperatorMgmtInClientConsole nonIMSOperatorMgmtInClientConsoleRestricted="true"/>',
    '  <nonIMSAuthnAPI disableAPI="true">',
    ...DEFAULT_ALLOWED_OPERATORS.map((name) => `    <allowOperator name="${name}"/>`),
    "  </nonIMSAuthnAPI>",
    "</imsConfig>",
  ];
  return `  ${lines.join(`${newline}${inner}`)}${newline}${indent}`;
}
