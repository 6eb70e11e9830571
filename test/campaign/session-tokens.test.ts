import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULE_KEYWORDS, findKeywords } from "../../src/campaign/keywords.js";
import { envSecretSlot } from "../../src/campaign/secrets.js";
import {
  classifyTokenHeader,
  findAddTokensCalls,
  findOpenSessionTokenTags,
  findSessionTokenElements,
  findSessionTokenParams,
  findTokenHeaderEntries,
  findTokenHeaderLines,
  findTokenTransportsInShell,
  findTokenTransportsInText,
  findTokenTransportsInXml,
  hasCampaignContext,
  isSafeShellRemoval,
  trimRange,
  usesSoapClient,
  type TextRange,
  type TokenTransport,
} from "../../src/campaign/session-tokens.js";
import { runsHttpClient } from "../../src/campaign/shell-commands.js";
import { parseShell } from "../../src/languages/shell/index.js";
import { parseXml } from "../../src/languages/xml/index.js";
import { propertyOptions } from "../support/properties.js";
import { cpuTime } from "../support/cpu-time.js";

const slice = (text: string, range: TextRange): string => text.slice(range.start, range.end);

describe("findSessionTokenElements", () => {
  it("finds a prefixed element with a value, with exact ranges", () => {
    const text = "<urn:PushEvent><urn:sessiontoken>SESSION_TOKEN</urn:sessiontoken><urn:domEvent/></urn:PushEvent>";
    const [element, ...rest] = findSessionTokenElements(text);
    expect(rest).toEqual([]);
    expect(element).toBeDefined();
    expect(element!.name).toBe("urn:sessiontoken");
    expect(element!.value).toBe("SESSION_TOKEN");
    expect(slice(text, element!.valueRange)).toBe("SESSION_TOKEN");
    expect(slice(text, element!.nameRange)).toBe("urn:sessiontoken");
    expect(slice(text, element!.element)).toBe("<urn:sessiontoken>SESSION_TOKEN</urn:sessiontoken>");
  });

  it.each([
    ["<sessiontoken>mc/mc</sessiontoken>", "sessiontoken", "mc/mc"],
    ["<__sessiontoken>___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90</__sessiontoken>", "__sessiontoken", "___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90"],
    ["<ns1:__sessiontoken>x</ns1:__sessiontoken>", "ns1:__sessiontoken", "x"],
    ['<urn:sessiontoken xsi:type="xsd:string">abc</urn:sessiontoken>', "urn:sessiontoken", "abc"],
    ['<sessiontoken a="x/>y">abc</sessiontoken>', "sessiontoken", "abc"],
    ["<urn:SessionToken>abc</urn:SessionToken >", "urn:SessionToken", "abc"],
    ["<sessiontoken> padded </sessiontoken>", "sessiontoken", " padded "],
    ["<sessiontoken>\u0001\u0001\u0001</sessiontoken>", "sessiontoken", "\u0001\u0001\u0001"],
  ])("finds %j", (text, name, value) => {
    const found = findSessionTokenElements(text);
    expect(found.map((element) => [element.name, element.value])).toEqual([[name, value]]);
    expect(slice(text, found[0]!.valueRange)).toBe(value);
  });

  it.each([
    "<urn:sessiontoken/>",
    "<urn:sessiontoken />",
    "<sessiontoken/>",
    "<urn:sessiontoken></urn:sessiontoken>",
    "<urn:sessiontoken>  \n </urn:sessiontoken>",
    "<urn:sessiontoken>unclosed",
    "<urn:pstrSessionToken>___8f0c6e2a-5d1b-4c3e-9a7f-2b6d4e8c1a90</urn:pstrSessionToken>",
    "<sessiontokens>x</sessiontokens>",
    "<mysessiontoken>x</mysessiontoken>",
    "the sessiontoken element",
    "",
  ])("ignores %j", (text) => {
    expect(findSessionTokenElements(text)).toEqual([]);
  });

  it("does not run a self-closing element into the next element's end tag", () => {
    const text = "<urn:sessiontoken /><x>1</x><urn:sessiontoken>abc</urn:sessiontoken>";
    const found = findSessionTokenElements(text);
    expect(found.map((element) => element.value)).toEqual(["abc"]);
    expect(found[0]!.element.start).toBe(text.lastIndexOf("<urn:sessiontoken>"));
  });

  it("finds several elements", () => {
    const text = "<a:sessiontoken>1</a:sessiontoken>\n<b:sessiontoken/>\n<sessiontoken>2</sessiontoken>";
    expect(findSessionTokenElements(text).map((element) => element.value)).toEqual(["1", "2"]);
  });

  it("reports value ranges that slice back to the value, whatever surrounds it", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }).filter((s) => !s.toLowerCase().includes("sessiontoken")),
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== "" && !s.includes("<")),
        fc.string({ maxLength: 20 }).filter((s) => !s.toLowerCase().includes("sessiontoken")),
        (before, value, after) => {
          const text = `${before}<urn:sessiontoken>${value}</urn:sessiontoken>${after}`;
          const found = findSessionTokenElements(text);
          expect(found).toHaveLength(1);
          expect(found[0]!.value).toBe(value);
          expect(slice(text, found[0]!.valueRange)).toBe(value);
          // Emptying the range gives Adobe's after-state.
          const fixed = text.slice(0, found[0]!.valueRange.start) + text.slice(found[0]!.valueRange.end);
          expect(findSessionTokenElements(fixed)).toEqual([]);
        },
      ),
      propertyOptions(100),
    );
  });
});

