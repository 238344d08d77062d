import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by other subgraphs (Guest by guests, Technician by operations), referenced here
// by id only. Analytics adds fields to both, so both are resolvable here.

@Directive('@key(fields: "id")')
@ObjectType()
export class Guest {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Technician {
  @Field(() => ID) id!: string;
}
