import type { ClassType } from 'type-graphql';
import type { Page } from '../db/pagination';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether another follows.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A Relay-style connection type for a node type: `WorkOrderConnection { nodes, pageInfo, totalCount }`. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * The GraphQL shape of a page. `totalCount` is a getter, read only when the client selects the
 * field, so a lazy count runs only then and lists that don't ask never count.
 */
export function toConnection<T>(page: Page<T>) {
  const count = page.totalCount;
  return {
    nodes: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    get totalCount(): number | Promise<number> {
      return typeof count === 'function' ? count() : count;
    },
  };
}
