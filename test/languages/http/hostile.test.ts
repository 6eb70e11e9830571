import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHttp } from "../../../src/languages/http/index.js";
import { parse } from "./support.js";
import { propertyOptions } from "../../support/properties.js";

describe("hostile input", () => {
  it("parses a 20 MB file of SOAP requests, XML bodies included, completely", () => {
    const request = [
      "### Logon",
      "POST {{host}}/nl/jsp/soaprouter.jsp",
      "Content-Type: text/xml",
      "SOAPAction: xtk:session#Logon",
      "X-Security-Token: {{token}}",
      "",
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">',
      "  <soapenv:Body><urn:Logon><urn:sessiontoken>___abc</urn:sessiontoken><urn:strLogin>admin</urn:strLogin></urn:Logon></soapenv:Body>",
      "</soapenv:Envelope>",
      "",
      "",
    ].join("\n");
    const copies = Math.ceil(20_000_000 / request.length);
    const text = request.repeat(copies);
    const { ast, problems } = parseHttp(text);
    expect(problems).toEqual([]);
    expect(ast.requests).toHaveLength(copies);
    expect(ast.requests.reduce((sum, r) => sum + r.headers.length, 0)).toBe(3 * copies);
    const last = ast.requests[copies - 1];
    expect(last?.body?.xml?.children[0]?.loc.start.line).toBe(10 * (copies - 1) + 7);
  });

  it("parses a 20 MB single-line body and a file of 20 MB of separators", () => {
    const body = `POST /x\n\n${"x".repeat(20_000_000)}`;
    expect(parseHttp(body).ast.requests[0]?.body?.text.length).toBe(20_000_000);
    const separators = "###\n".repeat(5_000_000);
    expect(parseHttp(separators).ast.requests).toEqual([]);
  });

  it("stays linear where a naive search would rescan the rest of the file on every request", () => {
    const requests = 100_000;
    const noColon = parseHttp("###\nGET /a\nnot a header\n".repeat(requests));
    expect(noColon.ast.requests).toHaveLength(requests);
    expect(noColon.ast.requests.every((r) => r.headers.length === 0 && r.body?.text === "not a header")).toBe(true);
    const scripts = parseHttp("###\nGET /a\n\n> {%\n".repeat(requests));
    expect(scripts.problems).toHaveLength(requests);
    expect(scripts.ast.requests).toHaveLength(requests);
  });

  it("never throws and keeps every invariant on arbitrary text", () => {
    const unit = fc.constantFrom(
      "###",
      "\n",
      "\r\n",
      "\r",
      " ",
      "\t",
      "GET ",
      "POST ",
      "/x",
      "?a=1",
      "&b",
      "HTTP/1.1",
      "Content-Type: text/xml",
      "X-A: b",
      "#",
      "//",
      "@v = 1",
      "{{v}}",
      "<",
      ">",
      "<>",
      ">>",
      "{%",
      "%}",
      "<a>",
      "</a>",
      "<!-- eslint-disable -->",
      "&amp;",
      "\uFEFF",
      ":",
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text: string) => {
        parse(text);
      }),
      propertyOptions(1500),
    );
  });
});
