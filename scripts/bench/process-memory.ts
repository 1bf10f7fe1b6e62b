// The memory a command uses with everything it starts (npm, tsx, node, wrangler, workerd),
// sampled from /proc: the bench's evidence that an import's memory does not grow with the file.
import { readdirSync, readFileSync } from 'node:fs';

interface Process {
  pid: number;
  ppid: number;
  name: string;
  rssBytes: number;
}

function processes(): Process[] {
  const list: Process[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1] ?? '';
      list.push({ pid: Number(entry), ppid: Number(field('PPid')), name: field('Name'), rssBytes: Number.parseInt(field('VmRSS') || '0', 10) * 1024 });
    } catch {
      // The process ended while it was read.
    }
  }
  return list;
}

/** `root` and its descendants. */
function tree(root: number): Process[] {
  const all = processes();
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => inTree.has(p.pid));
}

export interface MemoryPeak {
  /** The highest sum of resident memory over the whole tree at one moment. */
  totalBytes: number;
  /** The highest resident memory of each kind of process (by name: node, workerd…). */
  byName: Map<string, number>;
}

/** Samples `pid`'s process tree every `everyMs` until `stop()`, which returns the peaks. */
export function watchMemory(pid: number, everyMs = 200): { stop: () => MemoryPeak } {
  const peak: MemoryPeak = { totalBytes: 0, byName: new Map() };
  const sample = () => {
    const members = tree(pid);
    peak.totalBytes = Math.max(
      peak.totalBytes,
      members.reduce((sum, p) => sum + p.rssBytes, 0),
    );
    for (const p of members) peak.byName.set(p.name, Math.max(peak.byName.get(p.name) ?? 0, p.rssBytes));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
