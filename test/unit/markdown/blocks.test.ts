import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getElection } from '#functions/elections/registry';
import { renderChecker } from '#site/markdown/checker-block';
import { escapeHtml, telHref } from '#site/markdown/html';
import { renderTable } from '#site/markdown/table-block';
import { dataTable } from '#core/data-table';

const table = (id: string) => dataTable.parse(JSON.parse(readFileSync(`content/data/${id}.json`, 'utf8')));

describe('telHref', () => {
  it('writes local numbers in international form', () => {
    expect(telHref('(0312) 66-02-86', 'kg')).toBe('tel:+996312660286');
    expect(telHref('0312-620-171', 'kg')).toBe('tel:+996312620171');
    expect(telHref('02/ 904 1351', 'bg')).toBe('tel:+35929041351');
    expect(telHref('119', 'kg')).toBe('tel:119');
    expect(telHref('+7 727 000 00 00', 'kz')).toBe('tel:+77270000000');
  });
});

describe('renderTable', () => {
  it('gives Sofia mobile sections a caption, column headers and row headers in the locale', () => {
    const html = renderTable(table('bg-sofia-mobile-sections'), 'bg');
    expect(html).toContain('<caption id="table-bg-sofia-mobile-sections">');
    expect(html.match(/<th scope="row">/g)).toHaveLength(14);
    for (const district of [
      'Красно село',
      'Изгрев',
      'Триадица',
      'Младост',
      'Витоша',
      'Средец',
      'Оборище',
      'Подуяне',
      'Слатина',
      'Искър',
      'Красна поляна',
      'Надежда',
      'Овча купел',
      'Люлин',
    ]) {
      expect(html).toContain(district);
    }
    expect(html).toContain('role="region"');
    expect(html).toContain('tabindex="0"');
  });

  it('links phones and e-mails', () => {
    const html = renderTable(table('kg-cec-contacts'), 'en');
    expect(html).toContain('<a href="tel:+996312620828">0312-620-828</a>');
    expect(html).toContain('<a href="mailto:kutueva@shailoo.gov.kg">kutueva@shailoo.gov.kg</a>');
  });
});

describe('renderChecker', () => {
  it('ships hidden with every answer pre-worded in the locale and the instants the answers change at', () => {
    const html = renderChecker('mobile-box', getElection('bg-2024-06-09')!, 'ru');
    expect(html).toMatch(/^<form class="checker no-print" data-checker="mobile-box"[^>]* novalidate hidden>/);
    expect(html.match(/<template data-answer=/g)).toHaveLength(7);
    expect(html).toContain('25 мая 2024 г.');
    expect(html).toContain('3 июня 2024 г.');
    expect(html).toContain('<legend>');
    // The first deadline closes at midnight after 25 May in Sofia (UTC+3).
    expect(html).toContain(
      '&quot;mobile-box-request&quot;:{&quot;lastDay&quot;:&quot;2024-05-24T21:00:00.000Z&quot;,&quot;closes&quot;:&quot;2024-05-25T21:00:00.000Z&quot;}',
    );
  });

  it('seed 004, line 99 ("при условие, че на територията на населеното място е назначена подвижна секционна избирателна комисия"): the late answers name the settlements where the data has a commission', () => {
    const html = renderChecker('mobile-box', getElection('bg-2024-06-09')!, 'en');
    const answer = (key: string) => new RegExp(`<template data-answer="${key}"><p>([^<]*)</p>`).exec(html)?.[1] ?? '';
    for (const key of ['late-ask-municipality', 'late-no-commission']) expect(answer(key)).toContain('appointed in: Sofia (Sofia Municipality)');
    expect(answer('apply-by-deadline')).not.toContain('Sofia Municipality');
    expect(answer('late-ask-municipality')).not.toContain('in Sofia:');
  });

  it('quotes the closing hour of the Kazakh window', () => {
    const html = renderChecker('absentee', getElection('kz-2026-referendum')!, 'kk');
    expect(html).toContain('18:00');
    expect(html).toContain('27 ақпан');
  });

  it('refuses an unknown checker', () => {
    expect(() => renderChecker('nope', getElection('bg-2024-06-09')!, 'en')).toThrow(/unknown checker/);
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
