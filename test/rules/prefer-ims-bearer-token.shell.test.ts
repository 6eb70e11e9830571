import { readFileSync } from "node:fs";
import rule from "../../rules/prefer-ims-bearer-token.js";
import { languageRuleTester } from "../support/rule-tester.js";

const ruleTester = await languageRuleTester("shell");

const lines = (...text: string[]): string => text.join("\n");
const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

/** Line and column (1-based) of `[offset, offset + length)` in `code`, counted independently of the rule. */
function span(code: string, offset: number, length: number) {
  const position = (index: number) => {
    const before = code.slice(0, index).split(/\r\n|\r|\n/u);
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = position(offset);
  const end = position(offset + length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Where the `nth` occurrence of `needle` is: the exact span a finding must cover (its first
 * `length` characters when given: `"Logon("` locates the call, the finding is `Logon`).
 */
function at(code: string, needle: string, { nth = 0, length = needle.length }: { nth?: number; length?: number } = {}) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = code.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" #${nth} is not in the code`);
  }
  return span(code, offset, length);
}

/** A finding without fix or suggestions (the only kind these languages give). */
const error = (messageId: string, code: string, needle: string, where: { nth?: number; length?: number } = {}) => ({
  messageId,
  ...at(code, needle, where),
  suggestions: [],
});

const CURL = lines(
  `curl -s "$ACC_URL/nl/jsp/soaprouter.jsp" \\`,
  `  -H "SOAPAction: xtk:session#BearerTokenLogon" \\`,
  `  --data-raw "<urn:BearerTokenLogon xmlns:urn='urn:xtk:session'><urn:bearerToken>$TOKEN</urn:bearerToken></urn:BearerTokenLogon>"`,
);

const POWERSHELL = lines(
  `$session = Invoke-RestMethod -Uri $url -Method Post -Headers @{ SOAPAction = 'xtk:session#BearerTokenLogon' } -Body $body`,
);

const ENV = `ACC_LOGON_ACTION=xtk:session#BearerTokenLogon`;

ruleTester.run("prefer-ims-bearer-token (shell)", rule, {
  valid: [
    { code: fixture("legacy-repo/scripts/setup-ims.sh"), filename: "setup-ims.sh" },
    { code: `grep -rn 'xtk:session#BearerTokenLogon' .`, filename: "find.sh" },
    { code: `curl -H "Authorization: Bearer $IMS_TOKEN" -H 'SOAPAction: nms:rtEvent#PushEvent' "$URL" # no BearerTokenLogon`, filename: "push.sh" },
  ],
  invalid: [
    {
      code: CURL,
      filename: "bearer.sh",
      errors: [{ messageId: "bearerTokenLogonAction", line: 2, column: 19, endLine: 2, endColumn: 47, suggestions: [] }],
      output: null,
    },
    { code: POWERSHELL, filename: "bearer.ps1", errors: [error("bearerTokenLogonAction", POWERSHELL, "xtk:session#BearerTokenLogon")], output: null },
    { code: ENV, filename: ".env", errors: [error("bearerTokenLogonAction", ENV, "xtk:session#BearerTokenLogon")], output: null },
  ],
});
