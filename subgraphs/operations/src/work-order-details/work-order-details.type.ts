import { AttachmentKind } from '@attendant/db';
import { Money } from '@attendant/kit';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { IdempotencyKeyField } from '../shared/idempotency.field';

registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: 'PHOTO and SIGNATURE are images; DOCUMENT may also be a PDF',
});

@ObjectType({ description: 'A step to tick off on a work order' })
export class ChecklistItem {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => Int, { description: 'Order on the list, from 0' }) position!: number;
  @Field() done!: boolean;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
  workOrderId!: string;
}

@ObjectType()
export class WorkOrderNote {
  @Field(() => ID) id!: string;
  @Field() authorName!: string;
  @Field() body!: string;
  @Field() createdAt!: Date;
  workOrderId!: string;
}

@ObjectType({ description: 'A photo, signature or document on a work order' })
export class Attachment {
  @Field(() => ID) id!: string;
  @Field(() => AttachmentKind) kind!: AttachmentKind;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The id the uploading client gave, so a retried upload is stored once',
  })
  clientId!: string | null;
  @Field(() => String, { nullable: true, description: 'Signatures: who signed' })
  signerName!: string | null;
  @Field(() => Date, { nullable: true, description: 'Signatures: when it was signed' })
  signedAt!: Date | null;
  @Field() createdAt!: Date;
  // Resolved only when selected: the bytes stay in the database otherwise.
  @Field({ description: 'The file as a data: URL' }) dataUrl?: string;
  workOrderId!: string;
}

@ObjectType({ description: 'A part used on the job (a placeholder line until inventory exists)' })
export class PartLine {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) sku!: string | null;
  @Field(() => Float) quantity!: number;
  @Field(() => Money, { nullable: true }) unitPrice!: Money | null;
  @Field(() => Money, { nullable: true, description: 'quantity × unitPrice, rounded' })
  lineTotal!: Money | null;
  @Field() createdAt!: Date;
  workOrderId!: string;
}

@ObjectType({ description: 'Time worked on a job: logged afterwards or measured by a timer' })
export class TimeEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) technicianId!: string | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'null while the timer runs' })
  endedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Whole minutes; null while the timer runs' })
  minutes!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  workOrderId!: string;
  userId!: string | null;
}

export const ATTACHMENT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;

@InputType()
export class AddWorkOrderAttachmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field(() => AttachmentKind) kind!: AttachmentKind;
  @Field()
  @Length(1, 200, { message: 'Give a file name of 1 to 200 characters' })
  fileName!: string;
  @Field({ description: 'image/jpeg, image/png, image/webp or application/pdf' })
  @IsIn(ATTACHMENT_CONTENT_TYPES, {
    message: 'Attach a JPEG, PNG or WebP image or a PDF document',
  })
  contentType!: string;
  @Field({ description: 'The file, base64-encoded; at most 5 MB once decoded' })
  dataBase64!: string;
  @Field(() => String, {
    nullable: true,
    description: 'An id the client makes up: sending the same one again returns the stored file',
  })
  @IsOptional()
  @Length(1, 100, { message: 'clientId must be 1 to 100 characters' })
  clientId?: string;
  @Field(() => String, { nullable: true, description: 'Required for a SIGNATURE' })
  @IsOptional()
  @MaxLength(200, { message: 'A signer name has at most 200 characters' })
  signerName?: string;
  @Field(() => Date, {
    nullable: true,
    description: 'When the signature was drawn on the device; now by default',
  })
  @IsOptional()
  @IsDate()
  signedAt?: Date;
}

@InputType()
export class AddWorkOrderPartInput {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field()
  @Length(1, 200, { message: 'Describe the part in 1 to 200 characters' })
  description!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64, { message: 'A SKU has at most 64 characters' })
  sku?: string;
  @Field(() => Float)
  @Min(0.001, { message: 'Quantity must be more than 0' })
  @Max(100_000, { message: 'Quantity must be at most 100000' })
  quantity!: number;
  @Field(() => Int, {
    nullable: true,
    description: "Minor units, in the work order's (else the organization's) currency",
  })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Price cannot be negative' })
  unitPriceMinor?: number;
  @IdempotencyKeyField() idempotencyKey?: string;
}

@InputType()
export class LogTimeInput {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field() @IsDate() startedAt!: Date;
  @Field() @IsDate() endedAt!: Date;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'A note has at most 500 characters' })
  note?: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}

@ArgsType()
export class RateWorkOrderArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'Rate from 1 to 5' })
  @Max(5, { message: 'Rate from 1 to 5' })
  rating!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Feedback has at most 2000 characters' })
  feedback?: string;
}

@ArgsType()
export class AddChecklistItemArgs {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field() @Length(1, 200, { message: 'Give a label of 1 to 200 characters' }) label!: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}

@ArgsType()
export class AddWorkOrderNoteArgs {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field() @Length(1, 5000, { message: 'Write a note of 1 to 5000 characters' }) body!: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}

@ArgsType()
export class SetChecklistItemDoneArgs {
  // An unknown id of any shape answers NOT_FOUND, like the other item mutations.
  @Field(() => ID) id!: string;
  @Field() done!: boolean;
  @IdempotencyKeyField() idempotencyKey?: string;
}

@ArgsType()
export class TimerArgs {
  @Field(() => ID) workOrderId!: string;
  @IdempotencyKeyField() idempotencyKey?: string;
  @Field(() => Date, {
    nullable: true,
    description: 'When it happened on the device (it may have been offline); now by default',
  })
  @IsOptional()
  @IsDate()
  at?: Date;
}
