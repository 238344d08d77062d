import { Connection } from '@attendant/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A company guests belong to: a corporate account or a field-service client',
})
export class Company {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) taxId!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  organizationId!: string;
}

export const CompanyConnection = Connection(Company, 'Company');
