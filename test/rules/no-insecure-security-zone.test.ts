import rule from "../../rules/no-insecure-security-zone.js";
import { languageRuleTester } from "../support/rule-tester.js";

const ruleTester = await languageRuleTester("xml");

ruleTester.run("no-insecure-security-zone", rule, {
  valid: [
    '<serverConf><securityZone name="public" allowUserPassword="false" sessionTokenOnly="false" allowHTTP="false"/></serverConf>',
    '<serverConf><securityZone name="lan"><subNetwork name="a" mask="10.0.0.0/8"/></securityZone></serverConf>',
    // Not a security zone: the same attribute name elsewhere means nothing.
    '<serverConf><web allowUserPassword="true"/></serverConf>',
    // Not the value "true".
    '<securityZone allowUserPassword="yes-please"/>',
  ],
  invalid: [
    {
      code: '<serverConf>\n  <securityZone name="public" allowUserPassword="true"/>\n</serverConf>',
      errors: [
        {
          messageId: "userPassword",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 55,
          suggestions: [
            {
              messageId: "setFalse",
              data: { name: "allowUserPassword" },
              output: '<serverConf>\n  <securityZone name="public" allowUserPassword="false"/>\n</serverConf>',
            },
          ],
        },
      ],
    },
    {
      code: "<securityZone allowEmptyPassword='TRUE' allowSQLInjection=\"true\"/>",
      errors: [
        {
          messageId: "emptyPassword",
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 40,
          suggestions: [{ messageId: "setFalse", output: "<securityZone allowEmptyPassword='false' allowSQLInjection=\"true\"/>" }],
        },
        {
          messageId: "sqlInjection",
          line: 1,
          column: 41,
          endLine: 1,
          endColumn: 65,
          suggestions: [{ messageId: "setFalse", output: "<securityZone allowEmptyPassword='TRUE' allowSQLInjection=\"false\"/>" }],
        },
      ],
    },
    {
      code: '<securityZone name="z">\r\n  <subNetwork name="n" sessionTokenOnly="true" allowHTTP="true"/>\r\n</securityZone>',
      errors: [
        {
          messageId: "sessionTokenOnly",
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            { messageId: "setFalse", output: '<securityZone name="z">\r\n  <subNetwork name="n" sessionTokenOnly="false" allowHTTP="true"/>\r\n</securityZone>' },
          ],
        },
        {
          messageId: "allowHttp",
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 64,
          suggestions: [
            { messageId: "setFalse", output: '<securityZone name="z">\r\n  <subNetwork name="n" sessionTokenOnly="true" allowHTTP="false"/>\r\n</securityZone>' },
          ],
        },
      ],
    },
    {
      // A malformed file still gets its findings (the parse problem is a separate message).
      code: '<serverConf>\n<securityZone allowUserPassword="true">\n',
      errors: [
        { message: "Malformed XML (still linted): Missing end tag for <securityZone>.", line: 2, column: 1, endLine: 2, endColumn: 40 },
        { messageId: "userPassword", line: 2, column: 15, endLine: 2, endColumn: 39, suggestions: 1 },
      ],
    },
  ],
});
