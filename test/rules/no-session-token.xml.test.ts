import type { RuleTester as RuleTesterType } from "eslint";
import rule from "../../rules/no-session-token.js";
import { languageRuleTester } from "../support/rule-tester.js";
import { textAt as at } from "../support/positions.js";
import { fixture, lines } from "../support/fixtures.js";

const ruleTester = await languageRuleTester("xml");

type TestError = RuleTesterType.TestCaseError;


const error = (messageId: string, code: string, needle: string, { nth = 0, suggestions = [] as RuleTesterType.SuggestionOutput[] } = {}): TestError => ({
  messageId,
  ...at(code, needle, nth),
  suggestions,
});

const removeSoapHeader = (output: string): RuleTesterType.SuggestionOutput => ({ messageId: "removeSoapHeader", output });

// The legacy push-event template: a security token in the SOAP header, a login/password as session token.
const PUSH_EVENT = fixture("legacy-repo/soap/push-event.xml");

const HEADER_AND_BODY = lines(
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:nms:rtEvent">`,
  `  <soapenv:Header>`,
  `    <X-Session-Token>___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90</X-Session-Token>`,
  `    <__sessiontoken>{{sessionToken}}</__sessiontoken>`,
  `    <Cookie>__sessiontoken=___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90; lang=en</Cookie>`,
  `  </soapenv:Header>`,
  `  <soapenv:Body>`,
  `    <urn:PushEvent>`,
  `      <urn:sessiontoken>`,
  `        $1`,
  `      </urn:sessiontoken>`,
  `    </urn:PushEvent>`,
  `  </soapenv:Body>`,
  `</soapenv:Envelope>`,
);

const CDATA_VALUE = `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken><![CDATA[mc/mc]]></urn:sessiontoken></urn:PushEvent>`;

// Workflow JavaScript with the envelope escaped: the value maps back through `&lt;` / `&gt;`.
const WORKFLOW_ESCAPED = lines(
  `<workflow internalName="WKF12">`,
  `  <activities><js name="js1"><script>var body = '&lt;urn:sessiontoken&gt;mc/Camp41gn!&lt;/urn:sessiontoken&gt;';`,
  `var url = "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp?a=1&amp;__sessiontoken=" + token;</script></js></activities>`,
  `</workflow>`,
);

// Raw JavaScript in CDATA building the element around a variable: reported, but the quotes and
// `+` around the value are code, so nothing is cut out.
const WORKFLOW_CDATA = lines(
  `<workflow>`,
  `  <js><script><![CDATA[`,
  `var body = '<urn:sessiontoken>' + session + '</urn:sessiontoken>';`,
  `http.header["Cookie"] = "__sessiontoken=" + session;`,
  `http.header["Other"] = "X-Security-Token: " + security;`,
  `]]></script></js>`,
  `</workflow>`,
);

// Server-side workflow JavaScript: the connection sends the tokens of a native logon.
const ADD_TOKENS = lines(
  `<workflow><activities><js name="js"><script>var cnx = new HttpSoapConnection("https://central.acme.example/nl/jsp/soaprouter.jsp", "utf-8", 0);`,
  `var r = new SoapService(cnx, "urn:xtk:session").Logon("", login, pw, &lt;param/&gt;);`,
  `cnx . addTokens(r[0], "&amp;" + r[2]);`,
  `tokenizer.addTokens([a, b]);</script></js></activities></workflow>`,
);

// WSO2 mediation: the header is named by an attribute, the URL carries the session token.
const WSO2 = lines(
  `<sequence name="pushEvent" xmlns="http://ws.apache.org/ns/synapse">`,
  `  <header name="X-Security-Token" value="@Hk3vQz9XpL2mN8rT4wY6" scope="transport"/>`,
  `  <call><endpoint><address uri="https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp?__sessiontoken=mc/mc"/></endpoint></call>`,
  `</sequence>`,
);

// A template with a missing end tag: the finding stays, without a fix (there is no end tag to keep).
const UNCLOSED = `<e xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken>abc<urn:domEvent/></e>`;

