import { tenant, notFound, pageSize, toPage, type Actor, type Db, type Page } from '@attendant/kit';
import { TechnicianRepository, type TechnicianRow } from './technician.repository';

export class TechnicianService {
  private readonly repo: TechnicianRepository;

  constructor(db: Db) {
    this.repo = new TechnicianRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<TechnicianRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  async get(actor: Actor, id: string): Promise<TechnicianRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw notFound('Technician', id);
    return row;
  }

  async list(
    actor: Actor,
    args: {
      first?: number | null;
      after?: string | null;
      search?: string | null;
      skill?: string | null;
    },
  ): Promise<Page<TechnicianRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(tenant(actor), { ...args, first: size });
    return toPage(rows, size, 'name', totalCount);
  }
}