describe("findSessionTokenParams", () => {
  it("finds URL parameters after ? and &", () => {
    const text = "https://acme.campaign.adobe.com/xtk/report.jsp?__sessiontoken=mc/mc&id=3";
    const [param] = findSessionTokenParams(text);
    expect(param).toMatchObject({ context: "query", value: "mc/mc" });
    expect(slice(text, param!.nameRange)).toBe("__sessiontoken");
    expect(slice(text, param!.valueRange)).toBe("mc/mc");
    expect(findSessionTokenParams("/view?id=3&__sessiontoken=abc")[0]).toMatchObject({ context: "query", value: "abc" });
  });

  it("finds cookie values", () => {
    expect(findSessionTokenParams("__sessiontoken=___abc; Path=/")).toMatchObject([{ context: "cookie", value: "___abc" }]);
    expect(findSessionTokenParams("lang=en; __sessiontoken=xyz")).toMatchObject([{ context: "cookie", value: "xyz" }]);
    expect(findSessionTokenParams("Cookie: __SessionToken=xyz")).toMatchObject([{ context: "cookie", value: "xyz" }]);
  });

  it("returns an empty value when the value is appended later", () => {
    const [param] = findSessionTokenParams("__sessiontoken=");
    expect(param).toMatchObject({ context: "cookie", value: "", valueRange: { start: 15, end: 15 } });
  });

  it.each(["x__sessiontoken=1", "my-__sessiontoken=1", "__sessiontoken", "sessiontoken=abc", "__sessiontokens=1"])("ignores %j", (text) => {
    expect(findSessionTokenParams(text)).toEqual([]);
  });
});

describe("classifyTokenHeader", () => {
  it.each([
    ["X-Security-Token", "security-token"],
    ["x-security-token", "security-token"],
    [" X-SECURITY-TOKEN ", "security-token"],
    ["X-Session-Token", "session-token"],
    ["x-session-token", "session-token"],
  ])("%j carries a %s", (name, kind) => {
    expect(classifyTokenHeader(name)).toBe(kind);
  });

  it.each(["X-Amz-Security-Token", "x-amz-security-token", "Cookie", "Authorization", "X-Security-Tokens", "Security-Token", ""])(
    "%j carries no Campaign token",
    (name) => {
      expect(classifyTokenHeader(name)).toBeUndefined();
    },
  );
});

