import rule from "../../rules/no-password-logon.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { errorAt as error } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("shell");


const ENVELOPE = `<urn:Logon xmlns:urn="urn:xtk:session"><urn:strLogin>admin</urn:strLogin><urn:strPassword>$PASSWORD</urn:strPassword></urn:Logon>`;

// Header and inline body across continuation lines: one command, one finding (the header).
const CURL = lines(
  `curl -s -X POST "$ACC_URL/nl/jsp/soaprouter.jsp" \\`,
  `  -H 'Content-Type: text/xml' \\`,
  `  -H 'SOAPAction: xtk:session#Logon' \\`,
  `  --data '${ENVELOPE}'`,
);

// Each spelling of the header argument, one command each.
const HEADER_FORMS = lines(
  `curl -H"SOAPAction: xtk:session#Logon" "$URL"`,
  `curl --header 'SOAPAction: "xtk:session#Logon"' "$URL"`,
  `curl --header="SOAPAction:xtk:session#Logon" "$URL"`,
  `curl -H SOAPAction:\ xtk:session#Logon "$URL"`,
  `/usr/bin/curl -H "SOAPAction: xtk:session/Logon" "$URL"`,
  `sudo timeout 30 curl "$URL/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon"`,
  `wget --header='SOAPAction: xtk:session#Logon' --post-file=logon.xml "$URL"`,
  `http POST "$URL" SOAPAction:xtk:session#Logon < logon.xml`,
);

// The header split by a continuation inside its quotes: the report spans the source. (The file
// must contain the keyword "logon" somewhere for the rule to run at all: here the comment.)
const SPLIT = lines(`# logon`, `curl -H "SOAPAction: xtk:session#Lo\\`, `gon" "$URL"`);

// Bodies: inline (each data option), a here-document, a pipe from echo.
const BODIES = lines(
  `curl -d '${ENVELOPE}' "$URL"`,
  `curl --data-raw '${ENVELOPE}' "$URL"`,
  `curl --data-binary "<Logon xmlns=\\"urn:xtk:session\\"/>" "$URL"`,
  `curl --data-binary @- "$URL" <<'XML'`,
  ENVELOPE,
  `XML`,
  `echo '${ENVELOPE}' | curl -d @- "$URL"`,
);

// Configuration a call uses, and a template written by a here-document.
const CONFIG = lines(
  `SOAP_ACTION="xtk:session#Logon"`,
  `curl -H "SOAPAction: $SOAP_ACTION" "$URL"`,
  `cat > logon.xml <<EOF`,
  ENVELOPE,
  `EOF`,
  `session=$(curl -s -H 'SOAPAction: xtk:session#Logon' -d @logon.xml "$URL")`,
  `echo "$(curl -s -H 'SOAPAction: xtk:session#Logon' -d @logon.xml "$URL")"`,
);

const POWERSHELL = lines(
  `Invoke-WebRequest -Uri $url -Method Post -Headers @{ SOAPAction = "xtk:session#Logon"; "Content-Type" = "text/xml" } -Body $body`,
  `$headers = @{ "SOAPAction" = 'xtk:session#Logon' }`,
  `$r = Invoke-RestMethod -Uri "$url/nl/jsp/soaprouter.jsp" -Method Post -Body '<urn:Logon xmlns:urn="urn:xtk:session"/>'`,
  `irm $url -Headers @{`,
  `  SOAPAction = 'xtk:session#Logon'`,
  `}`,
  `curl.exe -H "SOAPAction: xtk:session#Logon" $url`,
);

const BATCH = lines(`@echo off`, `curl -H "SOAPAction: xtk:session#Logon" -d @logon.xml %ACC_URL%`);

const DOCKERFILE = lines(`FROM alpine`, `RUN curl -fsS -H 'SOAPAction: xtk:session#Logon' \\`, `      -d @/logon.xml "$ACC_URL"`);

const MAKEFILE = lines(`logon:`, `\tcurl -H 'SOAPAction: xtk:session#Logon' -d @logon.xml $(ACC_URL)`);

const WORKFLOW = lines(
  `on: push`,
  `jobs:`,
  `  logon:`,
  `    runs-on: ubuntu-latest`,
  `    steps:`,
  `      - run: |`,
  `          curl -H 'SOAPAction: xtk:session#Logon' \\`,
  `            -d @logon.xml "$ACC_URL"`,
);

