import { checkDigits } from '#core/lookup/personal-numbers';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data everywhere. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function birthDate(random: () => number): { year: number; month: number; day: number } {
  const year = 1930 + Math.floor(random() * 76);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return { year, month, day };
}

/** A synthetic ЕГН with a valid date and check digit. */
export function syntheticEgn(random: () => number): string {
  const { year, month, day } = birthDate(random);
  const monthCode = year >= 2000 ? month + 40 : month;
  const first9 = `${pad(year % 100, 2)}${pad(monthCode, 2)}${pad(day, 2)}${pad(Math.floor(random() * 1000), 3)}`;
  return first9 + checkDigits.egn(first9);
}

/** A synthetic ИИН with a valid date, century digit and check digit. */
export function syntheticIin(random: () => number): string {
  for (;;) {
    const { year, month, day } = birthDate(random);
    const sex = random() < 0.5 ? 1 : 0;
    const centuryDigit = (year >= 2000 ? 5 : 3) + sex;
    const first11 = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${centuryDigit}${pad(Math.floor(random() * 10000), 4)}`;
    const check = checkDigits.iin(first11);
    if (check !== undefined) return first11 + check;
  }
}

/** A synthetic Kyrgyz ПИН: sex digit, DDMMYYYY, five serial digits. */
export function syntheticPin(random: () => number): string {
  const { year, month, day } = birthDate(random);
  return `${random() < 0.5 ? 1 : 2}${pad(day, 2)}${pad(month, 2)}${year}${pad(Math.floor(random() * 100000), 5)}`;
}
