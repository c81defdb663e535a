import { EntitySchema } from '@mikro-orm/postgresql';

export type UITheme = 'CALM_LIGHT' | 'CALM_DARK' | 'WARM' | 'HIGH_CONTRAST';

/** One build of a person's interface; each build is a new version, the latest one is live. */
export interface UIConfig {
  id: string;
  userId: string;
  /** 1, 2, 3… per person. */
  version: number;
  theme: UITheme;
  visibleComponents: string[];
  /** The visible components, most important first. */
  layoutOrder: string[];
  generatedAt: Date;
}

/** A `User` as this subgraph knows it: only its key. */
export interface UserRef {
  id: string;
}

export const UIConfigEntity = new EntitySchema<UIConfig>({
  name: 'UIConfig',
  tableName: 'ui_config',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    version: { type: 'integer' },
    theme: { type: 'string' },
    visibleComponents: { type: 'json' },
    layoutOrder: { type: 'json' },
    generatedAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const entities = [UIConfigEntity];
