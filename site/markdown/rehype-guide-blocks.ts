import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type {} from 'mdast-util-to-hast'; // registers the `raw` node type in hast
import { getElection } from '#functions/elections/registry';
import { isLocale, type Locale } from '#core/i18n';
import { renderChecker } from './checker-block';
import { dataTable } from '#core/data-table';
import { renderTable } from './table-block';

interface VFileLike {
  path?: string;
  history?: string[];
  data?: { astro?: { frontmatter?: Record<string, unknown> } };
}

const MARKER = /^\{\{(table|checker):([a-z0-9-]+)\}\}$/;
const tableCache = new Map<string, ReturnType<typeof dataTable.parse>>();

function loadTable(id: string) {
  let table = tableCache.get(id);
  if (!table) {
    const file = join(process.cwd(), 'content', 'data', `${id}.json`);
    table = dataTable.parse(JSON.parse(readFileSync(file, 'utf8')));
    tableCache.set(id, table);
  }
  return table;
}

function guideLocale(file: VFileLike): Locale | undefined {
  const path = (file.path ?? file.history?.[0] ?? '').replace(/\\/g, '/');
  const match = /content\/guides\/([a-z]{2})\//.exec(path);
  return match && isLocale(match[1]) ? match[1] : undefined;
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function isElement(node: ElementContent | RootContent, tagName?: string): node is Element {
  return node.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

/**
 * Makes GFM task-list checkboxes tickable, each with its text as the label. The page's script
 * knows a box by its position (site/scripts/checklists.ts), so the box carries no index.
 */
function tickable(li: Element): void {
  const target = li.children.find((child) => isElement(child, 'p')) as Element | undefined;
  const holder = target ?? li;
  const inputAt = holder.children.findIndex((child) => isElement(child, 'input'));
  const input = holder.children[inputAt] as Element | undefined;
  if (!input) return;
  delete input.properties.disabled;
  const end = holder.children.findIndex((child, i) => i > inputAt && isElement(child) && ['ul', 'ol', 'p'].includes(child.tagName));
  const stop = end === -1 ? holder.children.length : end;
  // The text goes in one span: as the flex label's own children, every text run and link
  // would become a column of its own.
  const text: Element = { type: 'element', tagName: 'span', properties: {}, children: holder.children.slice(inputAt + 1, stop) as ElementContent[] };
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: [input, text] };
  holder.children.splice(inputAt, stop - inputAt, label);
}

function transform(parent: Root | Element, locale: Locale, file: VFileLike): void {
  parent.children.forEach((node, index) => {
    if (!isElement(node)) return;
    if (node.tagName === 'p') {
      const match = MARKER.exec(textOf(node).trim());
      if (match) {
        const [, kind, id] = match as unknown as [string, 'table' | 'checker', string];
        parent.children[index] = { type: 'raw', value: kind === 'table' ? renderTable(loadTable(id), locale) : checkerHtml(id, locale, file) };
        return;
      }
    }
    if (node.tagName === 'li' && String(node.properties.className ?? '').includes('task-list-item')) tickable(node);
    transform(node, locale, file);
  });
}

function checkerHtml(id: string, locale: Locale, file: VFileLike): string {
  const electionId = file.data?.astro?.frontmatter?.election;
  const election = typeof electionId === 'string' ? getElection(electionId) : undefined;
  if (!election) throw new Error(`${file.path}: {{checker:${id}}} needs a guide with a known "election"`);
  return renderChecker(id, election, locale);
}

/**
 * Guide blocks: `{{table:<id>}}` and `{{checker:<id>}}` paragraphs become a data table or a
 * checker form in the guide's locale, and task-list items become tickable checkboxes.
 */
export default function rehypeGuideBlocks() {
  return (tree: Root, file: VFileLike) => {
    const locale = guideLocale(file);
    if (!locale) return;
    transform(tree, locale, file);
  };
}
