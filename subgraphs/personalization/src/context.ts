import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, isUuid } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import type { UIConfig } from './entities.js';

export interface PersonalizationContext extends SubgraphContext {
  configs: DataLoader<string, UIConfig | null>;
  /** Each person's latest config: one SQL query per batch of people. */
  latestConfigByUser: DataLoader<string, UIConfig | null>;
}

function latestLoader(em: EntityManager): DataLoader<string, UIConfig | null> {
  return new DataLoader(async (userIds) => {
    const valid = [...new Set(userIds.filter(isUuid))];
    const rows = valid.length
      ? await em.getConnection().execute<Record<string, unknown>[]>(
          `select distinct on (user_id) * from ui_config where user_id in (${valid.map(() => '?').join(', ')})
           order by user_id, version desc`,
          valid,
        )
      : [];
    const byUser = new Map(rows.map((row) => [String(row.user_id), em.map('UIConfig', row as never) as UIConfig]));
    return userIds.map((id) => byUser.get(id) ?? null);
  });
}

export const personalizationContext = (base: SubgraphContext): PersonalizationContext => ({
  ...base,
  configs: entityLoader<UIConfig>(base.em, 'UIConfig'),
  latestConfigByUser: latestLoader(base.em),
});
