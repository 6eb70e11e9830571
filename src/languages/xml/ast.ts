/**
 * Node types of the `campaign-ims/xml` language.
 *
 * Every node has `type`, `range` and `loc`:
 * - `range` is `[start, end)`: UTF-16 offsets into the exact text that was parsed (a BOM, when the
 *   text holds one, is offset 0; CRLF counts as two characters).
 * - `loc` is 1-based line and 1-based column (in UTF-16 code units) of `range[0]` and `range[1]`.
 *   Line terminators are `\r\n`, `\r` and `\n` (XML 1.0 §2.11), the same set `XmlSourceCode`
 *   splits `lines` with.
 *
 * Sub-parts that are not nodes (tag name, start tag, content, end tag, attribute value) are given
 * as plain `range`s into the same text; `sourceCode.getLocFromIndex()` turns an offset into a
 * line/column for `context.report({ loc })`.
 *
 * Decoded values (`XmlText.value`, `XmlAttribute.value`) have the five predefined entities
 * (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) and numeric character references (`&#60;`, `&#x3C;`)
 * replaced. Any other entity reference (`&nbsp;`, DTD entities) is kept as written: entities are
 * never expanded. Line endings and attribute whitespace are *not* normalised, so outside
 * references a decoded index and its source offset differ by a constant; `toSourceOffset()` in
 * `references.ts` maps a decoded index back to the source through `referenceMap`.
 */

/** 1-based line, 1-based column. */
export interface XmlPosition {
  line: number;
  column: number;
}

export interface XmlSourceLocation {
  start: XmlPosition;
  end: XmlPosition;
}

/** `[start, end)` offsets into the parsed text. */
export type XmlRange = [number, number];

interface XmlNodeBase {
  range: XmlRange;
  loc: XmlSourceLocation;
}

/**
 * The root: always spans the whole text (`range` is `[0, text.length]`), so ESLint's
 * `getLocFromIndex()` works for every offset. `createRule` recognises the language by
 * `type === "XmlDocument"`.
 */
export interface XmlDocument extends XmlNodeBase {
  type: "XmlDocument";
  /** Prolog (XML declaration, comments, doctype), the root element(s), and any stray text. */
  children: XmlDocumentChild[];
  /**
   * Every `XmlComment` in the document, in source order (the same objects as in the tree).
   * Not a visitor key: the comments are visited once, where they are in `children`.
   */
  comments: XmlComment[];
}

/**
 * An element. For `<urn:Logon xmlns:urn="urn:xtk:session">`: `name` "urn:Logon", `prefix` "urn",
 * `localName` "Logon", `namespaceURI` "urn:xtk:session".
 *
 * Recovery on malformed input (the parse problem is reported separately, the element is kept):
 * an element whose end tag is missing is closed where its parent closes (or at the end of the
 * text) and has `endTag: null` and `selfClosing: false`; a start tag without `>` ends where the
 * next markup starts.
 */
export interface XmlElement extends XmlNodeBase {
  type: "XmlElement";
  /** The qualified name as written. */
  name: string;
  /** The part before the colon, or `null` when the name has no prefix. */
  prefix: string | null;
  /** The part after the colon, or the whole name when there is no prefix. */
  localName: string;
  /**
   * Namespace URI resolved from the `xmlns` / `xmlns:prefix` declarations in scope (on this
   * element or an ancestor; `xml:` is predeclared). `null` when the prefix is not declared or when
   * an unprefixed element has no default namespace (or `xmlns=""` removed it).
   */
  namespaceURI: string | null;
  /**
   * The namespace declarations in scope at this element: prefix → URI, `""` for the default
   * namespace; an undeclared default (`xmlns=""`) maps to `""`. Null-prototype and frozen;
   * elements that declare nothing share their parent's object.
   */
  namespaces: Readonly<Record<string, string>>;
  attributes: XmlAttribute[];
  children: XmlElementChild[];
  /** `<x/>` form. */
  selfClosing: boolean;
  /** From `<` to `>` (or `/>`) of the start tag. */
  startTagRange: XmlRange;
  /** The qualified name inside the start tag. */
  nameRange: XmlRange;
  /** Between the end of the start tag and the start of the end tag; `null` when self-closing. */
  contentRange: XmlRange | null;
  /** From `</` to `>`; `null` when self-closing or when the end tag is missing. */
  endTagRange: XmlRange | null;
}

