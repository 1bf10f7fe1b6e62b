import type { Locale } from '#core/i18n';
import { escapeHtml, telHref } from './html';
import type { DataTable } from '#core/data-table';

type Cell = DataTable['rows'][number][string];
type Kind = DataTable['columns'][number]['kind'];

function cellText(cell: Cell | undefined, locale: Locale): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell[locale];
}

function cellHtml(text: string, kind: Kind, country: 'bg' | 'kg' | 'kz'): string {
  if (text === '') return '';
  const label = escapeHtml(text);
  switch (kind) {
    case 'tel':
      return `<a href="${telHref(text, country)}">${label}</a>`;
    case 'email':
      return `<a href="mailto:${label}">${label}</a>`;
    case 'url':
      return `<a href="${label}">${escapeHtml(text.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a>`;
    default:
      return label;
  }
}

/**
 * A data table as accessible HTML: a caption, column headers, the first column as row
 * headers, inside a focusable region that scrolls sideways on narrow screens instead of
 * the page.
 */
export function renderTable(table: DataTable, locale: Locale): string {
  const country = table.id.slice(0, 2) as 'bg' | 'kg' | 'kz';
  const captionId = `table-${table.id}`;
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.label[locale])}</th>`).join('');
  const rows = table.rows
    .map((row) => {
      const cells = table.columns.map((column, index) => {
        const html = cellHtml(cellText(row[column.key], locale), column.kind, country);
        return index === 0 ? `<th scope="row">${html}</th>` : `<td>${html}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return (
    `<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">` +
    `<table class="data-table"><caption id="${captionId}">${escapeHtml(table.caption[locale])}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}