describe("findTokenHeaderLines", () => {
  it("finds header lines with their values", () => {
    const text = 'curl -H "X-Security-Token: @abc" -H "x-session-token:mc/mc" https://x';
    const found = findTokenHeaderLines(text);
    expect(found.map((line) => [line.kind, line.name, line.value])).toEqual([
      ["security-token", "X-Security-Token", "@abc"],
      ["session-token", "x-session-token", "mc/mc"],
    ]);
    expect(slice(text, found[0]!.nameRange)).toBe("X-Security-Token");
    expect(slice(text, found[1]!.valueRange)).toBe("mc/mc");
  });

  it("stops at the end of the line and trims trailing spaces", () => {
    const text = "POST /nl/jsp/soaprouter.jsp\r\nX-Session-Token: ___1  \r\nContent-Type: text/xml";
    expect(findTokenHeaderLines(text).map((line) => line.value)).toEqual(["___1"]);
  });

  it.each(["X-Amz-Security-Token: abc", "the X-Security-Token header", "MyX-Security-Token: a"])("ignores %j", (text) => {
    expect(findTokenHeaderLines(text)).toEqual([]);
  });
});

describe("hasCampaignContext", () => {
  it.each([
    'import sdk from "@adobe/acc-js-sdk";',
    "document.accSDK",
    "https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp",
    'xmlns:urn="urn:xtk:session"',
    'xmlns:urn="urn:nms:rtEvent"',
    "SOAPAction: nms:rtEvent#PushEvent",
    '"xtk:session#Logon"',
    "xtk:session/Logon",
    "__sessiontoken=",
    "<urn:sessiontoken/>",
    "new HttpSoapConnection(url)",
    "new SoapService(cnx, 'urn:xtk:session')",
    'var req = new HttpClientRequest(vars.remoteUrl);',
    "NL.ExecutionInstance.logonRemote(url, login, password)",
  ])("%j is Campaign context", (text) => {
    expect(hasCampaignContext(text)).toBe(true);
  });

  it.each([
    'const headers = { "X-Security-Token": token };',
    "https://sts.amazonaws.com/",
    "const sessionToken = crypto.randomUUID();",
    "mailto:nms@example.com",
    "",
  ])("%j is not Campaign context", (text) => {
    expect(hasCampaignContext(text)).toBe(false);
  });
});

describe("trimRange", () => {
  it.each<[string, TextRange, TextRange]>([
    ["  ab  ", { start: 0, end: 6 }, { start: 2, end: 4 }],
    ["x\n\tab\r\n", { start: 1, end: 6 }, { start: 3, end: 5 }],
    ["   ", { start: 0, end: 3 }, { start: 3, end: 3 }],
    ["", { start: 0, end: 0 }, { start: 0, end: 0 }],
  ])("%j %j → %j", (text, range, trimmed) => {
    expect(trimRange(text, range)).toEqual(trimmed);
  });
});

describe("findTokenHeaderEntries", () => {
  it("finds PowerShell hashtable entries, quoted or not, with the value without quotes", () => {
    const text = `@{ "X-Security-Token" = "@abc"; X-Session-Token = $t; 'x-security-token'='q' }`;
    expect(findTokenHeaderEntries(text).map((entry) => [entry.kind, slice(text, entry.nameRange), slice(text, entry.valueRange)])).toEqual([
      ["security-token", "X-Security-Token", "@abc"],
      ["session-token", "X-Session-Token", "$t"],
      ["security-token", "x-security-token", "q"],
    ]);
  });

  it.each([`@{ "X-Amz-Security-Token" = "a" }`, `X-Security-Token: a`, `MyX-Security-Token = a`])("ignores %j", (text) => {
    expect(findTokenHeaderEntries(text)).toEqual([]);
  });
});

