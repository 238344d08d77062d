import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by the guests subgraph, referenced here by id only.

@Directive('@key(fields: "id")')
@ObjectType()
export class Guest {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Site {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Room {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Reservation {
  @Field(() => ID) id!: string;
}

export const ref = <T extends string>(typename: T, id: string | null) =>
  id ? { __typename: typename, id } : null;
