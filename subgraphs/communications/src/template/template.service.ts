import type { Channel } from '@attendant/db';
import type { Actor, Db } from '@attendant/kit';
import { isUuid, tenant } from '../shared/actors';
import { TemplateRepository, type TemplateRow } from './template.repository';

const TEMPLATE_LIMIT = 500;

export class TemplateService {
  private readonly repo: TemplateRepository;

  constructor(db: Db) {
    this.repo = new TemplateRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<TemplateRow[]> {
    return this.repo.findByIds(tenant(actor), ids.filter(isUuid));
  }

  /** The organization's templates by name (at most 500). */
  list(actor: Actor, channel?: Channel | null): Promise<TemplateRow[]> {
    return this.repo.list(tenant(actor), { channel, take: TEMPLATE_LIMIT });
  }
}