// Here-strings, wrappers and the PowerShell call operator.
const MORE_FORMS = lines(
  `curl -d @- "$URL" <<< '<urn:Logon xmlns:urn="urn:xtk:session"/>'`,
  `env HTTPS_PROXY=http://proxy:3128 curl -H 'SOAPAction: xtk:session#Logon' "$URL"`,
  `cat <<< "<Logon xmlns='urn:xtk:session'/>" > logon.xml`,
);
const CALL_OPERATOR = `& "C:\\Tools\\curl.exe" -H "SOAPAction: xtk:session#Logon" $url`;
const DOCKER_ENV = lines(`FROM alpine`, `ENV LOGON_ACTION=xtk:session#Logon`, `ARG BODY='<urn:Logon xmlns:urn="urn:xtk:session"/>'`);
// In Make `#` starts a comment even in a value: `\#` is how a Makefile writes the action.
const MAKE_VARIABLE = lines(`LOGON_ACTION := xtk:session\\#Logon`, `logon:`, `\tcurl -H "SOAPAction: $(LOGON_ACTION)" $(URL)`);
const BATCH_SET = lines(`set "ACTION=xtk:session#Logon"`, `curl -H "SOAPAction: %ACTION%" %URL%`);

const ENV = lines(`ACC_URL=https://acc.example.com`, `ACC_LOGON_ACTION=xtk:session#Logon`);
const PROPERTIES = lines(`campaign.url=https://acc.example.com`, `campaign.soapAction = xtk:session#Logon`);

const SETUP = fixture("legacy-repo/scripts/setup-ims.sh");

