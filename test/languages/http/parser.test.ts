import { describe, expect, it } from "vitest";
import type { HttpRequest } from "../../../src/languages/http/index.js";
import { parse, rangeOf, spanOf } from "./support.js";

const only = (requests: HttpRequest[]): HttpRequest => {
  expect(requests).toHaveLength(1);
  return requests[0] as HttpRequest;
};

describe("HTTP request files: structure and positions", () => {
  it("parses a request line, headers and a body with exact ranges", () => {
    const text = [
      "POST https://acc.example.com/nl/jsp/soaprouter.jsp HTTP/1.1",
      "Content-Type: application/json",
      "X-Session-Token:   ___abc  ",
      "",
      '{ "a": 1 }',
      "",
    ].join("\n");
    const { ast, problems, counts } = parse(text);
    expect(problems).toEqual([]);
    expect(counts).toEqual({ HttpDocument: 1, HttpRequest: 1, HttpHeader: 2, HttpBody: 1 });
    expect(ast).toMatchObject({ type: "HttpDocument", lineEnding: "\n", range: [0, text.length], variables: [], comments: [] });
    const request = only(ast.requests);
    expect(request).toMatchObject({
      type: "HttpRequest",
      name: null,
      method: "POST",
      methodRange: [0, 4],
      url: "https://acc.example.com/nl/jsp/soaprouter.jsp",
      urlRange: [5, 50],
      httpVersion: "HTTP/1.1",
      httpVersionRange: [51, 59],
      scripts: [],
      fileReferences: [],
      range: [0, rangeOf(text, '{ "a": 1 }')[1]],
      loc: { start: { line: 1, column: 1 }, end: { line: 5, column: 11 } },
    });
    expect(request.headers).toEqual([
      {
        type: "HttpHeader",
        name: "Content-Type",
        nameRange: rangeOf(text, "Content-Type"),
        value: "application/json",
        valueRange: rangeOf(text, "application/json"),
        ...spanOf(text, "Content-Type: application/json"),
      },
      {
        type: "HttpHeader",
        name: "X-Session-Token",
        nameRange: rangeOf(text, "X-Session-Token"),
        value: "___abc",
        valueRange: rangeOf(text, "___abc"),
        ...spanOf(text, "X-Session-Token:   ___abc"),
      },
    ]);
    expect(request.body).toEqual({
      type: "HttpBody",
      text: '{ "a": 1 }',
      contentType: "application/json",
      isXml: false,
      xml: null,
      ...spanOf(text, '{ "a": 1 }'),
    });
    expect(request.headerInsertOffset).toBe(rangeOf(text, "___abc  ")[1]);
    expect(request.lineEnding).toBe("\n");
  });

  it("reads a bare URL line as GET, and method names in any case it knows", () => {
    const { ast } = parse("{{host}}/r/test\n\n###\npost {{host}}/x\n\n###\nPROPFIND /dav\n");
    expect(ast.requests.map((r) => [r.method, r.methodRange, r.url])).toEqual([
      ["GET", null, "{{host}}/r/test"],
      ["post", [21, 25], "{{host}}/x"],
      ["PROPFIND", [42, 50], "/dav"],
    ]);
  });

  it("joins REST Client ?/& continuation lines and JetBrains indented ones into the URL", () => {
    const text = [
      "GET https://acc/nl/jsp/soaprouter.jsp",
      "    ?soapAction=xtk%3Asession%23Logon",
      "    &__sessiontoken={{token}} HTTP/1.1",
      "Accept: */*",
      "",
      "###",
      "GET https://acc",
      "    /nl/jsp",
      "    /soaprouter.jsp",
      "",
    ].join("\n");
    const { ast } = parse(text);
    const [first, second] = ast.requests;
    expect(first).toMatchObject({
      url: "https://acc/nl/jsp/soaprouter.jsp?soapAction=xtk%3Asession%23Logon&__sessiontoken={{token}}",
      urlRange: [rangeOf(text, "https://acc/nl")[0], rangeOf(text, "{{token}}")[1]],
      httpVersion: "HTTP/1.1",
      httpVersionRange: rangeOf(text, "HTTP/1.1"),
      headerInsertOffset: rangeOf(text, "Accept: */*")[1],
    });
    expect(first?.headers.map((h) => h.name)).toEqual(["Accept"]);
    expect(second).toMatchObject({ url: "https://acc/nl/jsp/soaprouter.jsp", headers: [], body: null });
    expect(second?.loc).toEqual({ start: { line: 7, column: 1 }, end: { line: 9, column: 20 } });
  });

  it("splits at ### separators, names requests from the separator or # @name, and keeps variables and placeholders", () => {
    const text = [
      "@host = https://acc.example.com",
      "@token={{$dotenv ACC_TOKEN}}",
      "",
      "### Logon as admin",
      "POST {{host}}/nl/jsp/soaprouter.jsp",
      "",
      "#### ",
      "# @name refresh",
      "// @no-redirect",
      "@inner = 1",
      "GET {{host}}/r/{{inner}}",
      "",
    ].join("\n");
    const { ast } = parse(text);
    expect(ast.requests.map((r) => [r.name, r.method, r.url])).toEqual([
      ["Logon as admin", "POST", "{{host}}/nl/jsp/soaprouter.jsp"],
      ["refresh", "GET", "{{host}}/r/{{inner}}"],
    ]);
    const variable = (line: string, name: string, value: string) => {
      const [start] = rangeOf(text, line);
      const valueStart = start + line.length - value.length;
      return {
        type: "HttpVariable",
        name,
        nameRange: [start + 1, start + 1 + name.length],
        value,
        valueRange: [valueStart, valueStart + value.length],
        ...spanOf(text, line),
      };
    };
    expect(ast.variables).toEqual([
      variable("@host = https://acc.example.com", "host", "https://acc.example.com"),
      variable("@token={{$dotenv ACC_TOKEN}}", "token", "{{$dotenv ACC_TOKEN}}"),
      variable("@inner = 1", "inner", "1"),
    ]);
    expect(ast.comments.map((c) => [c.marker, c.value])).toEqual([
      ["#", " @name refresh"],
      ["//", " @no-redirect"],
    ]);
  });

  it("keeps # and // lines in the header section as comments, a body's inner lines as body, and trailing comment lines as comments", () => {
    const text = [
      "POST /x",
      "# before a header",
      "Content-Type: text/plain",
      "// after a header",
      "",
      "line one",
      "# not a comment inside the body",
      "line three",
      "",
      "# eslint-disable-next-line campaign-ims/no-session-token",
      "// another trailing comment",
      "###",
      "GET /y",
      "",
    ].join("\n");
    const { ast } = parse(text);
    expect(ast.requests[0]?.body?.text).toBe("line one\n# not a comment inside the body\nline three");
    expect(ast.comments.map((c) => [c.marker, c.value, c.loc.start.line])).toEqual([
      ["#", " before a header", 2],
      ["//", " after a header", 4],
      ["#", " eslint-disable-next-line campaign-ims/no-session-token", 10],
      ["//", " another trailing comment", 11],
    ]);
  });

  it("starts the body at a line that is not a header even without the blank line", () => {
    const text = "POST /x\nContent-Type: text/xml\n<a>1</a>\n";
    const { ast } = parse(text);
    expect(ast.requests[0]?.headers.map((h) => h.name)).toEqual(["Content-Type"]);
    expect(ast.requests[0]?.body).toMatchObject({ text: "<a>1</a>", isXml: true, ...spanOf(text, "<a>1</a>") });
  });

  it("recognises JetBrains file includes, scripts, response handlers and outputs, and keeps them out of the body", () => {
    const text = [
      "< {% request.variables.set('t', '1') %}",
      "< ./pre-request.js",
      "POST /nl/jsp/soaprouter.jsp",
      "Content-Type: text/xml",
      "",
      "< ./logon-envelope.xml",
      "",
      "> {%",
      "  client.global.set('session', response.body);",
      "%}",
      "> ./handlers/store.js",
      ">> ./out/response.xml",
      ">>! ./out/overwrite.xml",
      "<> ./previous/2024-01-01T000000.200.xml",
      "###",
      "POST /x",
      "",
      "<@latin1 ./body.txt",
      "",
    ].join("\n");
    const { ast, problems } = parse(text);
    expect(problems).toEqual([]);
    const [first, second] = ast.requests;
    expect(first?.body).toBeNull();
    expect(first?.scripts.map((s) => [s.kind, s.code, s.codeRange, s.range])).toEqual([
      ["pre-request", " request.variables.set('t', '1') ", rangeOf(text, " request.variables.set('t', '1') "), rangeOf(text, "< {% request.variables.set('t', '1') %}")],
      [
        "response-handler",
        "\n  client.global.set('session', response.body);\n",
        rangeOf(text, "\n  client.global.set('session', response.body);\n"),
        rangeOf(text, "> {%\n  client.global.set('session', response.body);\n%}"),
      ],
    ]);
    expect(first?.fileReferences.map((f) => [f.kind, f.operator, f.path, text.slice(...f.pathRange)])).toEqual([
      ["pre-request-script", "<", "./pre-request.js", "./pre-request.js"],
      ["body", "<", "./logon-envelope.xml", "./logon-envelope.xml"],
      ["response-handler", ">", "./handlers/store.js", "./handlers/store.js"],
      ["response-output", ">>", "./out/response.xml", "./out/response.xml"],
      ["response-output", ">>!", "./out/overwrite.xml", "./out/overwrite.xml"],
      ["response-reference", "<>", "./previous/2024-01-01T000000.200.xml", "./previous/2024-01-01T000000.200.xml"],
    ]);
    // The request's range starts at its pre-request script.
    expect(first?.range).toEqual([0, rangeOf(text, ".200.xml")[1]]);
    expect(second?.fileReferences.map((f) => [f.kind, f.operator, f.path])).toEqual([["body", "<@latin1", "./body.txt"]]);
    expect(second?.body).toBeNull();
  });

  it("reports an unterminated {% script and still parses the next request", () => {
    const text = "GET /a\n\n> {%\n  client.log(1)\n###\nGET /b\n";
    const { ast, problems } = parse(text);
    expect(problems.map((p) => [p.message, p.range])).toEqual([['Unterminated response handler: no "%}" closes "{%".', [10, 12]]]);
    expect(ast.requests.map((r) => r.url)).toEqual(["/a", "/b"]);
    expect(ast.requests[0]?.scripts[0]).toMatchObject({ code: "\n  client.log(1)", range: [8, 28] });
  });

  it("gives the header insertion point: after the last header, or after the request line", () => {
    const text = "GET /a\r\nAccept: */*\r\n\r\n###\r\nGET /b\r\n\r\n###\r\nGET /c";
    const { ast } = parse(text);
    expect(ast.lineEnding).toBe("\r\n");
    expect(ast.requests.map((r) => [r.headerInsertOffset, r.lineEnding])).toEqual([
      [rangeOf(text, "Accept: */*")[1], "\r\n"],
      [rangeOf(text, "GET /b")[1], "\r\n"],
      [text.length, "\r\n"],
    ]);
  });

  it("counts CRLF as one line break and skips a BOM when called directly", () => {
    const text = "\uFEFFPOST /x\r\nX-Security-Token: @tok\r\n\r\n<a/>\r\n";
    const { ast } = parse(text);
    const request = only(ast.requests);
    expect(request.methodRange).toEqual([1, 5]);
    expect(request.loc.start).toEqual({ line: 1, column: 2 });
    expect(request.headers[0]).toMatchObject({ value: "@tok", loc: { start: { line: 2, column: 1 }, end: { line: 2, column: 23 } } });
    expect(request.body).toMatchObject({ text: "<a/>", loc: { start: { line: 4, column: 1 }, end: { line: 4, column: 5 } } });
  });

  it("produces no request for blocks with only comments and variables, or an empty file", () => {
    expect(parse("").ast).toMatchObject({ requests: [], range: [0, 0], loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
    expect(parse("# just a comment\n@v = 1\n###\n\n").ast.requests).toEqual([]);
  });
});
