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
    // allowSQLInjection is not authentication: reported only with { sqlInjection: true }.
    '<securityZone allowSQLInjection="true"/>',
    { code: '<securityZone allowSQLInjection="true"/>', options: [{ sqlInjection: false }] },
    // Adobe's stock private zone: every mask private or loopback (RFC 1918, 127/8, ::1, fc00::/7).
    [
      '<securityZone name="lan" allowEmptyPassword="true" allowHTTP="true" sessionTokenOnly="true">',
      '  <subNetwork mask="192.168.0.0/16"/><subNetwork mask="172.16.0.0/12"/><subNetwork mask="10.1.2.3"/>',
      '  <subNetwork mask="127.0.0.1/16"/><subNetwork mask="::1/128"/><subNetwork mask="fc00::/7"/>',
      '  <subNetwork mask="10.0.0.0/255.0.0.0"/><subNetwork mask="a.b.c.d/xx"/>',
      "</securityZone>",
    ].join("\n"),
    // A subNetwork's own private mask.
    '<securityZone name="z"><subNetwork mask="10.0.0.0/8" allowHTTP="true"/></securityZone>',
  ],
  invalid: [
    // A private zone still reports allowUserPassword; the stock defaults stay quiet there.
    {
      code: '<securityZone allowHTTP="true" allowUserPassword="true"><subNetwork mask="192.168.0.0/16"/></securityZone>',
      errors: [
        {
          messageId: "userPassword",
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 56,
          suggestions: [
            {
              messageId: "setFalse",
              output: '<securityZone allowHTTP="true" allowUserPassword="false"><subNetwork mask="192.168.0.0/16"/></securityZone>',
            },
          ],
        },
      ],
    },
    // A public mask, `*`, a block wider than the private one, or a mask mix: reported.
    ...['mask="*"', 'mask="8.8.8.0/24"', 'mask="10.0.0.0/7"', 'mask="172.16.0.0/8"', 'mask="10.0.0.0/8"/><subNetwork mask="0.0.0.0/0"', 'mask="a.b.c.d/xx"'].map((mask) => ({
      code: `<securityZone allowHTTP="true"><subNetwork ${mask}/></securityZone>`,
      errors: [
        {
          messageId: "allowHttp" as const,
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 31,
          suggestions: [{ messageId: "setFalse" as const, output: `<securityZone allowHTTP="false"><subNetwork ${mask}/></securityZone>` }],
        },
      ],
    })),
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
      options: [{ sqlInjection: true }],
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
        { message: "Malformed XML (still linted): Element has no end tag.", line: 2, column: 1, endLine: 2, endColumn: 40 },
        { messageId: "userPassword", line: 2, column: 15, endLine: 2, endColumn: 39, suggestions: 1 },
      ],
    },
  ],
});
