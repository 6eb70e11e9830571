/**
 * `parseHttp(text)`: the parser behind `campaign-ims/http`. Line-based and linear; never throws.
 *
 * A file is split into blocks at separator lines (`###`, optionally followed by a request name).
 * In each block: comments (`#`, `//`), variables (`@name = value`) and JetBrains pre-request
 * scripts come first, then the request line (`METHOD URL [HTTP/x]`, or a bare URL meaning GET)
 * with its continuation lines, then headers up to the first blank line, then the body up to the
 * first response handler (`> {% … %}`, `> file`, `>> file`, `<> file`) or the block's end.
 * Comment lines after the last body line are comments, not body (so a directive can sit just
 * above the next `###`). The directive lines @eslint/markdown's processor puts above an `http`
 * code block are no part of the file: parsing starts after them (`HttpSourceCode` reads them as
 * directives).
 */
import type {
  HttpBody,
  HttpComment,
  HttpDocument,
  HttpFileReference,
  HttpHeader,
  HttpRequest,
  HttpScript,
  HttpVariable,
} from "./ast.js";
import { markdownDirectivesEnd } from "../markdown-directives.js";
import { parseXmlBody } from "./xml-body.js";
import type { ParseProblem } from "../text/text-source-code.js";
import { indexOfWithin, isBlank, LineIndex, type Range } from "../text/line-index.js";

export interface HttpParseResult {
  ast: HttpDocument;
  /** Recoverable problems (an unterminated `{% … %}` script); the AST is still complete. */
  problems: ParseProblem[];
}

export interface HttpParseOptions {
  lines?: LineIndex;
}

const METHOD = /^[A-Z][A-Z-]{2,}$/u;
const KNOWN_METHODS = new Set(["get", "post", "put", "delete", "patch", "head", "options", "trace", "connect"]);
const HTTP_VERSION = /^HTTP\/\d+(?:\.\d+)?$/u;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/u;
const VARIABLE = /^@([A-Za-z_][\w.-]*)[ \t]*=/u;
const XML_CONTENT_TYPE = /xml/iu;
const BODY_INCLUDE = /^<(@\w*)?[ \t]+\S/u;

interface Line {
  index: number;
  start: number;
  /** First non-blank offset (=== end when blank). */
  first: number;
  end: number;
}

export function parseHttp(text: string, options: HttpParseOptions = {}): HttpParseResult {
  const lines = options.lines ?? new LineIndex(text);
  const parser = new HttpParser(text, lines);
  return parser.parse();
}

class HttpParser {
  readonly text: string;
  readonly lines: LineIndex;
  readonly requests: HttpRequest[] = [];
  readonly variables: HttpVariable[] = [];
  readonly comments: HttpComment[] = [];
  readonly problems: ParseProblem[] = [];
  /** Where the content starts: 0, after a BOM, or after the Markdown processor's directive lines. */
  readonly start: number;
  /** The line holding `start`, where parsing begins. */
  readonly firstLine: number;
  readonly lineEnding: string;

  constructor(text: string, lines: LineIndex) {
    this.text = text;
    this.lines = lines;
    this.start = text.charCodeAt(0) === 0xfeff ? 1 : markdownDirectivesEnd(text);
    this.firstLine = lines.lineIndexOf(this.start);
    this.lineEnding = lineBreakAfter(text, lines, this.firstLine) ?? "\n";
  }

  line(index: number): Line {
    const start = index === this.firstLine ? this.start : this.lines.lineStart(index);
    const end = this.lines.lineContentEnd(index);
    let first = start;
    while (first < end && isBlank(this.text.charCodeAt(first))) first++;
    return { index, start, first, end };
  }

