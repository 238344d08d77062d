import { GuestKind } from '@attendant/db';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ProfileField } from './guest-rules';

/** The profile fields rules can name; GraphQL spells them in capitals, the rules in camelCase. */
export enum GuestProfileField {
  EMAIL = 'email',
  PHONE = 'phone',
  NATIONALITY = 'nationality',
  BIRTH_DATE = 'birthDate',
  ADDRESS = 'address',
  LANGUAGE = 'language',
  COMPANY = 'company',
  PREFERENCES = 'preferences',
  TITLE = 'title',
  FIRST_NAME = 'firstName',
}
registerEnumType(GuestProfileField, {
  name: 'GuestProfileField',
  description: 'A guest profile field the completeness and validation rules can name',
  valuesConfig: {
    ADDRESS: { description: 'Address line 1, city and country code all present' },
    PREFERENCES: { description: 'At least one stated preference' },
  },
});

// Compile-time check that the GraphQL enum and the rules name the same fields.
const fieldsMatch: Record<ProfileField, GuestProfileField> = {
  email: GuestProfileField.EMAIL,
  phone: GuestProfileField.PHONE,
  nationality: GuestProfileField.NATIONALITY,
  birthDate: GuestProfileField.BIRTH_DATE,
  address: GuestProfileField.ADDRESS,
  language: GuestProfileField.LANGUAGE,
  company: GuestProfileField.COMPANY,
  preferences: GuestProfileField.PREFERENCES,
  title: GuestProfileField.TITLE,
  firstName: GuestProfileField.FIRST_NAME,
};
void fieldsMatch;

@ObjectType({ description: 'How much one profile field counts towards completeness' })
export class CompletenessRule {
  @Field(() => GuestProfileField) field!: GuestProfileField;
  @Field(() => Int, { description: '0–100; a field weighing 0 is not scored' }) weight!: number;
  @Field({ description: 'Shown in gaps as "missing <label>"' }) label!: string;
}

@ObjectType({ description: 'Fields a guest of one kind must have' })
export class RequiredFieldsRule {
  @Field(() => GuestKind) guestKind!: GuestKind;
  @Field(() => [GuestProfileField]) fields!: GuestProfileField[];
}

@ObjectType()
export class ValidationSettings {
  @Field({ description: 'Report email addresses that are not well formed' }) emailFormat!: boolean;
  @Field({ description: 'Report phone numbers that do not match the pattern' })
  phoneFormat!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Regular expression phone numbers must match; null for the default',
  })
  phonePattern!: string | null;
  @Field(() => [RequiredFieldsRule]) required!: RequiredFieldsRule[];
}

@ObjectType()
export class RepeatGuestSettings {
  @Field() enabled!: boolean;
  @Field(() => Int, { description: 'Stays after which a guest is classified Returning' })
  minStays!: number;
}

@ObjectType()
export class EnrichmentSettings {
  @Field({ description: 'Fill an empty language from the nationality' })
  languageFromNationality!: boolean;
  @Field({ description: "Link a guest to the company whose email shares the guest's domain" })
  companyFromEmailDomain!: boolean;
  @Field(() => RepeatGuestSettings) flagRepeatGuest!: RepeatGuestSettings;
}

@ObjectType({ description: 'A guest is a VIP when any of these rules matches' })
export class VipSettings {
  @Field(() => [String], { description: 'Mews classifications that make a VIP, e.g. Vip' })
  classifications!: string[];
  @Field(() => Int, { nullable: true, description: 'Stays that make a VIP; null to ignore' })
  minStays!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Total spend (minor units) that makes a VIP; null to ignore',
  })
  minSpendMinor!: number | null;
  @Field({ description: 'Whether staff can make a guest VIP by hand' }) honourManualFlag!: boolean;
}

@ObjectType({ description: "The organization's guest intelligence rules" })
export class GuestRuleSettings {
  @Field(() => [CompletenessRule]) completeness!: CompletenessRule[];
  @Field(() => ValidationSettings) validation!: ValidationSettings;
  @Field(() => EnrichmentSettings) enrichment!: EnrichmentSettings;
  @Field(() => VipSettings) vip!: VipSettings;
  @Field({ description: 'True while the organization uses the default rules' }) isDefault!: boolean;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Guests whose data changed when these settings were saved (mutation only)',
  })
  recomputedGuests!: number | null;
}

@InputType()
export class CompletenessRuleInput {
  @Field(() => GuestProfileField) field!: GuestProfileField;
  @Field(() => Int) weight!: number;
  @Field() label!: string;
}

@InputType()
export class RequiredFieldsRuleInput {
  @Field(() => GuestKind) guestKind!: GuestKind;
  @Field(() => [GuestProfileField]) fields!: GuestProfileField[];
}

@InputType()
export class ValidationSettingsInput {
  @Field() emailFormat!: boolean;
  @Field() phoneFormat!: boolean;
  @Field(() => String, { nullable: true }) phonePattern?: string | null;
  @Field(() => [RequiredFieldsRuleInput]) required!: RequiredFieldsRuleInput[];
}

@InputType()
export class RepeatGuestSettingsInput {
  @Field() enabled!: boolean;
  @Field(() => Int) minStays!: number;
}

@InputType()
export class EnrichmentSettingsInput {
  @Field() languageFromNationality!: boolean;
  @Field() companyFromEmailDomain!: boolean;
  @Field(() => RepeatGuestSettingsInput) flagRepeatGuest!: RepeatGuestSettingsInput;
}

@InputType()
export class VipSettingsInput {
  @Field(() => [String]) classifications!: string[];
  @Field(() => Int, { nullable: true }) minStays?: number | null;
  @Field(() => Int, { nullable: true }) minSpendMinor?: number | null;
  @Field() honourManualFlag!: boolean;
}

@InputType({ description: 'The complete rule set; it replaces the stored one (checked on save)' })
export class GuestRuleSettingsInput {
  @Field(() => [CompletenessRuleInput]) completeness!: CompletenessRuleInput[];
  @Field(() => ValidationSettingsInput) validation!: ValidationSettingsInput;
  @Field(() => EnrichmentSettingsInput) enrichment!: EnrichmentSettingsInput;
  @Field(() => VipSettingsInput) vip!: VipSettingsInput;
}

@ObjectType({ description: 'A guest profile completeness score at one moment' })
export class CompletenessPoint {
  @Field(() => Int) score!: number;
  @Field() recordedAt!: Date;
}
