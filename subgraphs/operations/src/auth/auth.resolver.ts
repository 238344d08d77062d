import { loader, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AuthService } from './auth.service';
import {
  ApiKey,
  AuthPayload,
  CreateApiKeyInput,
  CreatedApiKey,
  LoginInput,
  Organization,
  User,
} from './auth.type';

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Signs a staff member in' })
  login(@Arg('input') input: LoginInput) {
    return this.auth.login(input.email, input.password);
  }

  @Mutation(() => AuthPayload, {
    description: 'Trades a refresh token for a new session; the old token stops working',
  })
  refreshSession(@Arg('refreshToken') refreshToken: string) {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token' })
  logout(@Arg('refreshToken') refreshToken: string) {
    return this.auth.logout(refreshToken);
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in staff member' })
  me(@Ctx() ctx: SubgraphContext) {
    return this.auth.me(ctx.actor);
  }

  @FieldResolver(() => Organization)
  organization(@Root() user: User & { organization?: Organization }, @Ctx() ctx: SubgraphContext) {
    return (
      user.organization ??
      loader(ctx, 'Organization', (ids) => this.auth.organizationsByIds(ids)).load(
        user.organizationId,
      )
    );
  }

  @Authorized('ADMIN')
  @Query(() => [ApiKey])
  apiKeys(@Ctx() ctx: SubgraphContext) {
    return this.auth.apiKeys(ctx.actor);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key for an integration' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: SubgraphContext) {
    return this.auth.createApiKey(ctx.actor, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.auth.revokeApiKey(ctx.actor, id);
  }
}

export const userReference = (auth: AuthService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'User', (ids) => auth.usersByIds(ctx.actor, ids)).load(ref.id);
  },
});

export const organizationReference = (auth: AuthService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    if (ctx.actor.organizationId !== ref.id) return null;
    return loader(ctx, 'Organization', (ids) => auth.organizationsByIds(ids)).load(ref.id);
  },
});
