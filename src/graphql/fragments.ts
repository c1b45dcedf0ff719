import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql'

// Every walk below that follows fragment spreads is memoized per fragment: a fragment spread many
// times (`F0` spreads `F1` ten times, which spreads `F2` ten times ...) is walked once, so the
// work is linear in the size of the document as written, never in its expanded size. A fragment
// reached again while it is being walked (a cycle) or never defined counts as empty here;
// graphql-js's NoFragmentCycles / KnownFragmentNames refuse such documents (and the pre-check
// below refuses them before validation even starts).

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  return fragments
}

/**
 * A per-fragment memo for a walk: `walk(name, compute)` computes a fragment's value once and
 * answers `empty` for a fragment that is unknown or already being computed (a cycle).
 */
export function fragmentMemo<T>(fragments: Map<string, FragmentDefinitionNode>, empty: T) {
  const done = new Map<string, T>()
  const visiting = new Set<string>()
  return (name: string, compute: (fragment: FragmentDefinitionNode) => T): T => {
    const known = done.get(name)
    if (known !== undefined) return known
    const fragment = fragments.get(name)
    if (!fragment || visiting.has(name)) return empty
    visiting.add(name)
    const value = compute(fragment)
    visiting.delete(name)
    done.set(name, value)
    return value
  }
}
