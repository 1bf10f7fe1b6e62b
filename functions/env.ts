/** The Worker's bindings, as wrangler.toml declares them. */
export interface Bindings {
  DB: D1Database;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { locale: import('./platform/locale').Locale };
}
