/**
 * Shape limits for JSON that crosses a boundary (API input, imported project files).
 * JSON.parse turns "__proto__" into an ordinary own key, harmless until some code copies
 * it with assignment; refusing the three prototype-related keys outright is simpler than
 * proving every copy safe. Depth and size caps keep recursive code (zod, JSON.stringify)
 * far from the stack limit.
 */

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export interface ShapeLimits {
  /** Deepest nesting of objects and arrays; the project model needs fewer than 10. */
  maxDepth: number
  /** Values visited, all levels together. */
  maxNodes: number
  /** How many problems to collect before stopping. */
  maxProblems: number
}

interface PathLink {
  parent: PathLink | null
  key: string
}

function pathText(link: PathLink | null): string {
  const parts: string[] = []
  for (let at = link; at; at = at.parent) parts.push(at.key)
  return parts.length ? parts.reverse().join('.') : '(top level)'
}

/**
 * Walks `value` without recursion (deep input must not overflow our own stack) and lists
 * what breaks the limits: too deep, too many values, forbidden keys (with their path).
 */
export function findShapeProblems(value: unknown, limits: ShapeLimits): string[] {
  const problems: string[] = []
  const stack: { value: unknown; depth: number; path: PathLink | null }[] = [
    { value, depth: 0, path: null },
  ]
  let nodes = 0
  while (stack.length > 0 && problems.length < limits.maxProblems) {
    const entry = stack.pop()!
    nodes++
    if (nodes > limits.maxNodes) {
      problems.push(`it holds more than ${limits.maxNodes.toLocaleString('en')} values`)
      break
    }
    const current = entry.value
    if (typeof current !== 'object' || current === null) continue
    if (entry.depth >= limits.maxDepth) {
      problems.push(`${pathText(entry.path)} is nested more than ${limits.maxDepth} levels deep`)
      break
    }
    const keys = Array.isArray(current) ? null : Object.keys(current)
    if (keys) {
      for (const key of keys) {
        const path = { parent: entry.path, key }
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push(`${pathText(path)}: the key "${key}" is not allowed`)
          if (problems.length >= limits.maxProblems) break
          continue
        }
        stack.push({
          value: (current as Record<string, unknown>)[key],
          depth: entry.depth + 1,
          path,
        })
      }
    } else {
      const items = current as unknown[]
      for (let index = items.length - 1; index >= 0; index--) {
        stack.push({
          value: items[index],
          depth: entry.depth + 1,
          path: { parent: entry.path, key: String(index) },
        })
      }
    }
  }
  return problems
}

/** What every API call may carry: generous for any contract input, fatal to abuse. */
export const API_INPUT_LIMITS: ShapeLimits = { maxDepth: 32, maxNodes: 200_000, maxProblems: 1 }

/** What a whole-project file may carry: a large project, but no bomb. */
export const PROJECT_FILE_LIMITS: ShapeLimits = {
  maxDepth: 32,
  maxNodes: 20_000_000,
  maxProblems: 20,
}
