/** Public API of the `campaign-ims/xml` language. */
export type {
  XmlAttribute,
  XmlComment,
  XmlDoctype,
  XmlDocument,
  XmlDocumentChild,
  XmlElement,
  XmlElementChild,
  XmlNode,
  XmlNodeType,
  XmlParseProblem,
  XmlPosition,
  XmlProcessingInstruction,
  XmlRange,
  XmlSourceLocation,
  XmlText,
} from "./ast.js";
export { XML_VISITOR_KEYS } from "./ast.js";
export { LineIndex } from "../text/line-index.js";
export { parseXml, parseXmlFragment, PROBLEM_PREFIX, type XmlFragmentResult, type XmlParseResult } from "./parser.js";
export { toSourceOffset, toSourceRange } from "./references.js";
export { XML_NAMESPACE, XMLNS_NAMESPACE } from "./tokenizer.js";
export { xmlLanguage, type XmlOkParseResult } from "./xml-language.js";
export { XmlSourceCode, type XmlLanguageOptions } from "./xml-source-code.js";
