import type { ContainerType } from 'type-graphql';

/** type-graphql's resolver container: hands out the resolver instances a subgraph built itself. */
export function containerOf(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((i) => [i.constructor, i]));
  return {
    get(cls) {
      const instance = byClass.get(cls);
      if (!instance)
        throw new Error(`No instance registered for ${(cls as { name?: string }).name}`);
      return instance;
    },
  };
}
