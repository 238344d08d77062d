import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { NOTE_WRITERS } from '../shared/actors';
import { ref, User } from '../shared/references';
import type { NoteRow } from './note.repository';
import type { NoteService } from './note.service';
import { AddGuestNoteInput, EditGuestNoteInput, GuestNote } from './note.type';

@Resolver(() => GuestNote)
export class NoteResolver {
  constructor(private readonly service: NoteService) {}

  @Authorized(...NOTE_WRITERS)
  @Mutation(() => GuestNote, {
    description: "Logs a call or writes an internal note on a guest's timeline",
  })
  addGuestNote(@Arg('input') input: AddGuestNoteInput, @Ctx() ctx: SubgraphContext) {
    return this.service.add(ctx.actor, input);
  }

  @Authorized(...NOTE_WRITERS)
  @Mutation(() => GuestNote, { description: 'Changes a note (its author or a manager)' })
  editGuestNote(@Arg('input') input: EditGuestNoteInput, @Ctx() ctx: SubgraphContext) {
    return this.service.edit(ctx.actor, input);
  }

  @Authorized(...NOTE_WRITERS)
  @Mutation(() => GuestNote, {
    description:
      'Takes a note off the timeline (its author or a manager); restoreGuestNote undoes it',
  })
  deleteGuestNote(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.remove(ctx.actor, id);
  }

  @Authorized(...NOTE_WRITERS)
  @Mutation(() => GuestNote, { description: 'Undoes deleteGuestNote' })
  restoreGuestNote(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.restore(ctx.actor, id);
  }

  @FieldResolver(() => User)
  author(@Root() note: NoteRow) {
    return ref('User', note.authorId);
  }
}
