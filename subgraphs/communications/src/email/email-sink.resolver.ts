import { toConnection, type SubgraphContext } from '@attendant/kit';
import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { SINK_READERS, type EmailSinkService } from './email-sink.service';
import { EmailSinkStatus, SinkMail, SinkMailConnection, SinkMailsArgs } from './email-sink.type';

@Resolver()
export class EmailSinkResolver {
  constructor(private readonly service: EmailSinkService) {}

  @Authorized(...SINK_READERS)
  @Query(() => EmailSinkStatus, {
    description: 'Whether email goes to the local mail sink (development and tests)',
  })
  emailSink(@Ctx() ctx: SubgraphContext) {
    return this.service.status(ctx.actor);
  }

  @Authorized(...SINK_READERS)
  @Query(() => SinkMailConnection, {
    description: 'Mails this organization sent into the local mail sink, newest first',
  })
  async sinkMails(@Args() args: SinkMailsArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...SINK_READERS)
  @Query(() => SinkMail, { description: 'One mail of the local mail sink, with its parts' })
  sinkMail(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.mail(ctx.actor, id);
  }
}