ruleTester.run("no-session-token (XML)", rule, {
  valid: [
    // Adobe's after-state: the element is there, empty.
    fixture("migrated-repo/soap/push-event.xml"),
    `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken/></urn:PushEvent>`,
    `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken></urn:sessiontoken></urn:PushEvent>`,
    lines(`<urn:PushEvent xmlns:urn="urn:nms:rtEvent">`, `  <urn:sessiontoken>`, `  </urn:sessiontoken>`, `</urn:PushEvent>`),
    `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken><!-- empty since the IMS migration --></urn:sessiontoken></urn:PushEvent>`,
    // The Logon template's empty first parameter.
    fixture("legacy-repo/soap/logon.xml"),
    // Response elements and look-alike names are not the parameter.
    `<urn:LogonResponse xmlns:urn="urn:xtk:session"><urn:pstrSessionToken>___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90</urn:pstrSessionToken></urn:LogonResponse>`,
    `<config><mysessiontoken>x</mysessiontoken><sessiontokens>y</sessiontokens></config>`,
    // X-Security-Token of another SOAP service (no Campaign context).
    lines(
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">`,
      `  <soap:Header><X-Security-Token>abc</X-Security-Token></soap:Header>`,
      `  <soap:Body><GetQuote xmlns="urn:example:quotes"/></soap:Body>`,
      `</soap:Envelope>`,
    ),
    `<header name="X-Security-Token" value="abc"/>`,
    // Prose and other parameters: no `__sessiontoken=`.
    `<doc>Campaign used to send the session token in the __sessiontoken cookie (see urn:xtk:session).</doc>`,
    `<a href="https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp?x__sessiontoken=1"/>`,
    // Comments are not requests.
    `<e xmlns:urn="urn:nms:rtEvent"><!-- <urn:sessiontoken>mc/mc</urn:sessiontoken> --><urn:sessiontoken/></e>`,
    // addTokens of another library (one argument), or with no Campaign context.
    `<js><script>var cnx = new HttpSoapConnection(url); tokenizer.addTokens([a, b]); cnx.addTokens();</script></js>`,
    `<js><script>lexer.addTokens(a, b);</script></js>`,
    // The Triggers OAuth setting despite its name.
    `<serverconf><pipelined authType="imsJwtToken" discoveryUrl="https://mc.adobe.io/acme/triggers"/></serverconf>`,
  ],
  invalid: [
    // The legacy fixture: the SOAP header element (suggestion: remove it), the filled parameter (fix: empty it).
    {
      code: PUSH_EVENT,
      output: PUSH_EVENT.replace("<urn:sessiontoken>mc/Camp41gn!</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
      errors: [
        error("securityTokenHeader", PUSH_EVENT, "X-Security-Token", {
          suggestions: [removeSoapHeader(PUSH_EVENT.replace("\n    <X-Security-Token>{{securityToken}}</X-Security-Token>", ""))],
        }),
        error("sessionTokenElement", PUSH_EVENT, "mc/Camp41gn!"),
      ],
    },
    // Header and Body, with and without prefix, `__sessiontoken`, a multi-line value (the finding is
    // on the value, the fix empties the whole content), and the Cookie SOAP header.
    {
      code: HEADER_AND_BODY,
      output: HEADER_AND_BODY.replace("<__sessiontoken>{{sessionToken}}</__sessiontoken>", "<__sessiontoken></__sessiontoken>").replace(
        "<urn:sessiontoken>\n        $1\n      </urn:sessiontoken>",
        "<urn:sessiontoken></urn:sessiontoken>",
      ),
      errors: [
        error("sessionTokenHeader", HEADER_AND_BODY, "X-Session-Token", {
          suggestions: [removeSoapHeader(HEADER_AND_BODY.replace("\n    <X-Session-Token>___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90</X-Session-Token>", ""))],
        }),
        error("sessionTokenElement", HEADER_AND_BODY, "{{sessionToken}}"),
        error("sessionTokenCookie", HEADER_AND_BODY, "__sessiontoken", { nth: 2 }),
        error("sessionTokenElement", HEADER_AND_BODY, "$1"),
      ],
    },
    // CDATA content is emptied with its delimiters.
    {
      code: CDATA_VALUE,
      output: `<urn:PushEvent xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken></urn:sessiontoken></urn:PushEvent>`,
      errors: [error("sessionTokenElement", CDATA_VALUE, "mc/mc")],
    },
    // An element child counts as a value too.
    {
      code: `<e xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken><value>x</value></urn:sessiontoken></e>`,
      output: `<e xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken></urn:sessiontoken></e>`,
      errors: [error("sessionTokenElement", `<e xmlns:urn="urn:nms:rtEvent"><urn:sessiontoken><value>x</value></urn:sessiontoken></e>`, "<value>x</value>")],
    },
    // Escaped workflow JavaScript: decoded for matching, reported and emptied at the source characters.
    {
      code: WORKFLOW_ESCAPED,
      output: WORKFLOW_ESCAPED.replace("mc/Camp41gn!", ""),
      errors: [error("sessionTokenElement", WORKFLOW_ESCAPED, "mc/Camp41gn!"), error("sessionTokenUrl", WORKFLOW_ESCAPED, "__sessiontoken")],
    },
    // Raw JavaScript in CDATA: element, cookie and header line; nothing to cut safely.
    {
      code: WORKFLOW_CDATA,
      output: null,
      errors: [
        error("sessionTokenElement", WORKFLOW_CDATA, "' + session + '"),
        error("sessionTokenCookie", WORKFLOW_CDATA, "__sessiontoken"),
        error("securityTokenHeader", WORKFLOW_CDATA, "X-Security-Token"),
      ],
    },
    // WSO2: the header named by an attribute (message only), the URL parameter.
    {
      code: WSO2,
      output: null,
      errors: [error("securityTokenHeader", WSO2, "X-Security-Token"), error("sessionTokenUrl", WSO2, "__sessiontoken")],
    },
    // addTokens with two arguments, through escapes (`&amp;` before it shifts nothing on its line).
    {
      code: ADD_TOKENS,
      output: null,
      errors: [error("addTokens", ADD_TOKENS, "addTokens")],
    },
    // A missing end tag: reported, not fixed.
    {
      code: UNCLOSED,
      languageOptions: { reportParseProblems: false },
      output: null,
      errors: [error("sessionTokenElement", UNCLOSED, "abc<urn:domEvent/>")],
    },
    // Directives: the next-line form silences only the line after it (RuleTester renames the rule, so no rule name here).
    {
      code: lines(
        `<e xmlns:urn="urn:nms:rtEvent">`,
        `  <!-- eslint-disable-next-line -->`,
        `  <urn:sessiontoken>kept</urn:sessiontoken>`,
        `  <urn:sessiontoken>reported</urn:sessiontoken>`,
        `</e>`,
      ),
      output: lines(
        `<e xmlns:urn="urn:nms:rtEvent">`,
        `  <!-- eslint-disable-next-line -->`,
        `  <urn:sessiontoken>kept</urn:sessiontoken>`,
        `  <urn:sessiontoken></urn:sessiontoken>`,
        `</e>`,
      ),
      errors: [{ messageId: "sessionTokenElement", line: 4, column: 21, endLine: 4, endColumn: 29, suggestions: [] }],
    },
    // CRLF and a BOM: positions and the fix keep the line endings.
    {
      code: `\uFEFF<e xmlns:urn="urn:nms:rtEvent">\r\n  <urn:sessiontoken>mc/mc</urn:sessiontoken>\r\n</e>\r\n`,
      output: `\uFEFF<e xmlns:urn="urn:nms:rtEvent">\r\n  <urn:sessiontoken></urn:sessiontoken>\r\n</e>\r\n`,
      errors: [{ messageId: "sessionTokenElement", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: [] }],
    },
  ],
});