describe("findTokenTransportsInText", () => {
  it("finds elements (on the trimmed value, with the whole content), cookies, URLs and header lines, in order", () => {
    const text = `X-Security-Token: a\nCookie: __sessiontoken=b\nGET /nl/jsp/soaprouter.jsp?x=1&__sessiontoken=c\n<urn:sessiontoken> d </urn:sessiontoken>`;
    const found = findTokenTransportsInText(text, { headerLines: true });
    expect(found.map((t) => [t.kind, t.token, t.name, slice(text, t.report), slice(text, t.valueRange)])).toEqual([
      ["header", "security-token", "X-Security-Token", "X-Security-Token", "a"],
      ["cookie", "session-token", "__sessiontoken", "__sessiontoken", "b"],
      ["url", "session-token", "__sessiontoken", "__sessiontoken", "c"],
      ["element", "session-token", "urn:sessiontoken", "d", "d"],
    ]);
    expect(slice(text, found[3]!.content!)).toBe(" d ");
  });

  it("leaves header lines out unless asked, and entries unless asked too", () => {
    expect(findTokenTransportsInText("X-Security-Token: a", { headerLines: false })).toEqual([]);
    expect(findTokenTransportsInText(`"X-Security-Token" = "a"`, { headerLines: true })).toEqual([]);
    expect(findTokenTransportsInText(`"X-Security-Token" = "a"`, { headerLines: true, headerEntries: true })).toHaveLength(1);
  });
});

/** Each transport as `[kind, reported source, value source or null, emptied source or null]`. */
const describeTransports = (text: string, found: readonly TokenTransport[]) =>
  found.map((t) => [t.kind, text.slice(t.start, t.end), t.value === undefined ? null : text.slice(t.value.start, t.value.end), t.empty === undefined ? null : text.slice(...t.empty)]);

describe("findTokenTransportsInXml", () => {
  const transports = (text: string, campaignContext = true) => describeTransports(text, findTokenTransportsInXml(parseXml(text).document.children, { campaignContext }));

  it("maps decoded values back to the source and keeps code out of literals", () => {
    const text = `<js>var a = '&lt;sessiontoken&gt;mc/&amp;x&lt;/sessiontoken&gt;'; var b = "&lt;sessiontoken&gt;" + t + "&lt;/sessiontoken&gt;";</js>`;
    expect(transports(text)).toEqual([
      ["element", "mc/&amp;x", "mc/&amp;x", "mc/&amp;x"],
      ["element", `" + t + "`, null, null],
    ]);
  });

  it("gives SOAP header elements their element, value and name, only with Campaign context", () => {
    const text = `<h><X-Security-Token> @abc </X-Security-Token></h>`;
    expect(transports(text)).toEqual([["header", "X-Security-Token", "@abc", null]]);
    expect(transports(text, false)).toEqual([]);
    const [header] = findTokenTransportsInXml(parseXml(text).document.children, { campaignContext: true });
    expect(header?.element?.localName).toBe("X-Security-Token");
  });

  it("does not look inside a reported element", () => {
    expect(transports(`<sessiontoken>__sessiontoken=abc</sessiontoken>`)).toEqual([["element", "__sessiontoken=abc", "__sessiontoken=abc", "__sessiontoken=abc"]]);
  });
});

describe("findTokenTransportsInShell", () => {
  const transports = (text: string, dialect: Parameters<typeof parseShell>[1] = "sh") =>
    describeTransports(text, findTokenTransportsInShell(parseShell(text, dialect).ast, text, { campaignContext: true }));

  it("searches HTTP client commands, assignments and here-documents, not other commands", () => {
    const text = [
      `echo '__sessiontoken=a'`,
      `sudo curl -b '__sessiontoken=b' https://h/nl/jsp/soaprouter.jsp`,
      `COOKIE="__sessiontoken=c"`,
      `cat <<EOF > body.xml`,
      `<sessiontoken>d</sessiontoken>`,
      `EOF`,
    ].join("\n");
    expect(transports(text)).toEqual([
      ["cookie", "__sessiontoken", "b", null],
      ["cookie", "__sessiontoken", "c", null],
      ["element", "d", "d", "d"],
    ]);
  });

  it("reports settings on the name, with a value only when it is literal", () => {
    expect(transports(`ACC_SESSIONTOKEN=a/b\nACC_SECURITY_TOKEN="$X"\nACC_SESSION_TOKEN=`, "env")).toEqual([
      ["setting", "ACC_SESSIONTOKEN", "a/b", null],
      ["setting", "ACC_SECURITY_TOKEN", null, null],
    ]);
  });

  it("does not empty a value whose cut would unbalance quotes", () => {
    expect(transports(`curl --data '<sessiontoken>a'"b"'</sessiontoken>' u`)).toEqual([["element", `a'"b`, `a'"b`, null]]);
  });
});

