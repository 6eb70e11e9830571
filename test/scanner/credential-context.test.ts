import { describe, expect, it } from "vitest";
import { findEndpoint, findFileEndpoint, findOperator } from "../../src/scanner/credential-context.js";

describe("operators named in code", () => {
  it("reads the login from every form the catalogue lists", () => {
    const cases: Array<[string, string | undefined]> = [
      ['ofUserAndPassword("https://acc", "admin", "pw")', "admin"],
      ["ofUserAndPassword(endpoint(), 'svc-op', secret)", "svc-op"],
      ['ofUserAndServiceToken(url, "tech-op", "==token")', "tech-op"],
      ['sdk.init("https://acc", "legacy", "pw")', "legacy"],
      ['new sdk.Credentials("UserPassword", "mc/pw", "")', "mc"],
      ['session.Logon("", "jssp-op", "pw", <param/>)', "jssp-op"],
      ["<urn:strLogin>soap-op</urn:strLogin>", "soap-op"],
      ['client.Logon({ sessiontoken: "", strLogin: "node-op", strPassword: "x" })', "node-op"],
      ["strLogin=form-op&strPassword=x", "form-op"],
      ["ACC_USER=env-op", "env-op"],
      ["curl -u curl-op:pw https://acc", "curl-op"],
      ["curl --user=curl-eq:pw https://acc", "curl-eq"],
      ["<sessiontoken>token-op/pw</sessiontoken>", "token-op"],
      ["Cookie: __sessiontoken=cookie-op/pw", "cookie-op"],
      ['ofSessionToken(url, "mc/")', "mc"],
      // Not literal, or a placeholder: nothing is guessed.
      ["ofUserAndPassword(url, user, password)", undefined],
      ['ofUserAndPassword(url, "${user}", pw)', undefined],
      ["<urn:strLogin>LOGIN_HERE</urn:strLogin>", undefined],
      ["ofSessionToken(url, token)", undefined],
      // `curl -u TOKEN:` sends an API token as the login: it names no operator.
      ["curl -u k7TokenValue: https://acc", undefined],
    ];
    expect(cases.map(([text]) => findOperator(text))).toEqual(cases.map(([, operator]) => operator));
  });
});

describe("endpoints named in code", () => {
  it("keeps the origin of the first Campaign URL, never IMS or XML namespace URLs", () => {
    expect(findEndpoint('ofUserAndPassword("https://ops:pw@acme.campaign.adobe.com:8443/nl/jsp/soaprouter.jsp?x=1", "a", "b")')).toBe(
      "https://acme.campaign.adobe.com:8443",
    );
    expect(findEndpoint('fetch("https://ims-na1.adobelogin.com/ims/exchange/jwt")')).toBeUndefined();
    expect(findEndpoint('<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">')).toBeUndefined();
    expect(findEndpoint("fetch(`https://${host}/nl/jsp/soaprouter.jsp`)")).toBeUndefined();
  });

  it("takes the file's SOAP router when the file names exactly one", () => {
    const http = "POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp\n\n<urn:Logon/>";
    expect(findFileEndpoint(http)).toBe("https://acme.campaign.adobe.com");
    expect(findFileEndpoint(`${http}\nPOST https://other.campaign.adobe.com/nl/jsp/soaprouter.jsp`)).toBeUndefined();
  });
});
