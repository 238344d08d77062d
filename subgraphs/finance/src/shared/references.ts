import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by other subgraphs, referenced here by id only. Finance adds fields to both
// (Guest.invoices, WorkOrder.invoice), so both are resolvable here.

@Directive('@key(fields: "id")')
@ObjectType()
export class Guest {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class WorkOrder {
  @Field(() => ID) id!: string;
}

export const ref = <T extends string>(typename: T, id: string | null) =>
  id ? { __typename: typename, id } : null;
