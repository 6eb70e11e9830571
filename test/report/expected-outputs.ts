/** The exact renderings of SAMPLE (sample-result.ts), reviewed by hand. */
export const EXPECTED_TEXT = `src/a b.ts
  3:5  error  Native logon via ofUserAndPassword, "quoted", a|b  campaign-ims/no-password-logon
    3 |     cnx.ofUserAndPassword(url, "****", "****");
      |         ^^^^^^^^^^^^^^^^^

soap/logon.xml
  7:3  warn  <sessiontoken> holds __sessiontoken: =1+1  campaign-ims/no-session-token
    7 | 		<sessiontoken>___****</sessiontoken>
      | 		^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

Migration checklist
  [ ] Replace native logons with IMS technical accounts: 1 finding in 1 file (Native login/password)
  [ ] Send IMS bearer tokens instead of session and security tokens: 1 finding in 1 file (Session token)
  Operators named: admin (1)
  Endpoints named: https://acme.campaign.adobe.com (1)

2 findings (1 error, 1 warn, 0 info) in 2 files; 1 fixable, 1 with suggestions.
Scanned 11 files (20 KiB); 4 contained a Campaign keyword and were parsed. Profile recommended, 2 rules.
Not scanned: 1 default directory (node_modules, .git), 2 by .gitignore/.campaign-imsignore, 0 excluded, 0 not included.
Allowlisted: 1 finding (1 by path, 0 by operator, 0 by value).
Skipped 1 file:
  assets/blob.js  binary: NUL byte in the first 8000 bytes
1 problem:
  soap/broken.xml:2:4  parse-problem: Unclosed <urn:Logon>
`;

export const EXPECTED_CSV = [
  "ruleId,severity,category,path,line,column,endLine,endColumn,message,fingerprint,fixable,hasSuggestions,evidence,operator,endpoint",
  "campaign-ims/no-password-logon,error,native-login,src/a b.ts,3,5,3,22,\"Native logon via ofUserAndPassword, \"\"quoted\"\", a|b\",0123456789abcdef0123456789abcdef,false,true,\"cnx.ofUserAndPassword(url, \"\"****\"\", \"\"****\"\");\",admin,https://acme.campaign.adobe.com",
  "campaign-ims/no-session-token,warn,session-token,soap/logon.xml,7,3,7,40,<sessiontoken> holds __sessiontoken: =1+1,fedcba9876543210fedcba9876543210,true,false,'=<sessiontoken>___****</sessiontoken>,,",
].map((row) => `${row}\r\n`).join("");

export const EXPECTED_GITHUB = `::error file=src/a b.ts,line=3,endLine=3,col=5,endColumn=22,title=campaign-ims/no-password-logon::Native logon via ofUserAndPassword, "quoted", a|b
::warning file=soap/logon.xml,line=7,endLine=7,col=3,endColumn=40,title=campaign-ims/no-session-token::<sessiontoken> holds __sessiontoken: =1+1
::warning file=assets/blob.js,title=campaign-ims%3A skipped (binary)::NUL byte in the first 8000 bytes
::warning file=soap/broken.xml,line=2,col=4,title=campaign-ims%3A parse-problem::Unclosed <urn:Logon>
::notice title=campaign-ims::2 finding(s) (1 error, 1 warn, 0 info) in 2 file(s); 11 file(s) scanned, 1 skipped, 1 problem(s)
`;

export const EXPECTED_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="campaign-ims" tests="5" failures="2" errors="1">
  <testsuite name="campaign-ims" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="scan" classname="campaign-ims">
      <system-out>2 finding(s) (1 error, 1 warn, 0 info) in 2 file(s); 11 file(s) scanned, 4 parsed, 1 skipped, 1 problem(s)</system-out>
    </testcase>
  </testsuite>
  <testsuite name="assets/blob.js" tests="1" failures="0" errors="0" skipped="1">
    <testcase name="skipped: binary" classname="assets/blob.js">
      <skipped message="NUL byte in the first 8000 bytes"/>
    </testcase>
  </testsuite>
  <testsuite name="soap/broken.xml" tests="1" failures="0" errors="1" skipped="0">
    <testcase name="parse-problem at 2:4" classname="soap/broken.xml">
      <error message="Unclosed &lt;urn:Logon&gt;" type="parse-problem"/>
    </testcase>
  </testsuite>
  <testsuite name="soap/logon.xml" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="campaign-ims/no-session-token at 7:3" classname="soap/logon.xml">
      <failure message="&lt;sessiontoken&gt; holds __sessiontoken: =1+1" type="campaign-ims/no-session-token">soap/logon.xml:7:3 warn &lt;sessiontoken&gt; holds __sessiontoken: =1+1
