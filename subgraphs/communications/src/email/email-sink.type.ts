import { Connection } from '@attendant/kit';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Whether this server sends email into the local mail sink (dev/test)' })
export class EmailSinkStatus {
  @Field({
    description: 'True when email goes to the local mail sink, whose outbox can be read here',
  })
  configured!: boolean;
  @Field({ description: 'Why, in words (e.g. "email goes to a real SMTP server")' })
  description!: string;
}

@ObjectType({ description: 'A mail the local sink received (list view)' })
export class SinkMailSummary {
  @Field(() => ID) id!: string;
  @Field() receivedAt!: Date;
  @Field({ description: 'Envelope sender' }) from!: string;
  @Field(() => [String], { description: 'Envelope recipients' }) to!: string[];
  @Field() subject!: string;
  @Field() hasHtml!: boolean;
  @Field() hasText!: boolean;
  @Field(() => Int, { description: 'Size in bytes' }) size!: number;
}

export const SinkMailConnection = Connection(SinkMailSummary, 'SinkMail');

@ObjectType()
export class SinkMailHeader {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType({ description: 'A mail the local sink received, with its parts and headers' })
export class SinkMail extends SinkMailSummary {
  @Field(() => String, { nullable: true, description: 'The text part' }) text!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The HTML part as sent: show it only in a sandboxed frame',
  })
  html!: string | null;
  @Field(() => [SinkMailHeader]) headers!: SinkMailHeader[];
}

@ArgsType()
export class SinkMailsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 20)' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @MaxLength(100)
  after?: string;
  @Field(() => String, { nullable: true, description: 'Words in the recipient or subject' })
  @IsOptional()
  @MaxLength(200, { message: 'Search at most 200 characters' })
  search?: string;
}