describe("runsHttpClient", () => {
  it.each([
    ["curl -s u", "sh"],
    ["/usr/bin/curl u", "sh"],
    ["sudo -E timeout 30 curl u", "sh"],
    ["wget --header='X: y' u", "sh"],
    ["http POST u", "sh"],
    ["Invoke-RestMethod -Uri u", "powershell"],
    ["$r = Invoke-WebRequest -Uri u", "powershell"],
    ["curl.exe -s u", "batch"],
  ] as const)("%j runs a client", (text, dialect) => {
    expect(runsHttpClient(parseShell(text, dialect).ast.commands[0]!)).toBe(true);
  });

  it.each(["echo curl", "grep curl f", "sudo rm -rf x", "curly u"])("%j does not", (text) => {
    expect(runsHttpClient(parseShell(text, "sh").ast.commands[0]!)).toBe(false);
  });
});

describe("isSafeShellRemoval", () => {
  it.each<[string, boolean]>([
    ["abc", true],
    ["a\\\"b", true],
    ["a'b", false],
    [`a"b`, false],
    ["a`b", false],
  ])("%j → %s", (text, safe) => {
    expect(isSafeShellRemoval(text, [0, text.length])).toBe(safe);
  });
});

describe("settings and the keyword gate", () => {
  // no-session-token reports these settings by name: each must pass the rule's keyword gate.
  it.each(["ACC_SESSIONTOKEN", "ACC_SESSION_TOKEN", "acc_sessionToken", "ACC_SECURITYTOKEN", "ACC_SECURITY_TOKEN"])("%s", (name) => {
    const slot = envSecretSlot(name);
    expect(slot === "session-token" || slot === "security-token").toBe(true);
    const found = findKeywords(`${name}=x`);
    expect(RULE_KEYWORDS["no-session-token"].some((keyword) => found.has(keyword.toLowerCase()))).toBe(true);
  });
});

describe("findSessionTokenElements on hostile text", () => {
  it("scans a text of 200 000 unclosed start tags once per name (quadratic work would time out)", () => {
    expect(findSessionTokenElements("<sessiontoken>x".repeat(200_000))).toEqual([]);
  });

  it("keeps offsets aligned after characters whose lower case is longer", () => {
    const text = "\u0130\u0130<urn:SessionToken>ab</URN:SESSIONTOKEN>";
    const [element] = findSessionTokenElements(text);
    expect(slice(text, element!.valueRange)).toBe("ab");
  });
});

describe("linear on hostile text (quadratic work would time out)", () => {
  const N = 100_000;
  it.each<[string, (text: string) => unknown[], string]>([
    ["repeated cookie names without separators", findSessionTokenParams, "__sessiontoken=".repeat(N)],
    ["repeated header names on one line", findTokenHeaderLines, "X-Security-Token: ".repeat(N)],
    ["start tags without `>`", findSessionTokenElements, "<sessiontoken a=1 ".repeat(N)],
    ["unclosed addTokens calls", findAddTokensCalls, "cnx.addTokens(".repeat(N)],
  ])("%s", (_name, find, text) => {
    expect(cpuTime(() => find(text)).cpuMs).toBeLessThan(5_000);
  });
});

