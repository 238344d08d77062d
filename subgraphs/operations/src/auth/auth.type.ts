import { IsEmail, IsIn, Length, ArrayNotEmpty } from 'class-validator';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationKind, Role } from '@attendant/db';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A tenant: one hotel or one field-service company' })
export class Organization {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field() timezone!: string;
  @Field() currency!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A staff member' })
export class User {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => Organization) organization!: Organization;
  @Field(() => ID, { nullable: true, description: 'Set when this user is a technician' })
  technicianId?: string | null;
  organizationId!: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Short-lived JWT: send as "Authorization: Bearer <token>"' })
  accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field({ description: 'Exchange for a new session with refreshSession; single use' })
  refreshToken!: string;
  @Field(() => User) user!: User;
}

@InputType()
export class LoginInput {
  @Field() @IsEmail({}, { message: 'Enter a valid email address' }) email!: string;
  @Field() @Length(1, 200, { message: 'Enter your password' }) password!: string;
}

export const API_KEY_SCOPES = ['read', 'write'] as const;

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The public start of the key, to recognise it' }) prefix!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'The full key. It is shown once and never stored; keep it safe.' })
  secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field() @Length(2, 100, { message: 'Name must be 2 to 100 characters' }) name!: string;
  @Field(() => [String], { description: 'read and/or write' })
  @ArrayNotEmpty({ message: 'Choose at least one scope' })
  @IsIn(API_KEY_SCOPES, { each: true, message: 'Scopes are read and write' })
  scopes!: string[];
}
