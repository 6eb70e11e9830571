/**
 * AST of `campaign-ims/http`: `.http` / `.rest` request files as written for the VS Code REST
 * Client and the JetBrains HTTP Client.
 *
 * Every node has `range` (`[start, end)` offsets into the parsed text) and `loc` (1-based line and
 * column). Text values (`url`, header `value`, body `text`) are kept verbatim: `{{placeholders}}`
 * are not substituted.
 */
import type { SourceLocation } from "@eslint/core";
import type { XmlDocument, XmlNode } from "../xml/index.js";
import { XML_VISITOR_KEYS } from "../xml/index.js";
import type { Range } from "../text/line-index.js";

export interface HttpNodeBase {
  range: Range;
  loc: SourceLocation;
}

/** A `#` or `//` comment line. `value` is the text after the marker. */
export interface HttpComment extends HttpNodeBase {
  type: "HttpComment";
  marker: "#" | "//";
  value: string;
}

/** A file variable: `@name = value` (the value is the trimmed rest of the line, verbatim). */
export interface HttpVariable extends HttpNodeBase {
  type: "HttpVariable";
  name: string;
  nameRange: Range;
  value: string;
  valueRange: Range;
}

/** A header line `Name: value`; `value` is trimmed and may be empty. */
export interface HttpHeader extends HttpNodeBase {
  type: "HttpHeader";
  name: string;
  nameRange: Range;
  value: string;
  valueRange: Range;
}

/** A request body: the raw text between the headers and the next separator or handler. */
export interface HttpBody extends HttpNodeBase {
  type: "HttpBody";
  /** The source text of `range`, exactly (from the first non-blank character to the end of the last body line). */
  text: string;
  /** The request's `Content-Type` header value, or `null`. */
  contentType: string | null;
  /** Content-Type mentions `xml`, or the body starts with `<` (and is not a `< file` include). */
  isXml: boolean;
  /**
   * An XML body analysed as XML (`null` when `isXml` is false): the `campaign-ims/xml` nodes,
   * under an `XmlDocument` whose `range` is the body's range; every range and `loc` refers to the
   * whole `.http` text, so XML visitors (`XmlElement`, `XmlText`, …) report exact positions.
   */
  xml: XmlDocument | null;
}

/** A JetBrains `{% … %}` script: a pre-request script (`< {% … %}`) or a response handler (`> {% … %}`). */
export interface HttpScript extends HttpNodeBase {
  type: "HttpScript";
  kind: "pre-request" | "response-handler";
  /** The code between `{%` and `%}`. */
  code: string;
  codeRange: Range;
}

/**
 * A line that names a file instead of holding content:
 * `< ./body.xml` / `<@ ./body.xml` (body include, REST Client and JetBrains), `< ./pre.js` before the
 * request line (pre-request script), `> ./handler.js` (response handler), `>> out.json` /
 * `>>! out.json` (response output), `<> ./previous.json` (response reference).
 */
export interface HttpFileReference extends HttpNodeBase {
  type: "HttpFileReference";
  kind: "body" | "pre-request-script" | "response-handler" | "response-output" | "response-reference";
  /** The operator as written: `<`, `<@`, `<@latin1`, `>`, `>>`, `>>!`, `<>`. */
  operator: string;
  path: string;
  pathRange: Range;
}

/**
 * One request: from its request line to the end of its last part. A block between separators
 * with no request line (only comments and variables) produces no request.
 */
export interface HttpRequest extends HttpNodeBase {
  type: "HttpRequest";
  /** From `### name` or a `# @name name` / `// @name name` comment; `null` if unnamed. */
  name: string | null;
  /** The method as written; `"GET"` for a bare URL line. */
  method: string;
  /** `null` for a bare URL line. */
  methodRange: Range | null;
  /**
   * The URL, verbatim; multi-line URLs (REST Client `?`/`&` continuation lines, JetBrains
   * indented continuation lines) are joined with each line trimmed.
   */
  url: string;
  /** From the URL's first character to the end of its last line (continuation lines included). */
  urlRange: Range;
  /** `HTTP/1.1` etc. if given. */
  httpVersion: string | null;
  httpVersionRange: Range | null;
  headers: HttpHeader[];
  body: HttpBody | null;
  scripts: HttpScript[];
  fileReferences: HttpFileReference[];
  /**
   * Where a new header goes: the end of the last header line's content (or of the request line
   * when there are no headers), before its line break. Insert `lineEnding + "Name: value"` here.
   */
  headerInsertOffset: number;
  /** The line break to use when inserting lines into this request. */
  lineEnding: string;
}

export interface HttpDocument extends HttpNodeBase {
  type: "HttpDocument";
  requests: HttpRequest[];
  variables: HttpVariable[];
  comments: HttpComment[];
  /** The file's first line break, after any Markdown directive lines (`"\n"` when it has none). */
  lineEnding: string;
}

export type HttpNode =
  | HttpDocument
  | HttpRequest
  | HttpHeader
  | HttpBody
  | HttpVariable
  | HttpComment
  | HttpScript
  | HttpFileReference;

/** Any node a traversal of an `.http` file visits: HTTP nodes and the XML nodes of XML bodies. */
export type HttpAnyNode = HttpNode | XmlNode;

/** Visitor keys of the HTTP nodes (children are visited in source order). */
export const httpVisitorKeys: Record<HttpNode["type"], string[]> = {
  HttpDocument: ["variables", "requests", "comments"],
  HttpRequest: ["headers", "body", "scripts", "fileReferences"],
  HttpBody: ["xml"],
  HttpHeader: [],
  HttpVariable: [],
  HttpComment: [],
  HttpScript: [],
  HttpFileReference: [],
};

/** Visitor keys of every node in an `.http` AST: the HTTP nodes and the XML language's nodes. */
export const httpLanguageVisitorKeys: Record<string, string[]> = {
  ...Object.fromEntries(Object.entries(XML_VISITOR_KEYS).map(([type, keys]) => [type, [...keys]])),
  ...httpVisitorKeys,
};