/**
 * An attribute. `namespaceURI` follows Namespaces in XML: an unprefixed attribute has none
 * (`null`), `xmlns` and `xmlns:*` have `http://www.w3.org/2000/xmlns/`.
 */
export interface XmlAttribute extends XmlNodeBase {
  type: "XmlAttribute";
  name: string;
  prefix: string | null;
  localName: string;
  namespaceURI: string | null;
  /** The value as written, without the quotes. */
  rawValue: string;
  /** The value with predefined entities and character references decoded. */
  value: string;
  /** The quote character, or `null` for an unquoted value (`x=$1`) or a missing one (`x`). */
  quote: '"' | "'" | null;
  nameRange: XmlRange;
  /**
   * The value without its quotes (`rawValue` is `text.slice(...valueRange)`); an empty range
   * right after the name when the attribute has no value.
   */
  valueRange: XmlRange;
  /** See `referenceMap` in references.ts; `null` when `value === rawValue`. */
  referenceMap: readonly number[] | null;
}

/**
 * Character data: a run of text between markup, or a CDATA section (`cdata: true`).
 * Whitespace between elements is kept as text nodes too, so the tree covers the whole text.
 * Markup the tokenizer cannot read as markup (template code such as `<%= x %>`, a `<` that does
 * not start a tag, a stray end tag) is kept inside text, so it can still be searched.
 */
export interface XmlText extends XmlNodeBase {
  type: "XmlText";
  /** True for `<![CDATA[ … ]]>`: `value` is the content as is (nothing is decoded). */
  cdata: boolean;
  /** The source of the value: `text.slice(...valueRange)`. */
  raw: string;
  /** The decoded value (for CDATA: the content between the delimiters). */
  value: string;
  /** The range of `raw`: the whole node for text, the content only for CDATA. */
  valueRange: XmlRange;
  /** See `referenceMap` in references.ts; `null` when `value === raw`. */
  referenceMap: readonly number[] | null;
}

/** `<!-- value -->`. Also where `eslint-disable` / `eslint` directives live. */
export interface XmlComment extends XmlNodeBase {
  type: "XmlComment";
  /** The text between `<!--` and `-->`. */
  value: string;
  valueRange: XmlRange;
}

/**
 * `<?target data?>`. The XML declaration (`<?xml version="1.0"?>`) is represented as a processing
 * instruction with target `xml`.
 */
export interface XmlProcessingInstruction extends XmlNodeBase {
  type: "XmlProcessingInstruction";
  target: string;
  /** Everything after the target and the whitespace that follows it, up to `?>`. */
  data: string;
}

/**
 * `<!DOCTYPE name … [ internal subset ]>`. Kept as source text only: declarations in the internal
 * subset are never interpreted and entities declared there are never expanded.
 */
export interface XmlDoctype extends XmlNodeBase {
  type: "XmlDoctype";
  /** The root element name the doctype declares (`""` if missing). */
  name: string;
  /** The text between `[` and `]`, or `null` without an internal subset. */
  internalSubset: string | null;
  internalSubsetRange: XmlRange | null;
}

export type XmlElementChild = XmlElement | XmlText | XmlComment | XmlProcessingInstruction;
export type XmlDocumentChild = XmlElementChild | XmlDoctype;

/** Any node of the language. */
export type XmlNode =
  | XmlDocument
  | XmlElement
  | XmlAttribute
  | XmlText
  | XmlComment
  | XmlProcessingInstruction
  | XmlDoctype;

export type XmlNodeType = XmlNode["type"];

/**
 * A well-formedness problem: the text is not XML, but the tree was built anyway. `range` is where
 * the problem is (for a missing end tag: the start tag of the element that is not closed).
 */
export interface XmlParseProblem {
  message: string;
  range: XmlRange;
  loc: XmlSourceLocation;
}

/** What the traversal follows; the same keys `xmlLanguage.visitorKeys` gives ESLint. */
export const XML_VISITOR_KEYS: Readonly<Record<XmlNodeType, readonly string[]>> = Object.freeze({
  XmlDocument: Object.freeze(["children"]),
  XmlElement: Object.freeze(["attributes", "children"]),
  XmlAttribute: Object.freeze([]),
  XmlText: Object.freeze([]),
  XmlComment: Object.freeze([]),
  XmlProcessingInstruction: Object.freeze([]),
  XmlDoctype: Object.freeze([]),
});