  parse(): HttpParseResult {
    const { lines } = this;
    let blockStart = this.firstLine;
    let name: string | null = null;
    for (let index = this.firstLine; index < lines.lineCount; index++) {
      const line = this.line(index);
      if (this.isSeparator(line)) {
        this.block(blockStart, index, name);
        let at = line.first;
        while (at < line.end && this.text.charCodeAt(at) === 35) at++;
        const title = this.text.slice(at, line.end).trim();
        name = title === "" ? null : title;
        blockStart = index + 1;
      }
    }
    this.block(blockStart, lines.lineCount, name);
    const ast: HttpDocument = {
      type: "HttpDocument",
      requests: this.requests,
      variables: this.variables,
      comments: this.comments,
      lineEnding: this.lineEnding,
      ...lines.span(0, this.text.length),
    };
    return { ast, problems: this.problems };
  }

  isSeparator(line: Line): boolean {
    return line.end - line.first >= 3 && this.text.startsWith("###", line.first);
  }

  isComment(line: Line): "#" | "//" | null {
    const code = this.text.charCodeAt(line.first);
    if (code === 35) return "#";
    if (code === 47 && this.text.charCodeAt(line.first + 1) === 47) return "//";
    return null;
  }

  pushComment(line: Line, marker: "#" | "//"): HttpComment {
    const comment: HttpComment = {
      type: "HttpComment",
      marker,
      value: this.text.slice(line.first + marker.length, line.end),
      ...this.lines.span(line.first, line.end),
    };
    this.comments.push(comment);
    return comment;
  }

  /** `> {%`, `> file`, `>> file`, `>>! file`, `<> file`: the response part of a request. */
  isResponseLine(line: Line): boolean {
    const { text } = this;
    const code = text.charCodeAt(line.first);
    const next = text.charCodeAt(line.first + 1);
    if (code === 62) return next === 62 || isBlank(next) || next === 123;
    return code === 60 && next === 62;
  }

