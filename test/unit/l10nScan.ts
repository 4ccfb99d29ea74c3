/**
 * Finds what a user reads in source files: string and template literals that read as prose, and the text and
 * titles of lit `html` templates, outside `l10n.t(…)`. Used by l10nCoverage.test.ts.
 */
import ts from 'typescript';

export interface RawText {
  readonly line: number;
  readonly text: string;
}

/** Prose: a capitalised word or two words ("Create", "to filter"); ids, types and CSS classes are neither. */
const isProse = (text: string): boolean => /^[A-Z][a-z]/.test(text.trim()) || /[A-Za-z]{2,}[ ,:;.][ ]?[A-Za-z]{2,}/.test(text);
/** In an html template every word is shown, a lowercase one too. */
const hasWord = (text: string): boolean => /[A-Za-z]{2,}/.test(text);
const SHOWN_ATTRIBUTES = /\b(?:title|placeholder|aria-label|label|description)="([^"]*)"/g;

function isL10nCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText());
}

/** A line of a script the code runs (`[…].join('\\n')`), not text a user reads. */
function isScriptLine(node: ts.Node): boolean {
  const list = node.parent;
  return ts.isArrayLiteralExpression(list) && ts.isPropertyAccessExpression(list.parent) && list.parent.name.text === 'join';
}

/** Places where a literal is a key, a type, an id or a comparison, never text. */
function isNotText(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isImportDeclaration(parent) ||
    // A module loaded on first use: `import('node:child_process')`.
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent) ||
    ts.isCaseClause(parent) ||
    ts.isElementAccessExpression(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && ['type', 'id', 'icon', 'value'].includes(parent.name.getText())) ||
    (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) ||
    (ts.isNewExpression(parent) && parent.expression.getText() === 'Error') ||
    (ts.isCallExpression(parent) && /\b(querySelector|closest)\b/.test(parent.expression.getText())) ||
    isScriptLine(node)
  );
}

/** The static text of an `html` template, each expression replaced by NUL. */
function templateText(template: ts.TemplateLiteral): string {
  return ts.isNoSubstitutionTemplateLiteral(template)
    ? template.text
    : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].join('\u0000');
}

/** The words an `html` template shows: text between tags and the values of shown attributes. */
function htmlTexts(text: string): string[] {
  const shown = [...text.matchAll(SHOWN_ATTRIBUTES)].map((match) => match[1].replaceAll('\u0000', '{}'));
  const between = text.replace(/<[^>]*>/g, '\u0000').split('\u0000');
  return [...shown, ...between].map((part) => part.trim()).filter(hasWord);
}

export function rawTexts(fileName: string, source: string, allowed: ReadonlySet<string>): RawText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: RawText[] = [];
  const report = (node: ts.Node, text: string): void => {
    if (!allowed.has(text.trim())) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
    }
  };
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      return;
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
      htmlTexts(templateText(node.template)).forEach((text) => report(node, text));
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isNotText(node) && isProse(node.text)) {
      report(node, node.text);
    } else if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent) && isProse(templateText(node).replaceAll('\u0000', ' '))) {
      report(node, templateText(node).replaceAll('\u0000', '{}'));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
