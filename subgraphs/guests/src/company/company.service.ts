import {
  invalidInput,
  notFound,
  pageSize,
  toPage,
  type Actor,
  type Db,
  type Page,
} from '@attendant/kit';
import { tenant } from '../shared/tenant';
import { CompanyRepository, type CompanyRow } from './company.repository';

export class CompanyService {
  private readonly repo: CompanyRepository;

  constructor(db: Db) {
    this.repo = new CompanyRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<CompanyRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  async get(actor: Actor, id: string): Promise<CompanyRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw notFound('Company', id);
    return row;
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; search?: string | null },
  ): Promise<Page<CompanyRow>> {
    const t = tenant(actor);
    if ((args.search?.length ?? 0) > 100)
      throw invalidInput('Search must be at most 100 characters', 'search');
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(t, { ...args, first: size });
    return toPage(rows, size, 'name', totalCount);
  }
}
