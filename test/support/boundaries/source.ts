import ts from 'typescript';

/** One `import`/`export … from`/`import()` of a source file, as written. */
export interface ImportRef {
  specifier: string;
  line: number;
  /** the local names it binds (`import { a as b }` binds b; `import * as m` binds m) */
  names: string[];
}

/** The text of one string or template literal; each `${…}` stands as `__sub__`. */
export interface Literal {
  text: string;
  line: number;
  /** the names the substitutions use (not property names): where spliced-in text comes from */
  substituted: string[];
}

export interface ParsedSource {
  imports: ImportRef[];
  literals: Literal[];
}

/** What a substitution reads as in SQL: a word that names no table. */
export const SUBSTITUTION = ' __sub__ ';

/**
 * Reads a TypeScript file with the compiler's own scanner, so imports (type-only ones too) and
 * literals are found exactly, never inside comments, and a template literal is read whole with
 * its substitutions masked: the SQL around a `${…}` is still checked.
 */
export function parseSource(path: string, text: string): ParsedSource {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const imports: ImportRef[] = [];
  const literals: Literal[] = [];

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = ts.isImportDeclaration(node) ? boundNames(node.importClause) : [];
      imports.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), names });
      return;
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push({ specifier: node.argument.literal.text, line: lineOf(node), names: [] });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) imports.push({ specifier: arg.text, line: lineOf(node), names: [] });
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      literals.push({ text: node.text, line: lineOf(node), substituted: [] });
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      const substituted = node.templateSpans.flatMap((span) => namesUsed(span.expression));
      literals.push({ text: parts.join(SUBSTITUTION), line: lineOf(node), substituted });
      // a substitution may hold literals of its own (a nested query)
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { imports, literals };
}

function boundNames(clause: ts.ImportClause | undefined): string[] {
  if (!clause) return [];
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
  return names;
}

/** Identifiers an expression reads, leaving out the property names after a dot. */
function namesUsed(expression: ts.Expression): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return names;
}
