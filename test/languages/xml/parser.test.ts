import { describe, expect, it } from "vitest";
import type {
  XmlAttribute,
  XmlComment,
  XmlDoctype,
  XmlDocument,
  XmlElement,
  XmlNode,
  XmlProcessingInstruction,
  XmlText,
} from "../../../src/languages/xml/index.js";
import {
  parseXml,
  parseXmlFragment,
  toSourceOffset,
  toSourceRange,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
} from "../../../src/languages/xml/index.js";

const loc = (line: number, column: number, endLine: number, endColumn: number) => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

function elements(document: XmlDocument): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlNode[] = [document];
  while (pending.length > 0) {
    const node = pending.shift()!;
    if (node.type === "XmlElement") found.push(node);
    if (node.type === "XmlDocument" || node.type === "XmlElement") pending.push(...node.children);
  }
  return found;
}

function element(document: XmlDocument, name: string): XmlElement {
  const found = elements(document).find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no <${name}>`);
  return found;
}

describe("positions of every node kind (BOM and CRLF)", () => {
  const text =
    "\uFEFF" +
    '<?xml version="1.0"?>\r\n' +
    "<!DOCTYPE a>\r\n" +
    "<!-- c -->\r\n" +
    "<a x=\"1&amp;2\" y='v'>\r\n" +
    "  t&lt;u<![CDATA[<raw>]]><?pi data?>\r\n" +
    "  <b/></a>\r\n";
  const { document, problems } = parseXml(text);

  it("is well-formed", () => {
    expect(problems).toEqual([]);
  });

  it("gives the document the whole text, BOM included", () => {
    expect(document.range).toEqual([0, 123]);
    expect(document.loc).toEqual(loc(1, 1, 7, 1));
    expect(document.children.map((child) => child.type)).toEqual([
      "XmlProcessingInstruction",
      "XmlText",
      "XmlDoctype",
      "XmlText",
      "XmlComment",
      "XmlText",
      "XmlElement",
      "XmlText",
    ]);
  });

  it("places the XML declaration after the BOM (offset 1, column 2)", () => {
    const declaration = document.children[0] as XmlProcessingInstruction;
    expect(declaration).toMatchObject({ target: "xml", data: 'version="1.0"', range: [1, 22], loc: loc(1, 2, 1, 23) });
  });

  it("places the doctype and the comment", () => {
    expect(document.children[2] as XmlDoctype).toMatchObject({
      name: "a",
      internalSubset: null,
      internalSubsetRange: null,
      range: [24, 36],
      loc: loc(2, 1, 2, 13),
    });
    expect(document.children[4] as XmlComment).toMatchObject({
      value: " c ",
      valueRange: [42, 45],
      range: [38, 48],
      loc: loc(3, 1, 3, 11),
    });
    expect(document.comments).toEqual([document.children[4]]);
  });

  it("places the element, its start tag, name, content and end tag", () => {
    const a = element(document, "a");
    expect(a.range).toEqual([50, 121]);
    expect(a.loc).toEqual(loc(4, 1, 6, 11));
    expect(a.startTagRange).toEqual([50, 71]);
    expect(a.nameRange).toEqual([51, 52]);
    expect(a.contentRange).toEqual([71, 117]);
    expect(a.endTagRange).toEqual([117, 121]);
    expect(a.selfClosing).toBe(false);
    expect(text.slice(...a.endTagRange!)).toBe("</a>");
  });

  it("places attribute names and values separately", () => {
    const [x, y] = element(document, "a").attributes as [XmlAttribute, XmlAttribute];
    expect(x).toMatchObject({
      name: "x",
      rawValue: "1&amp;2",
      value: "1&2",
      quote: '"',
      range: [53, 64],
      nameRange: [53, 54],
      valueRange: [56, 63],
      loc: loc(4, 4, 4, 15),
    });
    expect(y).toMatchObject({
      name: "y",
      rawValue: "v",
      value: "v",
      quote: "'",
      range: [65, 70],
      nameRange: [65, 66],
      valueRange: [68, 69],
      loc: loc(4, 16, 4, 21),
      referenceMap: null,
    });
  });

  it("places text, CDATA and a processing instruction inside the element", () => {
    const [text1, cdata, pi, text2, b] = element(document, "a").children;
    expect(text1 as XmlText).toMatchObject({
      cdata: false,
      raw: "\r\n  t&lt;u",
      value: "\r\n  t<u",
      range: [71, 81],
      valueRange: [71, 81],
      loc: loc(4, 22, 5, 9),
    });
    expect(cdata as XmlText).toMatchObject({
      cdata: true,
      raw: "<raw>",
      value: "<raw>",
      range: [81, 98],
      valueRange: [90, 95],
      loc: loc(5, 9, 5, 26),
      referenceMap: null,
    });
    expect(pi as XmlProcessingInstruction).toMatchObject({ target: "pi", data: "data", range: [98, 109], loc: loc(5, 26, 5, 37) });
    expect(text2 as XmlText).toMatchObject({ value: "\r\n  ", range: [109, 113], loc: loc(5, 37, 6, 3) });
    expect(b as XmlElement).toMatchObject({
      name: "b",
      selfClosing: true,
      range: [113, 117],
      startTagRange: [113, 117],
      nameRange: [114, 115],
      contentRange: null,
      endTagRange: null,
      loc: loc(6, 3, 6, 7),
    });
  });

  it("ends with the text after the root, up to the end of the file", () => {
    expect(document.children[7]).toMatchObject({ type: "XmlText", value: "\r\n", range: [121, 123], loc: loc(6, 11, 7, 1) });
  });

  it("places an attribute whose value spans lines", () => {
    const source = '<a\r\n  v="one\r\ntwo &amp; three"/>';
    const attribute = element(parseXml(source).document, "a").attributes[0]!;
    expect(attribute).toMatchObject({
      rawValue: "one\r\ntwo &amp; three",
      value: "one\r\ntwo & three",
      range: [6, 30],
      nameRange: [6, 7],
      valueRange: [9, 29],
      loc: loc(2, 3, 3, 17),
    });
    expect(toSourceOffset(attribute, attribute.value.indexOf("three"))).toBe(source.indexOf("three"));
  });

  it("counts a lone CR as a line break, like XML does", () => {
    const { document: crDocument } = parseXml("<a>\r<b/>\r</a>");
    expect(element(crDocument, "b").loc).toEqual(loc(2, 1, 2, 5));
    expect(element(crDocument, "a").endTagRange).toEqual([9, 13]);
    expect(element(crDocument, "a").loc).toEqual(loc(1, 1, 3, 5));
  });

  it("reads a doctype with an internal subset without interpreting it", () => {
    const source = '<!DOCTYPE r [\n<!ENTITY e "a>b">\n<!-- ] > -->\n]>\n<r>&e;</r>';
    const { document: withSubset, problems: subsetProblems } = parseXml(source);
    const doctype = withSubset.children[0] as XmlDoctype;
    expect(doctype.name).toBe("r");
    expect(doctype.internalSubset).toBe('\n<!ENTITY e "a>b">\n<!-- ] > -->\n');
    expect(doctype.range).toEqual([0, 47]);
    expect(doctype.internalSubsetRange).toEqual([13, 45]);
    expect(element(withSubset, "r").children[0]).toMatchObject({ value: "&e;", raw: "&e;" });
    expect(withSubset.comments).toEqual([]);
    expect(subsetProblems).toEqual([]);
  });
});

describe("namespaces", () => {
  const text = [
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:default">',
    "  <soapenv:Body>",
    '    <urn:Logon xmlns:urn="urn:xtk:session">',
    "      <urn:sessiontoken/>",
    '      <plain urn:attr="1" other="2" xml:lang="en"/>',
    '      <inner xmlns="urn:inner" xmlns:urn="urn:nms:rtEvent">',
    "        <urn:PushEvent/>",
    "        <deeper/>",
    '        <none xmlns=""/>',
    "      </inner>",
    "      <urn:strLogin/>",
    "    </urn:Logon>",
    "    <undeclared:x/>",
    "  </soapenv:Body>",
    "</soapenv:Envelope>",
  ].join("\n");
  const { document, problems } = parseXml(text);

  it("is well-formed", () => {
    expect(problems).toEqual([]);
  });

  it("resolves prefixes declared on the element itself and on ancestors", () => {
    expect(element(document, "soapenv:Envelope")).toMatchObject({
      prefix: "soapenv",
      localName: "Envelope",
      namespaceURI: "http://schemas.xmlsoap.org/soap/envelope/",
    });
    expect(element(document, "soapenv:Body").namespaceURI).toBe("http://schemas.xmlsoap.org/soap/envelope/");
    expect(element(document, "urn:Logon")).toMatchObject({ prefix: "urn", localName: "Logon", namespaceURI: "urn:xtk:session" });
    expect(element(document, "urn:sessiontoken").namespaceURI).toBe("urn:xtk:session");
    expect(element(document, "urn:strLogin").namespaceURI).toBe("urn:xtk:session");
  });

  it("resolves the default namespace for unprefixed elements, and xmlns=\"\" removes it", () => {
    expect(element(document, "plain")).toMatchObject({ prefix: null, localName: "plain", namespaceURI: "urn:default" });
    expect(element(document, "inner").namespaceURI).toBe("urn:inner");
    expect(element(document, "deeper").namespaceURI).toBe("urn:inner");
    expect(element(document, "none").namespaceURI).toBeNull();
  });

  it("applies a redefinition in a nested scope only inside that scope", () => {
    expect(element(document, "urn:PushEvent").namespaceURI).toBe("urn:nms:rtEvent");
    expect(element(document, "urn:strLogin").namespaceURI).toBe("urn:xtk:session");
  });

  it("leaves an undeclared prefix unresolved", () => {
    expect(element(document, "undeclared:x")).toMatchObject({ prefix: "undeclared", localName: "x", namespaceURI: null });
  });

  it("resolves attributes: prefixed ones by scope, unprefixed ones to none, xmlns ones to the xmlns namespace", () => {
    const [attr, other, lang] = element(document, "plain").attributes;
    expect(attr).toMatchObject({ name: "urn:attr", prefix: "urn", localName: "attr", namespaceURI: "urn:xtk:session" });
    expect(other).toMatchObject({ name: "other", prefix: null, namespaceURI: null });
    expect(lang).toMatchObject({ prefix: "xml", namespaceURI: XML_NAMESPACE });
    const declarations = element(document, "soapenv:Envelope").attributes;
    expect(declarations.map((attribute) => attribute.namespaceURI)).toEqual([XMLNS_NAMESPACE, XMLNS_NAMESPACE]);
  });

  it("exposes the declarations in scope, shared by elements that declare nothing", () => {
    const logon = element(document, "urn:Logon");
    expect({ ...logon.namespaces }).toEqual({
      xml: XML_NAMESPACE,
      soapenv: "http://schemas.xmlsoap.org/soap/envelope/",
      "": "urn:default",
      urn: "urn:xtk:session",
    });
    expect(element(document, "urn:sessiontoken").namespaces).toBe(logon.namespaces);
    expect(Object.isFrozen(logon.namespaces)).toBe(true);
    expect(element(document, "none").namespaces[""]).toBe("");
  });
});

describe("entities and offset mapping", () => {
  it("decodes the five predefined entities and character references, and nothing else", () => {
    const { document, problems } = parseXml(
      "<a v=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;\">&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&nbsp;&custom;</a>",
    );
    expect(problems).toEqual([]);
    const a = element(document, "a");
    expect(a.attributes[0]!.value).toBe("<>&\"'AB\u{1F600}");
    expect(a.children[0]).toMatchObject({ value: "<>&\"'AB&nbsp;&custom;" });
  });

  it("maps decoded offsets in escaped workflow JavaScript back to the source", () => {
    const text =
      "<script>var body = '&lt;urn:Logon xmlns:urn=&quot;urn:xtk:session&quot;&gt;';\nvar action = \"xtk:session#Logon\";</script>";
    const { document } = parseXml(text);
    const script = element(document, "script").children[0] as XmlText;
    expect(script.value).toBe("var body = '<urn:Logon xmlns:urn=\"urn:xtk:session\">';\nvar action = \"xtk:session#Logon\";");

    const logon = script.value.indexOf("<urn:Logon");
    const [start, end] = toSourceRange(script, logon, logon + "<urn:Logon".length);
    expect(text.slice(start, end)).toBe("&lt;urn:Logon");
    expect([start, end]).toEqual([20, 33]);

    const namespace = script.value.indexOf("urn:xtk:session");
    const [nsStart, nsEnd] = toSourceRange(script, namespace, namespace + "urn:xtk:session".length);
    expect(text.slice(nsStart, nsEnd)).toBe("urn:xtk:session");

    const quoted = script.value.indexOf('"urn:xtk:session">');
    expect(text.slice(...toSourceRange(script, quoted, quoted + '"urn:xtk:session">'.length))).toBe(
      "&quot;urn:xtk:session&quot;&gt;",
    );

    const action = script.value.indexOf("xtk:session#Logon");
    expect(text.slice(...toSourceRange(script, action, action + "xtk:session#Logon".length))).toBe("xtk:session#Logon");
    expect(toSourceOffset(script, action)).toBe(text.indexOf("xtk:session#Logon"));
    expect(toSourceOffset(script, script.value.length)).toBe(text.indexOf("</script>"));
  });

  it("maps attribute values, including astral characters from references", () => {
    const text = '<a v="x&#x1F600;y&amp;z"/>';
    const attribute = element(parseXml(text).document, "a").attributes[0]!;
    expect(attribute.value).toBe("x\u{1F600}y&z");
    expect(attribute.referenceMap).toEqual([1, 3, 7, 16, 4, 5, 17, 22]);
    expect(toSourceOffset(attribute, 0)).toBe(6);
    expect(toSourceOffset(attribute, 1)).toBe(7);
    expect(toSourceOffset(attribute, 2)).toBe(7);
    expect(toSourceOffset(attribute, 3)).toBe(16);
    expect(toSourceOffset(attribute, 4)).toBe(17);
    expect(toSourceOffset(attribute, 5)).toBe(22);
    expect(toSourceOffset(attribute, 6)).toBe(23);
    expect(text.slice(...toSourceRange(attribute, 3, 6))).toBe("y&amp;z");
  });

  it("keeps an undecodable character reference as written and reports it", () => {
    const { document, problems } = parseXml("<a>&#0;&#xD800;</a>");
    expect(element(document, "a").children[0]).toMatchObject({ value: "&#0;&#xD800;", referenceMap: null });
    expect(problems).toEqual([
      {
        message: 'Malformed XML (still linted): "&#0;" refers to a character XML does not allow.',
        range: [3, 7],
        loc: loc(1, 4, 1, 8),
      },
    ]);
  });
});

describe("CDATA", () => {
  it("keeps CDATA content as is, markup and entities included", () => {
    const text = "<js><![CDATA[if (a < b && c) { soap('<urn:Logon/>') } &amp;]]></js>";
    const { document, problems } = parseXml(text);
    expect(problems).toEqual([]);
    const cdata = element(document, "js").children[0] as XmlText;
    expect(cdata).toMatchObject({
      type: "XmlText",
      cdata: true,
      value: "if (a < b && c) { soap('<urn:Logon/>') } &amp;",
      range: [4, 62],
      valueRange: [13, 59],
    });
    expect(elements(document).map((candidate) => candidate.name)).toEqual(["js"]);
    const at = cdata.value.indexOf("<urn:Logon/>");
    expect(text.slice(toSourceOffset(cdata, at), toSourceOffset(cdata, at + 12))).toBe("<urn:Logon/>");
  });

  it("keeps several CDATA sections and the text between them as separate nodes", () => {
    const { document } = parseXml("<a>x<![CDATA[1]]>y<![CDATA[2]]></a>");
    expect(element(document, "a").children.map((child) => [child.type, (child as XmlText).cdata, (child as XmlText).value])).toEqual([
      ["XmlText", false, "x"],
      ["XmlText", true, "1"],
      ["XmlText", false, "y"],
      ["XmlText", true, "2"],
    ]);
  });
});

describe("parseXmlFragment", () => {
  const text = [
    "POST https://campaign.example.com/nl/jsp/soaprouter.jsp",
    "Content-Type: text/xml; charset=utf-8",
    "SOAPAction: xtk:session#Logon",
    "",
    '<urn:Logon xmlns:urn="urn:xtk:session">',
    "  <urn:sessiontoken>mc/pass</urn:sessiontoken>",
    "</urn:Logon>",
    "",
    "###",
  ].join("\r\n");
  const start = text.indexOf("<urn:Logon");
  const end = text.indexOf("\r\n\r\n###");

  it("gives positions in the whole text", () => {
    const { children, comments, problems } = parseXmlFragment(text, start, end);
    expect(problems).toEqual([]);
    expect(comments).toEqual([]);
    expect(children).toHaveLength(1);
    const logon = children[0] as XmlElement;
    expect(logon.range).toEqual([start, end]);
    expect(logon.loc).toEqual(loc(5, 1, 7, 13));
    expect(logon.namespaceURI).toBe("urn:xtk:session");
    const token = logon.children[1] as XmlElement;
    expect(token.loc).toEqual(loc(6, 3, 6, 47));
    const value = token.children[0] as XmlText;
    expect(value.value).toBe("mc/pass");
    expect(text.slice(...value.range)).toBe("mc/pass");
    expect(value.loc).toEqual(loc(6, 21, 6, 28));
  });

  it("reports a problem of the region at its place in the whole text", () => {
    const broken = text.replace("</urn:sessiontoken>", "");
    const brokenEnd = broken.indexOf("\r\n\r\n###");
    const { children, problems } = parseXmlFragment(broken, start, brokenEnd);
    expect(problems).toEqual([
      {
        message: "Malformed XML (still linted): Element has no end tag.",
        range: [start + 43, start + 61],
        loc: loc(6, 3, 6, 21),
      },
    ]);
    expect(((children[0] as XmlElement).children[1] as XmlElement).children[0]).toMatchObject({ value: "mc/pass\r\n" });
  });

  it("reads nothing outside the region", () => {
    const { children } = parseXmlFragment(text, start, start + '<urn:Logon xmlns:urn="urn:xtk:session">'.length);
    expect(children).toHaveLength(1);
    expect((children[0] as XmlElement).children).toEqual([]);
    expect((children[0] as XmlElement).range).toEqual([start, start + 39]);
  });

  it("parses several regions of one text, then other texts, each with its own lines", () => {
    const two = "<a/>\n---\n<b>\n<c/></b>";
    expect(parseXmlFragment(two, 0, 4).children[0]!.loc).toEqual(loc(1, 1, 1, 5));
    expect(parseXmlFragment(two, 9, two.length).children[0]!.loc).toEqual(loc(3, 1, 4, 9));
    const other = "\n\n<d/>";
    expect(parseXmlFragment(other, 2, 6).children[0]!.loc).toEqual(loc(3, 1, 3, 5));
    expect(parseXmlFragment(two, 9, 12).children[0]!.loc).toEqual(loc(3, 1, 3, 4));
  });

  it("gives nothing for an empty or blank region, and rejects a region outside the text", () => {
    expect(parseXmlFragment(text, start, start)).toEqual({ children: [], comments: [], problems: [] });
    expect(parseXmlFragment("a\r\n\r\n", 1, 5).problems).toEqual([]);
    expect(() => parseXmlFragment(text, -1, 3)).toThrow(RangeError);
    expect(() => parseXmlFragment(text, 5, text.length + 1)).toThrow(RangeError);
    expect(() => parseXmlFragment(text, 6, 5)).toThrow(RangeError);
  });
});
