import rule from "../../rules/require-native-auth-lock.js";
import { languageRuleTester } from "../support/rule-tester.js";

const ruleTester = await languageRuleTester("xml");

const LOCKED = `<serverConf>
  <shared>
    <imsConfig>
      <nonIMSOperatorMgmtInClientConsole nonIMSOperatorMgmtInClientConsoleRestricted="true"/>
      <nonIMSAuthnAPI disableAPI="true">
        <allowOperator name="admin"/>
        <allowOperator name="aemserver"/>
        <allowOperator name="campaign-loginmonitor"/>
        <allowOperator name="internal|monitoring"/>
      </nonIMSAuthnAPI>
    </imsConfig>
  </shared>
</serverConf>`;

ruleTester.run("require-native-auth-lock", rule, {
  valid: [
    LOCKED,
    // Not a serverConf root: config-<instance>.xml and other XML are never checked.
    "<serverconf><shared/></serverconf>",
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>',
    // An extra operator the user keeps on purpose.
    {
      code: LOCKED.replace('<allowOperator name="admin"/>', '<allowOperator name="admin"/><allowOperator name="probe"/>'),
      options: [{ allowedOperators: ["probe"] }],
    },
  ],
  invalid: [
    {
      code: "<serverConf>\n  <shared>\n    <dataStore hosts=\"*\"/>\n  </shared>\n</serverConf>\n",
      errors: [
        {
          messageId: "missingLock",
          line: 1,
          column: 2,
          endLine: 1,
          endColumn: 12,
          suggestions: [
            {
              messageId: "insertLock",
              output: `<serverConf>
  <shared>
    <dataStore hosts="*"/>
    <imsConfig>
      <nonIMSOperatorMgmtInClientConsole nonIMSOperatorMgmtInClientConsoleRestricted="true"/>
      <nonIMSAuthnAPI disableAPI="true">
        <allowOperator name="admin"/>
        <allowOperator name="aemserver"/>
        <allowOperator name="campaign-loginmonitor"/>
        <allowOperator name="internal|monitoring"/>
      </nonIMSAuthnAPI>
    </imsConfig>
  </shared>
</serverConf>
`,
            },
          ],
        },
      ],
    },
    {
      // No <shared> to insert into: the finding has no suggestion.
      code: "<serverConf/>",
      errors: [{ messageId: "missingLock", line: 1, column: 2, endLine: 1, endColumn: 12, suggestions: [] }],
    },
    {
      code: LOCKED.replace('disableAPI="true"', 'disableAPI="false"').replace(
        '<allowOperator name="admin"/>',
        '<allowOperator name="admin"/><allowOperator name="svc_orders"/>',
      ),
      errors: [
        { messageId: "apiNotDisabled", line: 5, column: 23, endLine: 5, endColumn: 41 },
        { messageId: "extraOperator", data: { name: "svc_orders" }, line: 6, column: 38, endLine: 6, endColumn: 72 },
      ],
    },
    {
      code: "<serverConf><shared><imsConfig>\n<nonIMSOperatorMgmtInClientConsole/>\n</imsConfig></shared></serverConf>",
      errors: [
        { messageId: "missingApiLock", line: 1, column: 22, endLine: 1, endColumn: 31 },
        { messageId: "consoleNotRestricted", line: 2, column: 2, endLine: 2, endColumn: 35 },
      ],
    },
    {
      code: "<serverConf><shared><imsConfig><nonIMSAuthnAPI/></imsConfig></shared></serverConf>",
      errors: [
        { messageId: "missingConsoleLock", line: 1, column: 22, endLine: 1, endColumn: 31 },
        { messageId: "apiNotDisabled", line: 1, column: 33, endLine: 1, endColumn: 47 },
      ],
    },
  ],
});
