/**
 * no-insecure-security-zone: `serverConf.xml` security zones that weaken authentication.
 *
 * Adobe: "each attribute with the true value reduces security" and "never set
 * allowEmptyPassword, allowUserPassword, allowSQLInjection to true". `allowUserPassword` is what
 * lets a session token be `login/password`; `sessionTokenOnly` and `allowHTTP` are lower risk but
 * still worth turning off once integrations use IMS. Turning one off can break a live
 * integration, so the change is a suggestion, never a fix.
 *
 * `allowSQLInjection` weakens SQL checks, not authentication: this product inventories legacy
 * authentication (issue 13), so it is reported only with `{ sqlInjection: true }` (on in `strict`).
 * `allowHTTP`, `sessionTokenOnly` and `allowEmptyPassword` on a zone whose `subNetwork` masks are
 * all private or loopback are Adobe's stock `lan` defaults and are not reported; on a public or
 * `*` mask, or a zone with no mask, they are. `allowUserPassword` is reported on every zone.
 */
import type { XmlAttribute, XmlElement } from "../src/languages/xml/index.js";
import { createRule } from "../src/create-rule.js";
import { INSECURE_ZONE_ATTRIBUTES, isInsecureZoneAttribute, isPrivateZone, PRIVATE_ZONE_DEFAULTS, ZONE_ELEMENTS, type InsecureZoneAttribute } from "../src/campaign/security-zone.js";

type InsecureAttribute = InsecureZoneAttribute;
type MessageIds = (typeof INSECURE_ATTRIBUTES)[InsecureAttribute] | "setFalse";
type Options = [{ sqlInjection?: boolean }];

const INSECURE_ATTRIBUTES = INSECURE_ZONE_ATTRIBUTES;
const isInsecureAttribute = isInsecureZoneAttribute;

export default createRule<MessageIds, Options>({
  name: "no-insecure-security-zone",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow serverConf.xml security zone settings that weaken Campaign authentication",
      recommended: true,
      kind: "insecure-config",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          sqlInjection: {
            type: "boolean",
            description: 'Also report allowSQLInjection="true" (SQL protection, not authentication). Default false; on in the strict config.',
          },
        },
        additionalProperties: false,
      },
    ],
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
    strictOptions: [{ sqlInjection: true }],
  },
  defaultOptions: [{ sqlInjection: false }],
  create: {
    xml(context) {
      const sqlInjection = context.options[0]?.sqlInjection === true;
      return {
        XmlElement(element: XmlElement) {
          if (!ZONE_ELEMENTS.has(element.localName)) return;
          // Adobe's stock private zones (every mask private or loopback) keep their defaults.
          const privateZone = isPrivateZone(element);
          for (const attribute of element.attributes) {
            const { name } = attribute;
            if (name === "allowSQLInjection" && !sqlInjection) continue;
            if (privateZone && PRIVATE_ZONE_DEFAULTS.has(name as InsecureAttribute)) continue;
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
