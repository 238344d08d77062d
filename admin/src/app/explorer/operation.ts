import {
  Kind,
  parse,
  type IntrospectionField,
  type IntrospectionTypeRef,
  type OperationTypeNode,
} from 'graphql';
import { typeName } from './schema-browser';

export interface ParsedOperation {
  name: string | null;
  type: OperationTypeNode;
}

/** The operations of a document, or the syntax error. */
export function operationsOf(text: string): {
  operations: ParsedOperation[];
  error: string | null;
} {
  if (!text.trim()) return { operations: [], error: null };
  try {
    const doc = parse(text);
    const operations = doc.definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION
        ? [{ name: d.name?.value ?? null, type: d.operation }]
        : [],
    );
    return { operations, error: null };
  } catch (err) {
    return { operations: [], error: err instanceof Error ? err.message : String(err) };
  }
}

function named(t: IntrospectionTypeRef): { kind: string; name: string } {
  return t.kind === 'NON_NULL' || t.kind === 'LIST' ? named(t.ofType) : t;
}

/** A starting operation for a root field: its required arguments as variables, `__typename` as selection. */
export function templateFor(root: string, field: IntrospectionField): string {
  const required = field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue == null);
  const vars = required.length
    ? `(${required.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ')})`
    : '';
  const args = required.length
    ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})`
    : '';
  const leaf = ['SCALAR', 'ENUM'].includes(named(field.type).kind);
  const name = field.name.charAt(0).toUpperCase() + field.name.slice(1);
  return `${root.toLowerCase()} ${name}${vars} {\n  ${field.name}${args}${leaf ? '' : ' {\n    __typename\n  }'}\n}\n`;
}
