import { fill, pluralForm, type PluralForms } from '#core/i18n/plural';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; notice?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 10;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // Built by `pagefind` after `astro build`; it picks the index for this page's <html lang>.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 24 });
    return module;
  });
  return pagefind;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  // A vote that is over says so first, as the page itself does.
  if (data.meta.notice) {
    const notice = document.createElement('strong');
    notice.textContent = data.meta.notice;
    excerpt.append(notice, ' ');
  }
  // Pagefind escapes the page text and wraps matches in <mark>; keep only those marks.
  const template = document.createElement('template');
  template.innerHTML = data.excerpt;
  for (const node of [...template.content.childNodes]) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      excerpt.append(mark);
    } else {
      excerpt.append(node.textContent ?? '');
    }
  }
  item.append(link, excerpt);
  return item;
}

async function runSearch(form: HTMLFormElement, query: string) {
  const messages = JSON.parse(form.dataset.messages!) as Record<'zero' | 'loading' | 'failed', string> & { count: PluralForms };
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  list.replaceChildren();
  if (query.trim() === '') {
    status.textContent = '';
    return;
  }
  status.textContent = messages.loading;
  try {
    const search = await (await loadPagefind()).search(query);
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...results.map(resultItem));
    status.textContent =
      results.length === 0
        ? fill(messages.zero, { query })
        : fill(pluralForm(document.documentElement.lang, messages.count, search.results.length), { query, count: search.results.length });
  } catch {
    status.textContent = messages.failed;
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  form.hidden = false;
  document.querySelector<HTMLElement>('[data-search-fallback]')!.hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void runSearch(form, input.value);
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void runSearch(form, initial);
  }
}