  block(first: number, end: number, separatorName: string | null): void {
    const { text, lines } = this;
    let name = separatorName;
    const scripts: HttpScript[] = [];
    const fileReferences: HttpFileReference[] = [];
    let index = first;
    // Head: comments, variables, pre-request scripts.
    for (; index < end; index++) {
      const line = this.line(index);
      if (line.first >= line.end) continue;
      const marker = this.isComment(line);
      if (marker !== null) {
        const comment = this.pushComment(line, marker);
        const requestName = requestNameOf(comment.value);
        if (requestName !== null) name = requestName;
        continue;
      }
      if (text.charCodeAt(line.first) === 64) {
        const variable = this.variable(line);
        if (variable !== null) {
          this.variables.push(variable);
          continue;
        }
      }
      if (text.charCodeAt(line.first) === 60) {
        const afterOperator = skipBlanks(text, line.first + 1, line.end);
        if (text.startsWith("{%", afterOperator)) {
          const script = this.script(line, "pre-request", afterOperator, end);
          scripts.push(script.node);
          index = script.lastLine;
          continue;
        }
        if (afterOperator > line.first + 1 && afterOperator < line.end) {
          fileReferences.push(this.fileReference(line, "pre-request-script", 1));
          continue;
        }
      }
      break;
    }
    if (index >= end) return; // no request line: comments and variables only

    // Request line and URL continuation lines.
    const requestLine = this.line(index);
    const request = this.requestLine(requestLine);
    let lastUrlLine = index;
    for (let next = index + 1; next < end; next++) {
      const line = this.line(next);
      if (line.first >= line.end) break;
      const code = text.charCodeAt(line.first);
      const indented = line.first > line.start;
      if (code === 63 || code === 38 || (indented && code === 47)) {
        this.extendUrl(request, line);
        lastUrlLine = next;
      } else break;
    }
    index = lastUrlLine + 1;
    let insertAfter = this.line(lastUrlLine);

    // Headers.
    const headers: HttpHeader[] = [];
    let contentType: string | null = null;
    for (; index < end; index++) {
      const line = this.line(index);
      if (line.first >= line.end) {
        index++;
        break;
      }
      const marker = this.isComment(line);
      if (marker !== null) {
        this.pushComment(line, marker);
        continue;
      }
      if (this.isResponseLine(line)) break;
      const header = this.header(line);
      if (header === null) break; // a body without the blank line
      headers.push(header);
      insertAfter = line;
      if (header.name.toLowerCase() === "content-type") contentType = header.value;
    }

    // Body: up to the first response line; trailing comment lines are comments.
    let responseStart = index;
    while (responseStart < end && !this.isResponseLine(this.line(responseStart))) responseStart++;
    let lastBody = responseStart - 1;
    const trailing: Line[] = [];
    for (; lastBody >= index; lastBody--) {
      const line = this.line(lastBody);
      if (line.first >= line.end) continue;
      if (this.isComment(line) === null) break;
      trailing.push(line);
    }
    let firstBody = index;
    while (firstBody <= lastBody && this.line(firstBody).first >= this.line(firstBody).end) firstBody++;
    let body: HttpBody | null = null;
    if (firstBody <= lastBody) {
      let onlyIncludes = true;
      for (let bodyLine = firstBody; bodyLine <= lastBody; bodyLine++) {
        const line = this.line(bodyLine);
        if (line.first >= line.end) continue;
        if (BODY_INCLUDE.test(text.slice(line.first, Math.min(line.end, line.first + 64)))) {
          fileReferences.push(this.fileReference(line, "body", operatorLengthOf(text, line)));
        } else onlyIncludes = false;
      }
      if (!onlyIncludes) {
        const start = this.line(firstBody).first;
        const stop = lines.lineContentEnd(lastBody);
        const bodyText = text.slice(start, stop);
        const isXml = (contentType !== null && XML_CONTENT_TYPE.test(contentType)) || (bodyText.startsWith("<") && !BODY_INCLUDE.test(bodyText.slice(0, 64)));
        body = { type: "HttpBody", text: bodyText, contentType, isXml, xml: null, ...lines.span(start, stop) };
        if (isXml) {
          const xml = parseXmlBody(text, start, stop, lines);
          body.xml = xml.document;
          for (const problem of xml.problems) this.problems.push(problem);
        }
      }
    }
    for (let i = trailing.length - 1; i >= 0; i--) {
      const line = trailing[i] as Line;
      this.pushComment(line, this.isComment(line) as "#" | "//");
    }

    // Response handlers, outputs and references.
    for (index = responseStart; index < end; index++) {
      const line = this.line(index);
      if (line.first >= line.end) continue;
      const marker = this.isComment(line);
      if (marker !== null) {
        this.pushComment(line, marker);
        continue;
      }
      const code = text.charCodeAt(line.first);
      const next = text.charCodeAt(line.first + 1);
      if (code === 62 && next !== 62) {
        const afterOperator = skipBlanks(text, line.first + 1, line.end);
        if (text.startsWith("{%", afterOperator)) {
          const script = this.script(line, "response-handler", afterOperator, end);
          scripts.push(script.node);
          index = script.lastLine;
        } else if (afterOperator < line.end) {
          fileReferences.push(this.fileReference(line, "response-handler", 1));
        }
      } else if (code === 62) {
        fileReferences.push(this.fileReference(line, "response-output", text.charCodeAt(line.first + 2) === 33 ? 3 : 2));
      } else if (code === 60 && next === 62) {
        fileReferences.push(this.fileReference(line, "response-reference", 2));
      }
    }

    scripts.sort((a, b) => a.range[0] - b.range[0]);
    fileReferences.sort((a, b) => a.range[0] - b.range[0]);
    let requestEnd = request.urlRange[1];
    if (request.httpVersionRange !== null) requestEnd = Math.max(requestEnd, request.httpVersionRange[1]);
    for (const node of [...headers, ...scripts, ...fileReferences, ...(body === null ? [] : [body])]) {
      if (node.range[1] > requestEnd) requestEnd = node.range[1];
    }
    // Pre-request parts belong to the request: its range starts at the first of them.
    let requestStart = request.methodRange?.[0] ?? request.urlRange[0];
    for (const node of [...scripts, ...fileReferences]) if (node.range[0] < requestStart) requestStart = node.range[0];
    const node: HttpRequest = {
      type: "HttpRequest",
      name,
      method: request.method,
      methodRange: request.methodRange,
      url: request.url,
      urlRange: request.urlRange,
      httpVersion: request.httpVersion,
      httpVersionRange: request.httpVersionRange,
      headers,
      body,
      scripts,
      fileReferences,
      headerInsertOffset: insertAfter.end,
      lineEnding: lineBreakAfter(text, lines, insertAfter.index) ?? this.lineEnding,
      ...lines.span(requestStart, requestEnd),
    };
    this.requests.push(node);
  }

