/**
 * no-insecure-security-zone: `serverConf.xml` security zones that weaken authentication.
 *
 * Adobe: "each attribute with the true value reduces security" and "never set
 * allowEmptyPassword, allowUserPassword, allowSQLInjection to true". `allowUserPassword` is what
 * lets a session token be `login/password`; `sessionTokenOnly` and `allowHTTP` are lower risk but
 * still worth turning off once integrations use IMS. Turning one off can break a live
 * integration, so the change is a suggestion, never a fix.
 */
import type { XmlAttribute, XmlElement } from "../src/languages/xml/index.js";
import { createRule } from "../src/create-rule.js";
import { INSECURE_ZONE_ATTRIBUTES, isInsecureZoneAttribute, ZONE_ELEMENTS, type InsecureZoneAttribute } from "../src/campaign/security-zone.js";

type InsecureAttribute = InsecureZoneAttribute;
type MessageIds = (typeof INSECURE_ATTRIBUTES)[InsecureAttribute] | "setFalse";

const INSECURE_ATTRIBUTES = INSECURE_ZONE_ATTRIBUTES;
const isInsecureAttribute = isInsecureZoneAttribute;

export default createRule<MessageIds, []>({
  name: "no-insecure-security-zone",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow serverConf.xml security zone settings that weaken Campaign authentication",
      recommended: true,
      kind: "insecure-config",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      userPassword:
        'allowUserPassword="true" lets a session token be "login/password", so credentials end up in URLs and proxy logs. Set it to "false" once no integration sends login/password tokens.',
      emptyPassword:
        'allowEmptyPassword="true" allows operators to log on without a password. Adobe: never set it to true.',
      sqlInjection: 'allowSQLInjection="true" disables SQL injection protection. Adobe: never set it to true.',
      sessionTokenOnly:
        'sessionTokenOnly="true" drops the security token check (CSRF exposure). Set it to "false" unless Message Center execution cells still need it.',
      allowHttp:
        'allowHTTP="true" allows logons without HTTPS. Set it to "false" once every client uses HTTPS.',
      setFalse: 'Set {{name}} to "false".',
    },
    messageLevels: { sessionTokenOnly: "warn", allowHttp: "warn" },
  },
  defaultOptions: [],
  create: {
    xml(context) {
      return {
        XmlElement(element: XmlElement) {
          if (!ZONE_ELEMENTS.has(element.localName)) return;
          for (const attribute of element.attributes) {
            const { name } = attribute;
            if (isInsecureAttribute(name) && attribute.value.trim().toLowerCase() === "true") {
              report(attribute, name);
            }
          }
        },
      };

      function report(attribute: XmlAttribute, name: InsecureAttribute): void {
        context.report({
          loc: attribute.loc,
          messageId: INSECURE_ATTRIBUTES[name],
          suggest: [
            {
              messageId: "setFalse",
              data: { name },
              fix: (fixer) => fixer.replaceTextRange(attribute.valueRange, "false"),
            },
          ],
        });
      }
    },
  },
});
