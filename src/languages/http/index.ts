/** Public API of the `campaign-ims/http` language. */
export { httpLanguage, HttpLanguage, parseHttpFile } from "./http-language.js";
export type { HttpLanguageOptions, HttpOkParseResult } from "./http-language.js";
export { HttpSourceCode } from "./http-source-code.js";
export { parseHttp } from "./parser.js";
export type { HttpParseOptions, HttpParseResult } from "./parser.js";
export { httpLanguageVisitorKeys, httpVisitorKeys } from "./ast.js";
export { parseXmlBody } from "./xml-body.js";
export type { HttpXmlBody } from "./xml-body.js";
export type {
  HttpBody,
  HttpComment,
  HttpDocument,
  HttpFileReference,
  HttpHeader,
  HttpNode,
  HttpNodeBase,
  HttpRequest,
  HttpScript,
  HttpAnyNode,
  HttpVariable,
} from "./ast.js";