describe("findAddTokensCalls", () => {
  it("finds calls with two or more top-level arguments, on the method name", () => {
    const text = `cnx.addTokens(r[0], r[2]); c . addTokens ( f(a, b), "x,y" ); t.addTokens([a, b]); t.addTokens(); addTokens(a, b); t.addTokens("a,b")`;
    expect(findAddTokensCalls(text).map((range) => [range.start, slice(text, range)])).toEqual([
      [4, "addTokens"],
      [text.indexOf("addTokens ("), "addTokens"],
    ]);
  });
});


describe("sessiontoken elements of other vendors", () => {
  it("leaves out a prefix the text binds only to another vendor's namespace", () => {
    const vendor = `<s:Envelope xmlns:lx="http://api.lexvendor.example/v2"><lx:sessiontoken>LX-1</lx:sessiontoken></s:Envelope>`;
    expect(findSessionTokenElements(vendor)).toEqual([]);
    const campaign = vendor.replace("http://api.lexvendor.example/v2", "urn:nms:rtEvent");
    expect(findSessionTokenElements(campaign).map((element) => element.value)).toEqual(["LX-1"]);
    // A default namespace of another vendor, and one of Campaign's.
    expect(findSessionTokenElements(`<Search xmlns="http://api.lexvendor.example/v2"><sessiontoken>LX-1</sessiontoken></Search>`)).toEqual([]);
    expect(findSessionTokenElements(`<PushEvent xmlns="urn:nms:rtEvent"><sessiontoken>___1</sessiontoken></PushEvent>`).map((element) => element.value)).toEqual(["___1"]);
    // Unbound (a fragment): Campaign's by default.
    expect(findSessionTokenElements("<lx:sessiontoken>LX-1</lx:sessiontoken>").map((element) => element.value)).toEqual(["LX-1"]);
  });

  it("XML: an element in another vendor's namespace is not a transport; in a Campaign one it is", () => {
    const transports = (text: string) => findTokenTransportsInXml(parseXml(text).document.children, { campaignContext: true }).map((transport) => transport.kind);
    expect(transports(`<e xmlns:lx="http://api.lexvendor.example/v2"><lx:sessiontoken>LX-1</lx:sessiontoken></e>`)).toEqual([]);
    expect(transports(`<e xmlns="http://api.lexvendor.example/v2"><sessiontoken>LX-1</sessiontoken></e>`)).toEqual([]);
    expect(transports(`<e xmlns:u="urn:xtk:queryDef"><u:sessiontoken>___1</u:sessiontoken></e>`)).toEqual(["element"]);
    expect(transports(`<e xmlns="http://schemas.xmlsoap.org/soap/envelope/"><sessiontoken>___1</sessiontoken></e>`)).toEqual(["element"]);
  });
});

describe("findOpenSessionTokenTags", () => {
  it("finds the start tag whose content the text does not close", () => {
    const text = `<urn:PushEvent><urn:sessiontoken>`;
    expect(findOpenSessionTokenTags(text)).toEqual([{ name: "urn:sessiontoken", nameRange: { start: 16, end: 32 }, contentStart: text.length }]);
    expect(findOpenSessionTokenTags(`<sessiontoken>abc</sessiontoken><sessiontoken/>`)).toEqual([]);
    expect(findOpenSessionTokenTags(`<x xmlns:lx="http://lx.example"><lx:sessiontoken>`)).toEqual([]);
  });
});

describe("usesSoapClient", () => {
  it("recognises Node SOAP client imports only", () => {
    for (const text of [`const soap = require('soap');`, `import soap from "soap";`, `import { createClientAsync } from 'strong-soap'`, `await import("soap")`]) {
      expect(usesSoapClient(text), text).toBe(true);
    }
    for (const text of [`const soap = require('./soap');`, `import x from "soap-ui-helper";`, `// uses soap`, `redis.createClient()`]) {
      expect(usesSoapClient(text), text).toBe(false);
    }
  });
});
