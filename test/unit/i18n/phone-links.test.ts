import { describe, expect, it } from 'vitest';
import { t } from '#core/i18n';

// Issue 25: "Позвонить {phone}" → "Позвоните по номеру {phone}", and the polite register
// throughout. A phone link asks the reader to call, politely, in each language, the same way on
// the lookup's help links as on the mobile-ballot-box pages. Written out by hand.
describe('phone links', () => {
  it('ask the reader to call, in the polite register, on the lookup’s help links', () => {
    expect(t('bg', 'lookup.help.call', { number: '119' })).toBe('Обадете се на 119');
    expect(t('en', 'lookup.help.call', { number: '119' })).toBe('Call 119');
    expect(t('ru', 'lookup.help.call', { number: '119' })).toBe('Позвоните по номеру 119');
    expect(t('ky', 'lookup.help.call', { number: '119' })).toBe('119 номерине чалыңыз');
    expect(t('kk', 'lookup.help.call', { number: '119' })).toBe('119 нөміріне қоңырау шалыңыз');
  });
});
