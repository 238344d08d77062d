import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Channel } from '../shared/channel';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Reusable message text for one channel and language' })
export class Template {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'Language tag, like "en" or "de-CH"' }) language!: string;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field() body!: string;
  organizationId!: string;
}