  variable(line: Line): HttpVariable | null {
    const { text, lines } = this;
    const match = VARIABLE.exec(text.slice(line.first, line.end));
    if (match === null) return null;
    const nameStart = line.first + 1;
    const nameEnd = nameStart + (match[1] ?? "").length;
    const valueStart = skipBlanks(text, line.first + match[0].length, line.end);
    let valueEnd = line.end;
    while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    return {
      type: "HttpVariable",
      name: text.slice(nameStart, nameEnd),
      nameRange: [nameStart, nameEnd],
      value: text.slice(valueStart, valueEnd),
      valueRange: [valueStart, valueEnd],
      ...lines.span(line.first, valueEnd),
    };
  }

  requestLine(line: Line): {
    method: string;
    methodRange: Range | null;
    url: string;
    urlRange: Range;
    httpVersion: string | null;
    httpVersionRange: Range | null;
  } {
    const { text } = this;
    let tokenEnd = line.first;
    while (tokenEnd < line.end && !isBlank(text.charCodeAt(tokenEnd))) tokenEnd++;
    const token = text.slice(line.first, tokenEnd);
    let method = "GET";
    let methodRange: Range | null = null;
    let urlStart = line.first;
    if (METHOD.test(token) || KNOWN_METHODS.has(token.toLowerCase())) {
      method = token;
      methodRange = [line.first, tokenEnd];
      urlStart = skipBlanks(text, tokenEnd, line.end);
    }
    const request = { method, methodRange, url: "", urlRange: [urlStart, urlStart] as Range, httpVersion: null as string | null, httpVersionRange: null as Range | null };
    this.appendUrl(request, urlStart, line.end);
    return request;
  }

  extendUrl(request: { url: string; urlRange: Range; httpVersion: string | null; httpVersionRange: Range | null }, line: Line): void {
    if (request.httpVersion !== null) {
      // A version before the continuation belongs to the URL after all (REST Client joins lines).
      request.url = this.text.slice(request.urlRange[0], request.httpVersionRange?.[1] ?? request.urlRange[1]).trim();
      request.httpVersion = null;
      request.httpVersionRange = null;
    }
    this.appendUrl(request, line.first, line.end);
  }

  /** Appends `[start, end)` (trimmed, minus a trailing `HTTP/x`) to the request's URL. */
  appendUrl(request: { url: string; urlRange: Range; httpVersion: string | null; httpVersionRange: Range | null }, start: number, end: number): void {
    const { text } = this;
    let stop = end;
    while (stop > start && isBlank(text.charCodeAt(stop - 1))) stop--;
    let lastTokenStart = stop;
    while (lastTokenStart > start && !isBlank(text.charCodeAt(lastTokenStart - 1))) lastTokenStart--;
    if (lastTokenStart > start && HTTP_VERSION.test(text.slice(lastTokenStart, stop))) {
      request.httpVersion = text.slice(lastTokenStart, stop);
      request.httpVersionRange = [lastTokenStart, stop];
      stop = lastTokenStart;
      while (stop > start && isBlank(text.charCodeAt(stop - 1))) stop--;
    }
    if (stop > start || request.url === "") {
      request.url += text.slice(start, stop);
      request.urlRange = [request.urlRange[0], Math.max(request.urlRange[1], stop)];
    }
  }

