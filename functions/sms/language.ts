import type { Country } from '#core/countries';
import { LOCALES, type Locale } from '#core/i18n';

/**
 * The language of a reply. A message written in one of our languages is answered in it; one that
 * holds no word that tells (a bare number, or "ПИН 2120…", the same word in Kyrgyz and Russian)
 * is answered in the country's first language and, in Kyrgyzstan and Kazakhstan, in Russian too,
 * as seed 000 prints its notice in both.
 */

/** The languages a country's notices are printed in, the state language first. */
export const COUNTRY_LANGUAGES: Record<Country, readonly Locale[]> = {
  BG: ['bg'],
  KG: ['ky', 'ru'],
  KZ: ['kk', 'ru'],
};

/** Words people write around their number, by the languages they belong to. */
const WORD_LISTS: [readonly Locale[], string][] = [
  [['bg'], 'къде коя кой моята моят секция секцията избирателна избирателната гласувам гласуване здравейте здравей благодаря моля искам проверка номерът'],
  [
    ['ru'],
    'где какой какая мне меня хочу узнать найти проверить голосовать голосую избирательный избирательного здравствуйте привет спасибо пожалуйста добрый день участка',
  ],
  [['ky'], 'кайда менин шайлоо шайлоочу участогум участогумду участогу салам саламатсызбы рахмат текшерүү билгим келет сураныч номерим'],
  [['kk'], 'қайда менің сайлау учаскем учаскесі учаске сәлем сәлеметсіз рақмет тексеру білгім келеді өтінемін нөмірім жсн'],
  [['en'], 'where my is what which polling station hello hi please check find number personal vote thanks thank you'],
  [['ru', 'bg'], 'мой моя мое моё номер адрес'],
  [['ru', 'ky'], 'участок'],
];
const WORDS = new Map(WORD_LISTS.flatMap(([locales, words]) => words.split(' ').map((word) => [word, locales] as const)));

/** Names of the numbers, written the same in several languages: they tell nothing. */
const NEUTRAL = new Set(['пин', 'иин', 'инн', 'егн', 'лнч', 'смс', 'pin', 'iin', 'inn', 'egn', 'lnch', 'sms', 'id']);

/** The languages a word's letters allow, when its letters tell anything. */
function byLetters(word: string): readonly Locale[] | undefined {
  if (/^[a-z]+$/.test(word)) return ['en'];
  if (/[әғқұһі]/.test(word)) return ['kk'];
  if (/[ңөү]/.test(word)) return ['ky', 'kk'];
  if (/[ъѝ]/.test(word)) return ['bg'];
  return undefined;
}

/**
 * The languages to reply in, in order. Each word that tells votes: a word only one language has
 * counts twice; a word of several counts once, when the country's languages leave one of them.
 * The most votes win, a tie goes to the country's languages in their order; no vote gives the
 * country's languages (English when the country is not known either).
 *
 * @example replyLocales('21203198701310', 'KG') // ['ky', 'ru']
 * @example replyLocales('Мой ПИН 21203198701310', 'KG') // ['ru']
 */
export function replyLocales(text: string, country: Country | undefined): Locale[] {
  const preferred = country ? COUNTRY_LANGUAGES[country] : [];
  const votes = new Map<Locale, number>();
  const vote = (locale: Locale, weight: number) => votes.set(locale, (votes.get(locale) ?? 0) + weight);
  for (const word of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    if (NEUTRAL.has(word)) continue;
    const languages = WORDS.get(word) ?? byLetters(word);
    if (!languages) continue;
    if (languages.length === 1) vote(languages[0]!, 2);
    else {
      const local = languages.filter((locale) => preferred.includes(locale));
      if (local.length === 1) vote(local[0]!, 1);
    }
  }
  if (votes.size === 0) return preferred.length > 0 ? [...preferred] : ['en'];
  const rank = (locale: Locale) => {
    const place = preferred.indexOf(locale);
    return place === -1 ? preferred.length + LOCALES.indexOf(locale) : place;
  };
  const [winner] = [...votes].sort(([a, x], [b, y]) => y - x || rank(a) - rank(b));
  return [winner![0]];
}
