import { describe, expect, it } from "vitest";
import { maskLiteral, redact, sanitizeUrl, scrubText } from "../../src/scanner/redact.js";

const masked = (text: string): string => redact(text).text;

describe("redact", () => {
  it("masks literal arguments of SDK calls but keeps URLs, module names and credential type names", () => {
    expect(masked('const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acc.example.com", "admin", "S3cret!pw");')).toBe(
      'const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acc.example.com", "****", "****");',
    );
    expect(masked('const sdk = require("@adobe/acc-js-sdk"); import x from "@adobe/jwt-auth";')).toBe(
      'const sdk = require("@adobe/acc-js-sdk"); import x from "@adobe/jwt-auth";',
    );
    expect(masked('new sdk.Credentials("UserPassword", "mc/Pa55word", "")')).toBe('new sdk.Credentials("UserPassword", "****", "")');
  });

  it("masks secret shapes with maskSecret's type markers", () => {
    expect(masked("<urn:sessiontoken>___0a1b2c3d-1234-5678-9abc-def012345678</urn:sessiontoken>")).toBe("<urn:sessiontoken>___****</urn:sessiontoken>");
    expect(masked("X-Security-Token: @AbCdEfGhIjKlMnOpQrStUvWx12")).toBe("X-Security-Token: @****");
    expect(masked('clientSecret: "p8e-AbCdEfGh12345678",')).toBe('clientSecret: "p8e-****",');
    expect(masked('"privateKey": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----"')).toBe(
      '"privateKey": "-----BEGIN PRIVATE KEY-----****"',
    );
  });

  it("masks XML element text, assignments, headers, nlserver options and curl credentials", () => {
    expect(masked("<urn:strLogin>admin</urn:strLogin><urn:strPassword>Hunter2xx</urn:strPassword>")).toBe(
      "<urn:strLogin>****</urn:strLogin><urn:strPassword>****</urn:strPassword>",
    );
    expect(masked("export ACC_PASSWORD=Sup3rSecret ACC_SESSIONTOKEN=mc/pass1234")).toBe("export ACC_PASSWORD=**** ACC_SESSIONTOKEN=mc/****");
    expect(masked("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefg")).toBe("Authorization: Bearer ****");
    expect(masked("Cookie: __sessiontoken=mc/abc\nContent-Type: text/xml")).toBe("Cookie: ****\nContent-Type: text/xml");
    expect(masked("nlserver config -instance:prod -setimsjwtauth::Org@AdobeOrg/client/tech/p8e-ABCDEFGH12345678/LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t")).toBe(
      "nlserver config -instance:prod -setimsjwtauth::****/****/****/p8e-****/LS0t****",
    );
    expect(masked("curl -u admin:Pw0rd https://acc.example.com/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon&__sessiontoken=mc/abc")).toBe(
      "curl -u admin:**** https://acc.example.com/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon&__sessiontoken=****",
    );
  });

  it("keeps what says what the code does: booleans, SOAP names, safe attributes, placeholders, object keys", () => {
    for (const text of [
      '<securityZone name="public" allowUserPassword="true" sessionTokenOnly="true">',
      'headers: { SOAPAction: "xtk:session#Logon", "Content-Type": "text/xml; charset=utf-8" }',
      'ofUserAndPassword(url, "${user}", process.env.ACC_PASSWORD)',
      "<urn:strPassword>PASSWORD_HERE</urn:strPassword>",
      "nlserver config -setimsoauth:<ImsOrgId>/<ClientId>/<TechnicalAccountId>/<ClientSecret>",
      'const body = { "password": process.env.PW };',
    ]) {
      expect(masked(text)).toBe(text);
    }
  });

  it("masks inside multi-line and structured strings piece by piece", () => {
    const template = "const body = `<urn:Logon>\n  <urn:strLogin>op</urn:strLogin>\n  <urn:strPassword>S3cret</urn:strPassword>\n</urn:Logon>`;";
    expect(masked(template)).toBe("const body = `<urn:Logon>\n  <urn:strLogin>****</urn:strLogin>\n  <urn:strPassword>****</urn:strPassword>\n</urn:Logon>`;");
    expect(masked("const t = `Bearer ${token}`; const u = `${user}/S3cretTail`;")).toBe("const t = `Bearer ${token}`; const u = `${user}****`;");
    expect(masked('fetch(url, { body: "strLogin=op&strPassword=S3cret" })')).toBe('fetch(url, { body: "strLogin=****&strPassword=****" })');
  });

  it("maps offsets of the original text into the masked text", () => {
    const text = 'call("admin", "S3cret!", x)';
    const redaction = redact(text);
    expect(redaction.text).toBe('call("****", "****", x)');
    expect(redaction.secrets).toEqual(["admin", "S3cret!"]);
    expect([0, 5, 6, 12, 14, 23, 24].map((offset) => redaction.mapOffset(offset))).toEqual([0, 5, 6, 11, 13, 19, 20]);
  });
});

describe("maskLiteral and sanitizeUrl", () => {
  it("masks the password and query values of URLs, not the host or path", () => {
    expect(sanitizeUrl("https://ops:S3cret@acc.example.com/nl/jsp/soaprouter.jsp?__sessiontoken=abc&soapAction=x#frag")).toBe(
      "https://ops:****@acc.example.com/nl/jsp/soaprouter.jsp?__sessiontoken=****&soapAction=x#****",
    );
  });

  it("decides by the key when the code names one", () => {
    expect(maskLiteral("prod", "instance")).toEqual({ text: "prod", masked: false });
    expect(maskLiteral("prod", "password")).toEqual({ text: "****", masked: true });
    expect(maskLiteral("1234")).toEqual({ text: "****", masked: true });
  });
});

describe("scrubText", () => {
  it("masks known shapes and the values masked in the finding's source", () => {
    expect(scrubText("Token ___0a1b2c3d-1234-5678-9abc-def012345678 and key p8e-AbCdEfGh12345678 for S3cret!", ["S3cret!"])).toBe(
      "Token ___**** and key p8e-**** for ****",
    );
    // Whole tokens only: a masked "prod" does not eat "production".
    expect(scrubText("production is prod", ["prod"])).toBe("production is ****");
    // A masked key's label stays readable.
    expect(scrubText("Hard-coded private key (-----BEGIN PRIVATE KEY-----****) in privateKey")).toBe(
      "Hard-coded private key (-----BEGIN PRIVATE KEY-----****) in privateKey",
    );
  });
});
