import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by other subgraphs, referenced here by id only.

/** Owned by guests; communications adds `Guest.timeline`, so it resolves Guest references. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Guest {
  @Field(() => ID) id!: string;
}

/** Owned by operations. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class WorkOrder {
  @Field(() => ID) id!: string;
}

export const ref = <T extends string>(typename: T, id: string | null) =>
  id ? { __typename: typename, id } : null;

/** Owned by operations: who wrote a note or sent a message. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class User {
  @Field(() => ID) id!: string;
}