ruleTester.run("no-password-logon (shell)", rule, {
  valid: [
    // The migrated script and another action with a bearer token.
    { code: fixture("migrated-repo/scripts/setup-ims.sh"), filename: "setup-ims.sh" },
    {
      code: `curl -H 'SOAPAction: nms:rtEvent#PushEvent' -H "Authorization: Bearer $IMS_TOKEN" -d @push.xml "$URL"`,
      filename: "push.sh",
    },
    // Searching for the legacy pattern, logging about it, commenting it: not calls.
    {
      code: lines(
        `# Old scripts sent -H 'SOAPAction: xtk:session#Logon'`,
        `grep -rn 'xtk:session#Logon' src/`,
        `rg -l "<urn:Logon" templates/`,
        `echo "xtk:session#Logon is no longer allowed"`,
        `sed -i 's/xtk:session#Logon/nms:rtEvent#PushEvent/' requests.http`,
      ),
      filename: "migrate.sh",
    },
    // Other methods, other namespaces, Windows logon.
    {
      code: lines(
        `curl -H 'SOAPAction: xtk:session#Logoff' "$URL"`,
        `curl -d '<e xmlns:urn="urn:nms:rtEvent"><urn:Logon/></e>' "$URL"`,
        `curl -d '<urn:Logon/>' "$URL"`,
        `LOGON_SERVER=dc01.example.com`,
      ),
      filename: "other.sh",
    },
    // BearerTokenLogon belongs to prefer-ims-bearer-token.
    { code: `curl -H 'SOAPAction: xtk:session#BearerTokenLogon' "$URL"`, filename: "bearer.sh" },
    { code: `Write-Host "Windows logon failed"`, filename: "setup.ps1" },
  ],
  invalid: [
    {
      code: CURL,
      filename: "logon.sh",
      errors: [{ messageId: "soapLogonAction", line: 3, column: 19, endLine: 3, endColumn: 36, suggestions: [] }],
      output: null,
    },
    {
      code: HEADER_FORMS,
      filename: "logon.sh",
      errors: [
        error("soapLogonAction", HEADER_FORMS, "xtk:session#Logon"),
        error("soapLogonAction", HEADER_FORMS, "xtk:session#Logon", { nth: 1 }),
        error("soapLogonAction", HEADER_FORMS, "xtk:session#Logon", { nth: 2 }),
        error("soapLogonAction", HEADER_FORMS, "xtk:session#Logon", { nth: 3 }),
        error("soapLogonAction", HEADER_FORMS, "xtk:session/Logon"),
        error("soapLogonAction", HEADER_FORMS, "xtk%3Asession%23Logon"),
        error("soapLogonAction", HEADER_FORMS, "xtk:session#Logon", { nth: 4 }),
        error("soapLogonAction", HEADER_FORMS, "xtk:session#Logon", { nth: 5 }),
      ],
      output: null,
    },
    {
      code: SPLIT,
      filename: "logon.sh",
      errors: [{ messageId: "soapLogonAction", line: 2, column: 22, endLine: 3, endColumn: 4, suggestions: [] }],
      output: null,
    },
    {
      code: BODIES,
      filename: "logon.sh",
      errors: [
        error("soapLogonEnvelope", BODIES, "urn:Logon"),
        error("soapLogonEnvelope", BODIES, "urn:Logon", { nth: 2 }),
        error("soapLogonEnvelope", BODIES, "Logon xmlns=", { length: 5 }),
        error("soapLogonEnvelope", BODIES, "urn:Logon", { nth: 4 }),
        error("soapLogonEnvelope", BODIES, "urn:Logon", { nth: 6 }),
      ],
      output: null,
    },
    {
      code: CONFIG,
      filename: "logon.sh",
      errors: [
        error("soapLogonAction", CONFIG, "xtk:session#Logon"),
        error("soapLogonEnvelope", CONFIG, "urn:Logon"),
        error("soapLogonAction", CONFIG, "xtk:session#Logon", { nth: 1 }),
        error("soapLogonAction", CONFIG, "xtk:session#Logon", { nth: 2 }),
      ],
      output: null,
    },
    {
      code: POWERSHELL,
      filename: "logon.ps1",
      errors: [
        error("soapLogonAction", POWERSHELL, "xtk:session#Logon"),
        error("soapLogonAction", POWERSHELL, "xtk:session#Logon", { nth: 1 }),
        error("soapLogonEnvelope", POWERSHELL, "urn:Logon"),
        error("soapLogonAction", POWERSHELL, "xtk:session#Logon", { nth: 2 }),
        error("soapLogonAction", POWERSHELL, "xtk:session#Logon", { nth: 3 }),
      ],
      output: null,
    },
    {
      code: MORE_FORMS,
      filename: "logon.sh",
      errors: [
        error("soapLogonEnvelope", MORE_FORMS, "urn:Logon"),
        error("soapLogonAction", MORE_FORMS, "xtk:session#Logon"),
        error("soapLogonEnvelope", MORE_FORMS, "Logon xmlns=", { length: 5 }),
      ],
      output: null,
    },
    { code: CALL_OPERATOR, filename: "logon.ps1", errors: [error("soapLogonAction", CALL_OPERATOR, "xtk:session#Logon")], output: null },
    {
      code: DOCKER_ENV,
      filename: "Dockerfile",
      errors: [error("soapLogonAction", DOCKER_ENV, "xtk:session#Logon"), error("soapLogonEnvelope", DOCKER_ENV, "urn:Logon")],
      output: null,
    },
    { code: MAKE_VARIABLE, filename: "Makefile", errors: [error("soapLogonAction", MAKE_VARIABLE, "xtk:session\\#Logon")], output: null },
    { code: BATCH_SET, filename: "logon.bat", errors: [error("soapLogonAction", BATCH_SET, "xtk:session#Logon")], output: null },
    { code: BATCH, filename: "logon.cmd", errors: [error("soapLogonAction", BATCH, "xtk:session#Logon")], output: null },
    { code: DOCKERFILE, filename: "Dockerfile", errors: [error("soapLogonAction", DOCKERFILE, "xtk:session#Logon")], output: null },
    { code: MAKEFILE, filename: "Makefile", errors: [error("soapLogonAction", MAKEFILE, "xtk:session#Logon")], output: null },
    {
      code: WORKFLOW,
      filename: ".github/workflows/logon.yml",
      errors: [error("soapLogonAction", WORKFLOW, "xtk:session#Logon")],
      output: null,
    },
    { code: ENV, filename: ".env", errors: [error("soapLogonAction", ENV, "xtk:session#Logon")], output: null },
    { code: PROPERTIES, filename: "campaign.properties", errors: [error("soapLogonAction", PROPERTIES, "xtk:session#Logon")], output: null },
    // CRLF line endings.
    {
      code: `#!/bin/sh\r\ncurl -H 'SOAPAction: xtk:session#Logon' \\\r\n  -d @logon.xml "$URL"\r\n`,
      filename: "crlf.sh",
      errors: [{ messageId: "soapLogonAction", line: 2, column: 22, endLine: 2, endColumn: 39, suggestions: [] }],
      output: null,
    },
    { code: SETUP, filename: "setup-ims.sh", errors: [error("soapLogonAction", SETUP, "xtk:session#Logon")], output: null },
  ],
});