=&lt;sessiontoken&gt;___****&lt;/sessiontoken&gt;</failure>
    </testcase>
  </testsuite>
  <testsuite name="src/a b.ts" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="campaign-ims/no-password-logon at 3:5" classname="src/a b.ts">
      <failure message="Native logon via ofUserAndPassword, &quot;quoted&quot;, a|b" type="campaign-ims/no-password-logon">src/a b.ts:3:5 error Native logon via ofUserAndPassword, &quot;quoted&quot;, a|b
cnx.ofUserAndPassword(url, &quot;****&quot;, &quot;****&quot;);</failure>
    </testcase>
  </testsuite>
</testsuites>
`;

export const EXPECTED_MARKDOWN = `# Legacy Adobe Campaign authentication: inventory

**2 findings** (1 error, 1 warn, 0 info) in 2 files of \`/repo\`: 11 files scanned (20 KiB), 4 parsed, profile recommended. 1 fixable automatically, 1 with suggested fixes.

## Migration checklist

- [ ] **Replace native logons with IMS technical accounts**: 1 finding in 1 file (Native login/password).  
  Create an OAuth Server-to-Server credential (technical account) for each integration in the Adobe Developer Console, add it to the Campaign product profiles it needs, and log on with its access token: ofImsBearerToken in the SDK, an Authorization: Bearer header in SOAP calls. Campaign v8 does not allow native login/password; on v7, migrate on 7.4.1 (recommended) or 7.3.5+.
- [ ] **Send IMS bearer tokens instead of session and security tokens**: 1 finding in 1 file (Session token).  
  Send the IMS access token in an Authorization: Bearer header, leave &lt;sessiontoken&gt; empty (Adobe's documented after-state), remove X-Security-Token / X-Session-Token headers and \\_\\_sessiontoken cookies, and replace ofBearerToken with ofImsBearerToken on Campaign v8.5+.

## By credential kind

| Kind | Findings | Files | Migration step |
| --- | --- | --- | --- |
| Native login/password | 1 | 1 | \`technical-account\` |
| Session token | 1 | 1 | \`bearer-header\` |

## By rule

| Rule | Kind | Findings | Files |
| --- | --- | --- | --- |
| [\`campaign-ims/no-password-logon\`](https://example.test/no-password-logon.md) | Native login/password | 1 | 1 |
| [\`campaign-ims/no-session-token\`](https://example.test/no-session-token.md) | Session token | 1 | 1 |

## By operator login

| Operator | Findings | Files | Kinds |
| --- | --- | --- | --- |
| \`admin\` | 1 | 1 | Native login/password |

## By Campaign endpoint

| Endpoint | Findings | Files | Kinds |
| --- | --- | --- | --- |
| \`https://acme.campaign.adobe.com\` | 1 | 1 | Native login/password |

## By folder

| Folder | Findings | Files | Kinds |
| --- | --- | --- | --- |
| \`soap\` | 1 | 1 | Session token |
| \`src\` | 1 | 1 | Native login/password |

## Findings

| Severity | Location | Rule | Message | Evidence |
| --- | --- | --- | --- | --- |
| error | \`src/a b.ts:3:5\` | \`campaign-ims/no-password-logon\` | Native logon via ofUserAndPassword, "quoted", a\\|b | \`cnx.ofUserAndPassword(url, "****", "****");\` |
| warn | \`soap/logon.xml:7:3\` | \`campaign-ims/no-session-token\` | &lt;sessiontoken&gt; holds \\_\\_sessiontoken: =1+1 | \`=<sessiontoken>___****</sessiontoken>\` |

## Skipped files

| File | Reason | Detail |
| --- | --- | --- |
| \`assets/blob.js\` | binary | NUL byte in the first 8000 bytes |

## Problems

| Location | Kind | Message |
| --- | --- | --- |
| \`soap/broken.xml:2:4\` | parse-problem | Unclosed &lt;urn:Logon&gt; |

_Scanned with campaign-ims 9.9.9. Not scanned: 1 default directory (node\\_modules, .git), 2 path(s) in .gitignore / .campaign-imsignore, 0 excluded, 0 not included. Allowlisted findings: 1._
`;
