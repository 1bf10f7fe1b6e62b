// The CPU time (user + system) the workerd processes below this one have used, from /proc
// (Linux): a figure that other load on a shared machine inflates much less than throughput.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks (USER_HZ, 100 on Linux) to milliseconds. */
const TICK_MS = 10;

/** CPU milliseconds used so far by the workerd processes this process started (wrangler dev's runtime and its local D1). */
export function workerdCpuMs(): number {
  const table = new Map<number, { parent: number; name: string; cpuMs: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), {
        parent: Number(fields[1]),
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      });
    } catch {
      // the process ended while it was read
    }
  }
  const ours = (pid: number): boolean => pid === process.pid || (pid > 1 && table.has(pid) && ours(table.get(pid)!.parent));
  let total = 0;
  for (const info of table.values()) if (info.name === 'workerd' && ours(info.parent)) total += info.cpuMs;
  return total;
}
