import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-session-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("shell");

type TestError = RuleTesterType.TestCaseError;


const error = (messageId: string, code: string, needle: string, nth = 0): TestError => ({ messageId, ...at(code, needle, nth), suggestions: [] });

const ROUTER = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp";

// curl: token headers, cookies (-b, --cookie, a Cookie header), a URL parameter, a --data body.
const CURL = lines(
  `#!/usr/bin/env bash`,
  `curl -s -X POST "${ROUTER}" \\`,
  `  -H 'X-Security-Token: @Hk3vQz9XpL2mN8rT4wY6' \\`,
  `  --header "X-Session-Token: $SESSION" \\`,
  `  -H "Cookie: lang=en; __sessiontoken=$SESSION" \\`,
  `  --data '<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken>mc/Camp41gn!</urn:sessiontoken></urn:PushEvent>'`,
  `curl -b '__sessiontoken=mc/mc' --cookie "__sessiontoken=\${TOKEN}" "${ROUTER}?__sessiontoken=abc"`,
);

// The value spliced in between quotes: the cut stays inside the double quotes.
const SPLICED = `curl --data '<sessiontoken>'"$TOKEN"'</sessiontoken>' ${ROUTER}`;
// The value spans two quoted parts: cutting it would unbalance the quotes, so no fix.
const ACROSS_QUOTES = `curl --data '<sessiontoken>mc/'"pass"'</sessiontoken>' ${ROUTER}`;

// A body written by a here-document, then posted.
const HEREDOC = lines(`cat > body.xml <<EOF`, `<urn:sessiontoken>$SESSION</urn:sessiontoken>`, `EOF`, `curl --data @body.xml ${ROUTER}`);

// Settings: .env, Dockerfile ENV/ARG, PowerShell.
const ENV = lines(`ACC_URL=https://acme.campaign.adobe.com`, `ACC_SESSIONTOKEN=svc_orders/Orders-2024-Secret`, `export ACC_SECURITY_TOKEN='@Hk3vQz9XpL2mN8rT4wY6'`, `ACC_SESSION_TOKEN=`);
const DOCKERFILE = lines(`FROM node:20-slim`, `ARG ACC_SESSIONTOKEN`, `ENV ACC_SESSIONTOKEN=$ACC_SESSIONTOKEN ACC_URL=https://acme.campaign.adobe.com`, `RUN curl -b "__sessiontoken=$ACC_SESSIONTOKEN" ${ROUTER}`);
const POWERSHELL = lines(
  `$env:ACC_SESSIONTOKEN = "mc/mc"`,
  `$headers = @{ "X-Security-Token" = "@Hk3vQz9XpL2mN8rT4wY6"; SOAPAction = "nms:rtEvent#PushEvent" }`,
  `Invoke-RestMethod -Uri "${ROUTER}" -Method Post -Headers @{ Cookie = "__sessiontoken=$token" }`,
);

const WORKFLOW = fixture("legacy-repo/.github/workflows/deploy.yml");

ruleTester.run("no-session-token (shell)", rule, {
  valid: [
    // The migrated demo script: Authorization: Bearer, no token.
    { filename: "setup-ims.sh", code: fixture("migrated-repo/scripts/setup-ims.sh") },
    { filename: ".env.example", code: fixture("migrated-repo/.env.example") },
    // Empty elements are Adobe's after-state.
    { filename: "push.sh", code: `curl --data '<urn:sessiontoken/><urn:sessiontoken></urn:sessiontoken>' ${ROUTER}` },
    // Arguments of commands that send nothing, and comments.
    { filename: "audit.sh", code: lines(`# curl -b '__sessiontoken=mc/mc' ${ROUTER}`, `grep -r '__sessiontoken=' src/`, `echo "X-Security-Token: x" ${ROUTER}`) },
    // Another product's token header (no Campaign context).
    { filename: "api.sh", code: `curl -H "X-Security-Token: $TOKEN" https://api.example.com/v1/orders` },
    // Settings without a value, and other names.
    { filename: ".env", code: lines(`ACC_SESSIONTOKEN=`, `ACC_USER=svc_orders`, `SESSION_TOKEN_TTL=3600`) },
  ],
  invalid: [
    {
      filename: "push.sh",
      code: CURL,
      output: CURL.replace("mc/Camp41gn!", ""),
      errors: [
        error("securityTokenHeader", CURL, "X-Security-Token"),
        error("sessionTokenHeader", CURL, "X-Session-Token"),
        error("sessionTokenCookie", CURL, "__sessiontoken"),
        error("sessionTokenElement", CURL, "mc/Camp41gn!"),
        error("sessionTokenCookie", CURL, "__sessiontoken", 1),
        error("sessionTokenCookie", CURL, "__sessiontoken", 2),
        error("sessionTokenUrl", CURL, "__sessiontoken", 3),
      ],
    },
    {
      filename: "push.sh",
      code: SPLICED,
      output: `curl --data '<sessiontoken>'""'</sessiontoken>' ${ROUTER}`,
      errors: [error("sessionTokenElement", SPLICED, "$TOKEN")],
    },
    {
      filename: "push.sh",
      code: ACROSS_QUOTES,
      output: null,
      errors: [error("sessionTokenElement", ACROSS_QUOTES, `mc/'"pass`)],
    },
    {
      filename: "push.sh",
      code: HEREDOC,
      output: HEREDOC.replace("$SESSION", ""),
      errors: [error("sessionTokenElement", HEREDOC, "$SESSION")],
    },
    {
      filename: ".env",
      code: ENV,
      output: null,
      errors: [error("sessionTokenSetting", ENV, "ACC_SESSIONTOKEN"), error("sessionTokenSetting", ENV, "ACC_SECURITY_TOKEN")],
    },
    {
      filename: "Dockerfile",
      code: DOCKERFILE,
      output: null,
      errors: [error("sessionTokenSetting", DOCKERFILE, "ACC_SESSIONTOKEN", 1), error("sessionTokenCookie", DOCKERFILE, "__sessiontoken")],
    },
    {
      filename: "push.ps1",
      code: POWERSHELL,
      output: null,
      errors: [
        error("sessionTokenSetting", POWERSHELL, "ACC_SESSIONTOKEN"),
        error("securityTokenHeader", POWERSHELL, "X-Security-Token"),
        error("sessionTokenCookie", POWERSHELL, "__sessiontoken"),
      ],
    },
    // The legacy demo workflow: the smoke test sends X-Session-Token.
    {
      filename: ".github/workflows/deploy.yml",
      code: WORKFLOW,
      output: null,
      errors: [error("sessionTokenHeader", WORKFLOW, "X-Session-Token")],
    },
  ],
});
