import {
  Kind,
  parse,
  print,
  visit,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';

/** The tag that puts a field (or every field of a type) into the partner API schema. */
export const PARTNER_TAG = 'partner';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const BUILT_IN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

const directive = (name: string, args: Record<string, string> = {}): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: name },
  arguments: Object.entries(args).map(([argName, value]) => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: argName },
    value: { kind: Kind.STRING, value },
  })),
});
const INACCESSIBLE = directive('inaccessible');

const hasTag = (directives: readonly ConstDirectiveNode[] | undefined, tag: string) =>
  (directives ?? []).some(
    (d) => d.name.value === 'tag' && d.arguments?.some((a) => a.name.value === 'name' && a.value.kind === Kind.STRING && a.value.value === tag),
  );
const isInaccessible = (directives: readonly ConstDirectiveNode[] | undefined) => (directives ?? []).some((d) => d.name.value === 'inaccessible');
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

type Fielded = { name: { value: string }; directives?: readonly ConstDirectiveNode[]; fields?: readonly FieldDefinitionNode[] };
const isObjectLike = (d: DefinitionNode): d is DefinitionNode & Fielded =>
  d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INTERFACE_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_EXTENSION;

/**
 * Builds a contract of the subgraphs, the way Apollo's contracts do: a field is in it when it, or
 * its type, carries `@tag(name: "partner")` in any subgraph; every other field becomes
 * `@inaccessible` (so the query planner can still use keys and internal fields while the API
 * schema hides them), root fields that are not in it are dropped, and types nothing visible
 * refers to become `@inaccessible` too.
 * @returns each subgraph's transformed SDL, in the order given.
 */
export function contractSubgraphs(subgraphs: { name: string; sdl: string }[], tag = PARTNER_TAG): { name: string; typeDefs: DocumentNode }[] {
  const documents = subgraphs.map((s) => ({ name: s.name, document: parse(s.sdl) }));

  // 1. Which fields are in, across all subgraphs (a shared field must agree everywhere).
  const visible = new Set<string>();
  for (const { document } of documents) {
    for (const definition of document.definitions) {
      if (!isObjectLike(definition)) continue;
      const typeTagged = hasTag(definition.directives, tag);
      for (const field of definition.fields ?? []) {
        if (typeTagged || hasTag(field.directives, tag)) visible.add(`${definition.name.value}.${field.name.value}`);
      }
    }
  }

  // 2. Which named types visible fields reach (return types, arguments, and input fields within them).
  const reachable = new Set<string>();
  const inputs = new Map<string, readonly InputValueDefinitionNode[]>();
  for (const { document } of documents) {
    for (const d of document.definitions) {
      if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(d.name.value, [...(inputs.get(d.name.value) ?? []), ...(d.fields ?? [])]);
    }
  }
  const reach = (typeName: string) => {
    if (reachable.has(typeName) || BUILT_IN_SCALARS.has(typeName)) return;
    reachable.add(typeName);
    for (const field of inputs.get(typeName) ?? []) reach(namedType(field.type));
  };
  for (const { document } of documents) {
    for (const definition of document.definitions) {
      if (!isObjectLike(definition)) continue;
      for (const field of definition.fields ?? []) {
        if (!visible.has(`${definition.name.value}.${field.name.value}`)) continue;
        reach(definition.name.value);
        reach(namedType(field.type));
        for (const argument of field.arguments ?? []) reach(namedType(argument.type));
      }
    }
  }

  // 3. Rewrite every subgraph.
  return documents.map(({ name, document }) => {
    const typeDefs = visit(document, {
      enter(node) {
        if (isObjectLike(node as DefinitionNode)) {
          const type = node as DefinitionNode & Fielded;
          const typeName = type.name.value;
          if (ROOT_TYPES.has(typeName)) {
            const fields = (type.fields ?? []).filter((f) => visible.has(`${typeName}.${f.name.value}`));
            return fields.length ? { ...type, fields } : null;
          }
          const fields = (type.fields ?? []).map((f) =>
            visible.has(`${typeName}.${f.name.value}`) || isInaccessible(f.directives) ? f : { ...f, directives: [...(f.directives ?? []), INACCESSIBLE] },
          );
          const directives = reachable.has(typeName) || isInaccessible(type.directives) ? type.directives : [...(type.directives ?? []), INACCESSIBLE];
          return { ...type, fields, directives };
        }
        if (
          (node.kind === Kind.ENUM_TYPE_DEFINITION || node.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || node.kind === Kind.SCALAR_TYPE_DEFINITION || node.kind === Kind.UNION_TYPE_DEFINITION) &&
          !reachable.has(node.name.value) &&
          !isInaccessible(node.directives)
        ) {
          return { ...node, directives: [...(node.directives ?? []), INACCESSIBLE] };
        }
        return undefined;
      },
    }) as DocumentNode;
    return { name, typeDefs };
  });
}

/** Every `Type.field` of an SDL document, for tests that compare schemas. */
export function fieldsOf(sdl: string): string[] {
  const fields: string[] = [];
  for (const definition of parse(sdl).definitions) {
    if (isObjectLike(definition)) for (const f of definition.fields ?? []) fields.push(`${definition.name.value}.${f.name.value}`);
  }
  return fields;
}

export { print };
