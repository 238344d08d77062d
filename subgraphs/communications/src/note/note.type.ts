import { CallDirection, CallOutcome, GuestNoteKind } from '@attendant/db';
import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../shared/references';

registerEnumType(GuestNoteKind, {
  name: 'GuestNoteKind',
  description: 'CALL: a phone call with the guest; INTERNAL: a note only staff see',
});
registerEnumType(CallDirection, { name: 'CallDirection' });
registerEnumType(CallOutcome, { name: 'CallOutcome' });

export const MAX_NOTE_LENGTH = 5000;
/** Twelve hours: anything longer is a typo, not a call. */
export const MAX_CALL_SECONDS = 12 * 3600;

@ObjectType({ description: 'A call note or an internal note on a guest' })
export class GuestNote {
  @Field(() => ID) id!: string;
  @Field(() => ID) guestId!: string;
  @Field(() => GuestNoteKind) kind!: GuestNoteKind;
  @Field() body!: string;
  @Field(() => CallDirection, { nullable: true, description: 'Calls only: who called whom' })
  callDirection!: CallDirection | null;
  @Field(() => Int, { nullable: true, description: 'Calls only: how long it took, in seconds' })
  callDurationSeconds!: number | null;
  @Field(() => CallOutcome, { nullable: true, description: 'Calls only: how it went' })
  callOutcome!: CallOutcome | null;
  @Field(() => User, { description: 'Who wrote it' }) author!: User;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was last edited' })
  editedAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Set while deleted (it can be restored); deleted notes leave the timeline',
  })
  deletedAt!: Date | null;
  authorId!: string;
}

@InputType()
export class AddGuestNoteInput {
  @Field(() => ID) guestId!: string;
  @Field(() => GuestNoteKind) kind!: GuestNoteKind;
  @Field({ description: `What was said or noted, up to ${MAX_NOTE_LENGTH} characters` })
  body!: string;
  @Field(() => CallDirection, { nullable: true }) callDirection?: CallDirection | null;
  @Field(() => Int, { nullable: true }) callDurationSeconds?: number | null;
  @Field(() => CallOutcome, { nullable: true }) callOutcome?: CallOutcome | null;
  @Field(() => String, {
    nullable: true,
    description: 'The same key again answers with the note it first created (no second note)',
  })
  @IsOptional()
  @Length(1, 200, { message: 'idempotencyKey must be 1 to 200 characters' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Fields left out stay as they are' })
export class EditGuestNoteInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => CallDirection, { nullable: true }) callDirection?: CallDirection | null;
  @Field(() => Int, { nullable: true }) callDurationSeconds?: number | null;
  @Field(() => CallOutcome, { nullable: true }) callOutcome?: CallOutcome | null;
}
