/**
 * Whether a D1 error (as drizzle passes it on, possibly wrapped with the failed query as its
 * cause) is a UNIQUE or PRIMARY KEY violation of `table.column`.
 */
export function violatesUnique(error: unknown, column: string): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (/UNIQUE constraint failed/.test(current.message) && current.message.includes(column)) return true;
  }
  return false;
}

/** Whether a D1 error (as drizzle passes it on) is a NOT NULL violation of `table.column`. */
export function violatesNotNull(error: unknown, column: string): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (/NOT NULL constraint failed/.test(current.message) && current.message.includes(column)) return true;
  }
  return false;
}
