/**
 * `HttpSourceCode`: the SourceCode of `campaign-ims/http`: text, AST, parse problems, a traversal
 * that includes the XML nodes of XML bodies, and directives in `#` / `//` comment lines and in
 * `<!-- … -->` comments inside XML bodies.
 */
import type { XmlComment } from "../xml/index.js";
import type { HttpAnyNode, HttpComment, HttpDocument } from "./ast.js";
import { httpLanguageVisitorKeys } from "./ast.js";
import { CommentSourceCode, type ParseProblem } from "../text/text-source-code.js";

/** HTTP comment lines and the XML comments of XML bodies, in source order. */
function allComments(ast: HttpDocument): (HttpComment | XmlComment)[] {
  const xmlComments: XmlComment[] = [];
  for (const request of ast.requests) {
    const xml = request.body?.xml;
    if (xml) for (const comment of xml.comments) xmlComments.push(comment);
  }
  if (xmlComments.length === 0) return ast.comments;
  return [...ast.comments, ...xmlComments].sort((a, b) => a.range[0] - b.range[0]);
}

export class HttpSourceCode extends CommentSourceCode<HttpDocument, HttpAnyNode, HttpComment | XmlComment> {
  constructor({ text, ast, problems = [] }: { text: string; ast: HttpDocument; problems?: readonly ParseProblem[] }) {
    super({ text, ast, comments: allComments(ast), problems, visitorKeys: httpLanguageVisitorKeys });
  }
}
