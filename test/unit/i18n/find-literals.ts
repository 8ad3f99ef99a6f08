// Finds words a component would show without going through t(): JSX text with letters, and string literals
// with letters in the props people read or hear (aria-label, title, alt, placeholder, label).
import ts from 'typescript';
import { parse, position, visit } from './renderer-source';

const READ_ALOUD_PROPS = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']);
const HAS_LETTERS = /\p{L}/u;

function isStringish(node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
}

/** Returns "file:line:column: text" for each user-visible literal in the source. */
export function findLiterals(path: string, text?: string): string[] {
  const source = parse(path, text);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => found.push(`${position(source, node)}: ${value.trim()}`);

  visit(source, (node) => {
    if (ts.isJsxText(node) && HAS_LETTERS.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent) && isStringish(node.expression) && HAS_LETTERS.test(node.expression.text)) {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && READ_ALOUD_PROPS.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal = value && ts.isJsxExpression(value) ? value.expression : value;
      if (isStringish(literal) && HAS_LETTERS.test(literal.text)) report(node, literal.text);
    }
  });
  return found;
}
