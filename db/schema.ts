import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about the database itself (e.g. which demo dataset is loaded); read by /api/health. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
