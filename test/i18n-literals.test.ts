/**
 * Keeps every string the analyst reads in the translation layer: a component that writes
 * English text straight into its JSX, or into an aria-label, title, placeholder or alt,
 * fails here with the file and line, so the Dari interface cannot drift back to English.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const RENDERER = join(process.cwd(), 'src/renderer/src')
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
])
/** Elements whose text is a key or code, the same in every language. */
const VERBATIM_ELEMENTS = new Set(['kbd', 'code'])
const LETTER = /\p{L}/u

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return componentFiles(path)
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : []
  })
}

/** Literal strings an expression can evaluate to: itself, either branch, a fallback. */
function valueLiterals(expression: ts.Expression | undefined): ts.Node[] {
  if (!expression) return []
  if (ts.isParenthesizedExpression(expression)) return valueLiterals(expression.expression)
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return [expression]
  }
  if (ts.isTemplateExpression(expression)) return [expression]
  if (ts.isConditionalExpression(expression)) {
    return [...valueLiterals(expression.whenTrue), ...valueLiterals(expression.whenFalse)]
  }
  if (
    ts.isBinaryExpression(expression) &&
    (expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      expression.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    return [...valueLiterals(expression.left), ...valueLiterals(expression.right)]
  }
  return []
}

function literalText(node: ts.Node): string {
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => span.literal.text).join('')
  }
  return (node as ts.StringLiteral).text
}

/** "path:line: text" for each hard-coded user-visible string in a component's source. */
export function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  )
  const found: string[] = []
  const report = (node: ts.Node, text: string): void => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file))
    found.push(`${fileName}:${line + 1}: ${text.trim()}`)
  }
  const visit = (node: ts.Node, verbatim: boolean): void => {
    if (ts.isJsxElement(node)) {
      const tag = node.openingElement.tagName.getText(file)
      const inside = verbatim || VERBATIM_ELEMENTS.has(tag)
      visit(node.openingElement, inside)
      for (const child of node.children) visit(child, inside)
      return
    }
    if (ts.isJsxText(node) && !verbatim && LETTER.test(node.text)) report(node, node.text)
    if (ts.isJsxExpression(node) && !verbatim && ts.isJsxElement(node.parent)) {
      // A child like {'Close'} or {busy ? 'Saving…' : 'Save'}.
      for (const literal of valueLiterals(node.expression)) {
        if (LETTER.test(literalText(literal))) report(literal, literalText(literal))
      }
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer
      const literals =
        value && ts.isStringLiteral(value)
          ? [value]
          : value && ts.isJsxExpression(value)
            ? valueLiterals(value.expression)
            : []
      for (const literal of literals) {
        if (LETTER.test(literalText(literal))) report(literal, literalText(literal))
      }
    }
    ts.forEachChild(node, (child) => visit(child, verbatim))
  }
  visit(file, false)
  return found
}

describe('user-visible strings', () => {
  it('finds hard-coded text, labels and placeholders (the check can fail)', () => {
    const source = `
      export function Bad({ busy }: { busy: boolean }) {
        return (
          <div aria-label="Panel" title={busy ? 'Saving' : t('x.saved')}>
            Hello {name}
            <kbd>Ctrl</kbd>
            <input placeholder={\`Find \${name}\`} />
            {busy ? 'Wait' : null}
          </div>
        )
      }`
    expect(hardCodedStrings('bad.tsx', source).map((line) => line.split(': ')[1])).toEqual([
      'Panel',
      'Saving',
      'Hello',
      'Find',
      'Wait',
    ])
  })

  it('go through the translation layer in every component', () => {
    const found = componentFiles(RENDERER).flatMap((path) =>
      hardCodedStrings(relative(RENDERER, path), readFileSync(path, 'utf8')),
    )
    expect(found).toEqual([])
  })
})
