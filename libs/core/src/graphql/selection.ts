import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The selection sets of the fields named `name` directly in `sets` (through fragments). */
function fieldSets(
  sets: readonly SelectionSetNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (name: string, set: SelectionSetNode | undefined) => void,
): void {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') visit(selection.name.value, selection.selectionSet);
      else if (selection.kind === 'InlineFragment') fieldSets([selection.selectionSet], fragments, visit);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) fieldSets([fragment.selectionSet], fragments, visit);
      }
    }
  }
}

/**
 * The names of the fields the operation asks for below the field being resolved, along
 * `path` (field names, through aliases and fragments). Directives are ignored, so a field
 * under `@skip`/`@include` counts as asked: use it to read ahead, never to authorise.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const segment of path) {
    const next: SelectionSetNode[] = [];
    fieldSets(sets, info.fragments, (name, set) => {
      if (name === segment && set) next.push(set);
    });
    sets = next;
  }
  const names = new Set<string>();
  fieldSets(sets, info.fragments, (name) => names.add(name));
  return names;
}