  header(line: Line): HttpHeader | null {
    const { text, lines } = this;
    const colon = indexOfWithin(text, ":", line.first, line.end);
    if (colon === -1) return null;
    let nameEnd = colon;
    while (nameEnd > line.first && isBlank(text.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = text.slice(line.first, nameEnd);
    if (!HEADER_NAME.test(name)) return null;
    const valueStart = skipBlanks(text, colon + 1, line.end);
    let valueEnd = line.end;
    while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    return {
      type: "HttpHeader",
      name,
      nameRange: [line.first, nameEnd],
      value: text.slice(valueStart, valueEnd),
      valueRange: [valueStart, valueEnd],
      ...lines.span(line.first, Math.max(valueEnd, colon + 1)),
    };
  }

  fileReference(line: Line, kind: HttpFileReference["kind"], operatorLength: number): HttpFileReference {
    const { text, lines } = this;
    const operatorEnd = line.first + operatorLength;
    const pathStart = skipBlanks(text, operatorEnd, line.end);
    let pathEnd = line.end;
    while (pathEnd > pathStart && isBlank(text.charCodeAt(pathEnd - 1))) pathEnd--;
    return {
      type: "HttpFileReference",
      kind,
      operator: text.slice(line.first, operatorEnd),
      path: text.slice(pathStart, pathEnd),
      pathRange: [pathStart, pathEnd],
      ...lines.span(line.first, Math.max(pathEnd, operatorEnd)),
    };
  }

  /** A `{% … %}` script whose `{%` is at `open`; it may span lines but not the block's end. */
  script(line: Line, kind: HttpScript["kind"], open: number, blockEnd: number): { node: HttpScript; lastLine: number } {
    const { text, lines } = this;
    const limit = blockEnd < lines.lineCount ? lines.lineStart(blockEnd) : text.length;
    const close = indexOfWithin(text, "%}", open + 2, limit);
    let end: number;
    let codeEnd: number;
    if (close === -1) {
      codeEnd = blockEnd < lines.lineCount ? lines.lineContentEnd(blockEnd - 1) : text.length;
      end = codeEnd;
      this.problems.push({
        message: `Unterminated ${kind === "pre-request" ? "pre-request script" : "response handler"}: no "%}" closes "{%".`,
        ...lines.span(open, open + 2),
      });
    } else {
      codeEnd = close;
      end = close + 2;
    }
    const node: HttpScript = {
      type: "HttpScript",
      kind,
      code: text.slice(open + 2, codeEnd),
      codeRange: [open + 2, codeEnd],
      ...lines.span(line.first, end),
    };
    return { node, lastLine: lines.lineIndexOf(Math.max(end - 1, line.first)) };
  }
}

function skipBlanks(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/** The length of a body include's operator: `<`, `<@` or `<@encoding`. */
function operatorLengthOf(text: string, line: Line): number {
  let at = line.first + 1;
  if (text.charCodeAt(at) === 64) {
    at++;
    while (at < line.end && !isBlank(text.charCodeAt(at))) at++;
  }
  return at - line.first;
}

/** The line break ending 0-based line `index`, or `null` on the last line. */
function lineBreakAfter(text: string, lines: LineIndex, index: number): string | null {
  if (index + 1 >= lines.lineCount) return null;
  return text.slice(lines.lineContentEnd(index), lines.lineStart(index + 1));
}

/** The name in a REST Client `# @name login` comment, or `null`. */
function requestNameOf(comment: string): string | null {
  const value = comment.trim();
  if (!value.startsWith("@name") || !isBlank(value.charCodeAt(5))) return null;
  const name = value.slice(6).trim();
  return name === "" ? null : name;
}
