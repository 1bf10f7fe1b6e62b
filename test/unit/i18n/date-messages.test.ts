import { describe, expect, it } from 'vitest';
import { atTime, dayAt, dayUntil, dictionaries, LOCALES, onDay, t, type Locale, type MessageKey, type MessageValue } from '#core/i18n';
import * as english from '#core/i18n/messages/en';
import { KAZAKH_ALONE, KAZAKH_MONTHS, KYRGYZ_ALONE, KYRGYZ_MONTHS, type Forms } from './month-forms';

// Every message with a day or a time in it, rendered in every language with one day per month
// (the 25th of each month of 2024), as the pages and the API fill them. For Kyrgyz and Kazakh the
// result is compared with sentences written out by hand (the month forms in month-forms.ts), so
// a case ending the sentence needs ("чейин" and "дейін" take the dative, "кийин"/"кейін" and
// "баштап"/"бастап" the ablative) cannot go missing again.

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;
const dayOf = (month: string) => `2024-${month}-25`;

const OTHER = {
  title: 'T',
  count: 3,
  districts: 'D1, D2',
  phone: '02 904 1351',
  email: 'staff@example.bg',
  district: 'Лозенец',
  channel: 'C',
  threshold: 10,
  ballot: 'B',
  recipient: 'СДВР',
  settlements: 'S1, S2',
  settlement: 'Лозен',
  municipality: 'M',
};

/** What each message is given, as the code that renders it gives it. */
const VALUES: Record<string, (day: string) => Record<string, MessageValue>> = {
  'common.home.nextDate': (day) => ({ date: dayUntil(day), title: OTHER.title }),
  'common.home.electionOn': (day) => ({ date: onDay(day) }),
  'common.home.periodUntil': (day) => ({ date: onDay(day) }),
  'guides.guide.reviewed': (day) => ({ date: onDay(day) }),
  'guides.guide.over': (day) => ({ date: onDay(day) }),
  'guides.guide.overPeriod': (day) => ({ date: onDay(day) }),
  'guides.timeline.pollingHours': () => ({ opens: atTime('07:00'), closes: atTime('20:00') }),
  'guides.timeline.range': (day) => ({ from: onDay(day), to: dayUntil(day, '18:00') }),
  'guides.checker.currentAddress.election-over': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day) }),
  'guides.checker.currentAddress.apply-by-deadline': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day) }),
  'guides.checker.currentAddress.deadline-passed': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day) }),
  'guides.checker.mobileBox.election-over': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day), late: dayUntil(day), phone: OTHER.phone }),
  'guides.checker.mobileBox.apply-by-deadline': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day), late: dayUntil(day), phone: OTHER.phone }),
  'guides.checker.mobileBox.late-with-commission': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day), late: dayUntil(day), phone: OTHER.phone }),
  'guides.checker.mobileBox.late-ask-municipality': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day), late: dayUntil(day), phone: OTHER.phone }),
  'guides.checker.mobileBox.late-no-commission': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day), late: dayUntil(day), phone: OTHER.phone }),
  'guides.checker.mobileBox.too-late': (day) => ({ votingDay: onDay(day), deadline: dayUntil(day), late: dayUntil(day), phone: OTHER.phone }),
  'guides.checker.absentee.election-over': (day) => ({ votingDay: onDay(day), opens: onDay(day), closes: dayUntil(day, '18:00') }),
  'guides.checker.absentee.not-yet': (day) => ({ votingDay: onDay(day), opens: onDay(day), closes: dayUntil(day, '18:00') }),
  'guides.checker.absentee.apply-now': (day) => ({ votingDay: onDay(day), opens: onDay(day), closes: dayUntil(day, '18:00') }),
  'guides.checker.absentee.window-closed': (day) => ({ votingDay: onDay(day), opens: onDay(day), closes: dayUntil(day, '18:00') }),
  'lookup.result.hoursValue': () => ({ opens: atTime('07:00'), closes: atTime('20:00') }),
  'mobileBox.deadline.open': (day) => ({ date: onDay(day), count: OTHER.count }),
  'mobileBox.deadline.today': (day) => ({ date: onDay(day) }),
  'mobileBox.deadline.late': (day) => ({ deadline: onDay(day), late: onDay(day), settlements: OTHER.settlements }),
  'mobileBox.deadline.lateNone': (day) => ({ deadline: onDay(day), late: onDay(day) }),
  'mobileBox.refusal.noCommission': (day) => ({ deadline: dayUntil(day), settlement: OTHER.settlement }),
  'mobileBox.deadline.closed': (day) => ({ late: onDay(day) }),
  'mobileBox.choose.until': (day) => ({ date: onDay(day) }),
  'mobileBox.help.phone': () => ({ phone: OTHER.phone, opens: atTime('09:00'), closes: atTime('17:30') }),
  'mobileBox.help.call': () => ({ phone: OTHER.phone, opens: atTime('09:00'), closes: atTime('17:30') }),
  'mobileBox.print.deadline': (day) => ({ date: onDay(day) }),
  'mobileBox.status.receivedOn': (day) => ({ date: onDay(day) }),
  'staff.hint.receivedOn': (day) => ({ from: onDay(day) }),
  'staff.new.receivedOn': (day) => ({ date: onDay(day) }),
  'privacy.retention.mobileBox': (day) => ({ election: OTHER.title, date: onDay(day) }),
  'sections.note.late': (day) => ({ date: onDay(day) }),
  'sections.list.intro': (day) => ({ date: onDay(day), recipient: OTHER.recipient }),
  'sections.list.overdue': (day) => ({ date: onDay(day) }),
  'sections.transfer.open': (day) => ({ district: OTHER.district, date: onDay(day) }),
  'sections.transfer.closed': (day) => ({ district: OTHER.district, date: onDay(day) }),
  'sections.transfer.cityOpen': (day) => ({ date: onDay(day) }),
  'sections.transfer.cityClosed': (day) => ({ date: onDay(day) }),
  'sections.handover.sent': (day) => ({ date: dayAt(day, '10:00'), email: OTHER.email, recipient: OTHER.recipient }),
  'sections.handover.deadline': (day) => ({ date: onDay(day), recipient: OTHER.recipient }),
  'sections.handover.overdue': (day) => ({ date: onDay(day) }),
  'sections.handover.received': (day) => ({ date: dayAt(day, '10:00') }),
  'sections.constituency.setBy': (day) => ({ date: dayAt(day, '10:00'), email: OTHER.email }),
  'sections.register.group': (day) => ({ date: dayAt(day, '10:00'), district: OTHER.district, channel: OTHER.channel }),
  'sections.register.transferClosed': (day) => ({ date: onDay(day) }),
  'staff.summary.flag': (day) => ({
    settlement: OTHER.settlement,
    ballot: OTHER.ballot,
    threshold: OTHER.threshold,
    date: onDay(day),
    municipality: OTHER.municipality,
  }),
  'about.date': (day) => ({ date: onDay(day) }),
};

/** Messages that put a number in a case (tested below), not a day. */
const NUMBER_CASES = ['staff.summary.reached', 'staff.summary.intro'];
/** Building blocks of the date layer itself, rendered through the messages above. */
const BLOCKS = ['common.date.withTime', 'staff.dateTime', 'guides.timeline.until'];
/** Placeholders that hold a day or a time wherever they stand (lookup.range's from/to are house numbers). */
const DAY_OR_TIME = new Set(['date', 'deadline', 'late', 'votingDay', 'opens', 'closes', 'time']);

const render = (locale: Locale, key: string, month: string) => t(locale, key as MessageKey, VALUES[key]!(dayOf(month)) as never);

/** The forms of one month's day in a sentence, by hand (month-forms.ts). */
interface Day extends Forms {
  alone: string;
  inSentence: string;
}
const kyDay = (month: string): Day => {
  const forms = KYRGYZ_MONTHS.find(([m]) => m === month)![1];
  const prefix = (form: string) => `2024-жылдын ${form}`;
  return {
    ...KYRGYZ_ALONE[month]!,
    genitive: prefix(forms.genitive),
    dative: prefix(forms.dative),
    locative: prefix(forms.locative),
    ablative: prefix(forms.ablative),
  };
};
const kkDay = (month: string): Day => {
  const forms = KAZAKH_MONTHS.find(([m]) => m === month)![1];
  const prefix = (form: string) => `2024 жылғы ${form}`;
  return {
    ...KAZAKH_ALONE[month]!,
    genitive: prefix(forms.genitive),
    dative: prefix(forms.dative),
    locative: prefix(forms.locative),
    ablative: prefix(forms.ablative),
  };
};

const KYRGYZ: Record<string, (d: Day) => string> = {
  'common.home.nextDate': (d) => `Кийинки дата: ${d.alone}, T`,
  'common.home.electionOn': (d) => `Добуш берүү күнү: ${d.alone}`,
  'common.home.periodUntil': (d) => `Акыркы күнү: ${d.alone}`,
  'guides.guide.reviewed': (d) => `Булак документ менен ${d.locative} салыштырылды.`,
  'guides.guide.over': (d) =>
    `Бул добуш берүү өтүп кеткен: добуш берүү күнү — ${d.alone}. Төмөнкү эрежелер маалымат үчүн гана калтырылды: кийинки добуш берүүнүн эрежелери жана даталары башкача болушу мүмкүн.`,
  'guides.guide.overPeriod': (d) =>
    `Бул мезгил аяктаган: акыркы күнү — ${d.alone}. Төмөнкү эрежелер маалымат үчүн гана калтырылды: кийинкисинин эрежелери жана даталары башкача болушу мүмкүн.`,
  'guides.timeline.pollingHours': () => 'Добуш берүү убактысы: 07:00–20:00.',
  'guides.timeline.range': (d) => `${d.alone} – ${d.alone}, саат 18:00-гө чейин`,
  'guides.checker.currentAddress.election-over': (d) => `Бул шайлоо өтүп кеткен: добуш берүү күнү — ${d.alone}. Кийинки шайлоонун өз мөөнөттөрү болот.`,
  'guides.checker.currentAddress.apply-by-deadline': (d) =>
    `Ооба. ${d.dative} чейин муниципалдык администрацияга же regna.grao.bg сайтында онлайн арыз бериңиз.`,
  'guides.checker.currentAddress.deadline-passed': (d) => `Эми болбойт: бул арызды ${d.dative} чейин берүү керек болчу.`,
  'guides.checker.mobileBox.election-over': (d) => `Бул шайлоо өтүп кеткен: добуш берүү күнү — ${d.alone}. Кийинки шайлоонун өз мөөнөттөрү болот.`,
  'guides.checker.mobileBox.apply-by-deadline': (d) =>
    `Ооба. ${d.dative} чейин арыз бериңиз: Европа парламентине шайлоо үчүн № 30-ЕП формасы, Улуттук жыйынга шайлоо үчүн № 31-НС формасы (эки шайлоодо тең добуш берүү үчүн экөө тең).`,
  'guides.checker.mobileBox.late-with-commission': (d) =>
    `Ооба, бирок шашылыңыз: калктуу конушуңузда көчмө секциялык шайлоо комиссиясы дайындалгандыктан, ${d.dative} чейин арыз бере аласыз.`,
  'guides.checker.mobileBox.late-ask-municipality': (d) =>
    `Мүмкүн. ${d.ablative} кийин ${d.dative} чейин арыз берсеңиз болот, бирок калктуу конушуңузда көчмө секциялык шайлоо комиссиясы дайындалган болсо гана. Муниципалитеттен сураңыз (акысыз телефон 02 904 1351).`,
  'guides.checker.mobileBox.late-no-commission': (d) =>
    `Жок. ${d.ablative} кийин кечиккен арыз көчмө секциялык шайлоо комиссиясы дайындалган жерде гана кабыл алынат.`,
  'guides.checker.mobileBox.too-late': (d) => `Эми болбойт: кечиккен арыздарды ${d.dative} чейин гана берүүгө болчу.`,
  'guides.checker.absentee.election-over': (d) => `Бул референдум өтүп кеткен: добуш берүү күнү — ${d.alone}. Кийинки добуш берүүнүн өз даталары болот.`,
  'guides.checker.absentee.not-yet': (d) =>
    `Ооба, ${d.ablative} баштап. Участкалык комиссия жазуу жүзүндөгү арыз боюнча жергиликтүү убакыт менен ${d.inSentence}, саат 18:00-гө чейин күбөлүк берет.`,
  'guides.checker.absentee.apply-now': (d) =>
    `Ооба. Жергиликтүү убакыт менен ${d.inSentence}, саат 18:00-гө чейин участкалык комиссияга жазуу жүзүндө арыз бериңиз.`,
  'guides.checker.absentee.window-closed': (d) => `Эми болбойт: күбөлүктөр жергиликтүү убакыт менен ${d.inSentence}, саат 18:00-гө чейин берилген.`,
  'lookup.result.hoursValue': () => 'Добуш берүү күнү 07:00–20:00',
  'mobileBox.deadline.open': (d) => `Арызды ${d.genitive} аягына чейин бере аласыз: 3 күн калды.`,
  'mobileBox.deadline.today': (d) => `Бүгүн, ${d.alone}, арыз берүүнүн акыркы күнү.`,
  'mobileBox.deadline.late': (d) =>
    `Арыз берүүнүн ${d.dative} чейинки мөөнөтү өттү. ${d.genitive} аягына чейин дагы эле арыз бере аласыз, бирок калктуу конушуңузда көчмө секциялык шайлоо комиссиясы дайындалган болсо гана: S1, S2. Райондорго бөлүнгөн шаар бир калктуу конуш болуп саналат, ошондуктан бул анын бардык райондоруна тиешелүү.`,
  'mobileBox.deadline.lateNone': (d) =>
    `Арыз берүүнүн ${d.dative} чейинки мөөнөтү өттү. ${d.genitive} аягына чейин көчмө секциялык шайлоо комиссиясы дайындалган калктуу конуштун шайлоочулары гана арыз бере алат, ал эми бул муниципалитетте азырынча андай комиссия дайындалган эмес.`,
  'mobileBox.refusal.noCommission': (d) =>
    `Арыз берүүнүн ${d.dative} чейинки мөөнөтү өттү. Андан кийин арыз көчмө секциялык шайлоо комиссиясы дайындалган калктуу конуштан гана кабыл алынат, ал эми «Лозен» калктуу конушунда андай комиссия дайындалган эмес.`,
  'mobileBox.deadline.closed': (d) => `Бул шайлоого арыздар ${d.genitive} аягына чейин кабыл алынган.`,
  'mobileBox.choose.until': (d) => `Арыздар ${d.genitive} аягына чейин кабыл алынат.`,
  'mobileBox.help.phone': () => 'Арыз берүү боюнча суроолор: 02 904 1351 акысыз телефону, иш күндөрү саат 09:00-дөн 17:30-га чейин.',
  'mobileBox.help.call': () => '02 904 1351 номерине чалыңыз (акысыз, иш күндөрү саат 09:00-дөн 17:30-га чейин)',
  'mobileBox.print.deadline': (d) => `Ал ${d.genitive} аягына чейин жетиши керек.`,
  'mobileBox.status.receivedOn': (d) => `${d.locative} келип түштү.`,
  'staff.hint.receivedOn': (d) =>
    `Администрация арызды алган күн (кириш мөөрү боюнча же кат, факс же электрондук кат келген күн), ${d.ablative} баштап бүгүнкү күнгө чейин. Мөөнөттөр ушул күн боюнча текшерилет.`,
  'staff.new.receivedOn': (d) => `Мөөнөттөр келип түшкөн күн — ${d.alone} боюнча текшерилди.`,
  'privacy.retention.mobileBox': (d) => `T: арыздар ${d.dative} чейин сакталат. Андан кийин алар өчүрүлүп, райондор боюнча арыздардын саны гана калат.`,
  'sections.note.late': (d) => `${d.ablative} кийин берилген арыз`,
  'sections.list.intro': (d) =>
    `Жактырылган арыздарды секциянын маршрутуна киргизиңиз, шайлоочулардын даректерин текшериңиз жана тизмени ${d.dative} чейин полицияга (СДВР) өткөрүп бериңиз. Аялдамалардын тартибин полиция түзөт; сиз аны бул жерден көрөсүз.`,
  'sections.list.overdue': (d) => `Мөөнөтү өттү: ${d.dative} чейин өткөрүлүп берилген эмес`,
  'sections.transfer.open': (d) =>
    `«Лозенец» районунун өз көчмө секциясы жок. Жактырылган арыз ээлерин ${d.dative} чейин өз шайлоо округуңуздагы (МИР) секциянын маршрутуна киргизиңиз; ал секциянын району аларды өз маршрутунда сиз жибергендер катары көрөт.`,
  'sections.transfer.closed': (d) =>
    `«Лозенец» районунун өз көчмө секциясы жок. Арыз ээлерин өз шайлоо округундагы (МИР) секцияга өткөрүп берүү мөөнөтү ${d.locative} бүткөн, ошондуктан жаңыларын киргизүүгө болбойт.`,
  'sections.transfer.cityOpen': (d) => `Көчмө секциясы жок райондор арыз ээлерин ${d.dative} чейин өз шайлоо округундагы секцияга өткөрүп бере алышат.`,
  'sections.transfer.cityClosed': (d) => `Көчмө секциясы жок райондордун арыз ээлерин өткөрүп берүү мөөнөтү ${d.locative} бүткөн.`,
  'sections.handover.sent': (d) => `${d.inSentence}, саат 10:00-дө полицияга (СДВР) өткөрүлүп берилди; белгилеген: staff@example.bg.`,
  'sections.handover.deadline': (d) =>
    `Тизмени ${d.dative} чейин полицияга (СДВР) өткөрүп берип, ушул жерден белгилеңиз. Андан кийин да өзгөртүүгө болот; тизме кайра өткөрүлүп берилгенге чейин өзгөртүүлөр белгиленип турат.`,
  'sections.handover.overdue': (d) => `Мөөнөтү өттү: тизме ${d.dative} чейин өткөрүлүп берилген эмес.`,
  'sections.handover.received': (d) => `Район бул тизмени ${d.inSentence}, саат 10:00-дө өткөрүп берди.`,
  'sections.constituency.setBy': (d) => `staff@example.bg ${d.inSentence}, саат 10:00-дө белгиледи`,
  'sections.register.group': (d) => `Келип түштү: ${d.alone}, 10:00 · Лозенец · C`,
  'sections.register.transferClosed': (d) =>
    `Көчмө секциясы жок райондордун арыз ээлерин өткөрүп берүү мөөнөтү ${d.locative} бүткөн: эми ушул райондун өз арыздарын гана киргизүүгө болот.`,
  'staff.summary.flag': (d) =>
    `«Лозен», B: жактырылган арыздар ${d.locative} 10-го жетти. Муниципалитеттин мэри (M) округдук шайлоо комиссиясына (РИК) кабарлайт.`,
  'about.date': (d) => `Бул билдирүү ${d.locative} даярдалды. Ал сайтты жана анын тесттерин ошол күндөгү абалы боюнча сүрөттөйт.`,
};

const KAZAKH: Record<string, (d: Day) => string> = {
  'common.home.nextDate': (d) => `Келесі күн: ${d.alone}, T`,
  'common.home.electionOn': (d) => `Дауыс беру күні: ${d.alone}`,
  'common.home.periodUntil': (d) => `${d.dative} дейін`,
  'guides.guide.reviewed': (d) => `Бастапқы құжатпен ${d.locative} салыстырылды.`,
  'guides.guide.over': (d) =>
    `Бұл дауыс беру ${d.locative} өтті. Төмендегі ережелер анықтама үшін қалдырылды: келесі дауыс берудің ережелері мен күндері басқа болуы мүмкін.`,
  'guides.guide.overPeriod': (d) =>
    `Бұл кезең ${d.locative} аяқталды. Төмендегі ережелер анықтама үшін қалдырылды: келесісінің ережелері мен күндері басқа болуы мүмкін.`,
  'guides.timeline.pollingHours': () => 'Дауыс беру сағат 07:00-ден 20:00-ге дейін жүреді.',
  'guides.timeline.range': (d) => `${d.alone} – ${d.alone}, сағат 18:00-ге дейін`,
  'guides.checker.currentAddress.election-over': (d) => `Бұл сайлау аяқталды: ол ${d.locative} өтті. Келесі сайлаудың өз мерзімдері болады.`,
  'guides.checker.currentAddress.apply-by-deadline': (d) =>
    `Иә. ${d.dative} дейін муниципалдық әкімшілікке немесе regna.grao.bg сайтында онлайн өтініш беріңіз.`,
  'guides.checker.currentAddress.deadline-passed': (d) => `Енді болмайды: бұл өтінішті ${d.dative} дейін беру керек еді.`,
  'guides.checker.mobileBox.election-over': (d) => `Бұл сайлау аяқталды: ол ${d.locative} өтті. Келесі сайлаудың өз мерзімдері болады.`,
  'guides.checker.mobileBox.apply-by-deadline': (d) =>
    `Иә. ${d.dative} дейін өтініш беріңіз: Еуропалық парламентке сайлау үшін № 30-ЕП қосымшасы, Халық жиналысына сайлау үшін № 31-НС қосымшасы (екі сайлауға да қатыссаңыз, екеуі де).`,
  'guides.checker.mobileBox.late-with-commission': (d) =>
    `Иә, бірақ асығыңыз: елді мекеніңізде жылжымалы секциялық сайлау комиссиясы тағайындалғандықтан, ${d.dative} дейін өтініш бере аласыз.`,
  'guides.checker.mobileBox.late-ask-municipality': (d) =>
    `Мүмкін. ${d.ablative} кейін ${d.dative} дейін өтініш беруге болады, бірақ елді мекеніңізде жылжымалы секциялық сайлау комиссиясы тағайындалған жағдайда ғана. Муниципалитеттен сұраңыз (тегін телефон 02 904 1351).`,
  'guides.checker.mobileBox.late-no-commission': (d) =>
    `Жоқ. ${d.ablative} кейін кешіккен өтініш жылжымалы секциялық сайлау комиссиясы тағайындалған жерде ғана мүмкін.`,
  'guides.checker.mobileBox.too-late': (d) => `Енді болмайды: кешіккен өтініштерді ${d.dative} дейін ғана беруге болатын еді.`,
  'guides.checker.absentee.election-over': (d) =>
    `Бұл референдум өтіп кетті: дауыс беру күні — ${d.alone} (бұл күн дереккөздің өз күндерінен есептелген). Келесі дауыс берудің өз күндері болады.`,
  'guides.checker.absentee.not-yet': (d) =>
    `Иә, ${d.ablative} бастап. Учаскелік референдум комиссиясы жазбаша өтініш бойынша жергілікті уақыт бойынша ${d.inSentence}, сағат 18:00-ге дейін куәлік береді.`,
  'guides.checker.absentee.apply-now': (d) =>
    `Иә. Жергілікті уақыт бойынша ${d.inSentence}, сағат 18:00-ге дейін учаскелік референдум комиссиясына жазбаша өтініш беріңіз.`,
  'guides.checker.absentee.window-closed': (d) => `Енді болмайды: куәліктер жергілікті уақыт бойынша ${d.inSentence}, сағат 18:00-ге дейін берілді.`,
  'lookup.result.hoursValue': () => 'Дауыс беру күні 07:00–20:00',
  'mobileBox.deadline.open': (d) => `Өтінішті ${d.genitive} соңына дейін бере аласыз: 3 күн қалды.`,
  'mobileBox.deadline.today': (d) => `Бүгін, ${d.alone}, өтініш берудің соңғы күні.`,
  'mobileBox.deadline.late': (d) =>
    `Өтініш берудің ${d.dative} дейінгі мерзімі өтті. ${d.genitive} соңына дейін әлі де өтініш бере аласыз, бірақ елді мекеніңізде жылжымалы секциялық сайлау комиссиясы тағайындалған жағдайда ғана: S1, S2. Аудандарға бөлінген қала бір елді мекен болып саналады, сондықтан бұл оның барлық аудандарына қатысты.`,
  'mobileBox.deadline.lateNone': (d) =>
    `Өтініш берудің ${d.dative} дейінгі мерзімі өтті. ${d.genitive} соңына дейін жылжымалы секциялық сайлау комиссиясы тағайындалған елді мекеннің сайлаушылары ғана өтініш бере алады, ал бұл муниципалитетте әзірге ондай комиссия тағайындалмаған.`,
  'mobileBox.refusal.noCommission': (d) =>
    `Өтініш берудің ${d.dative} дейінгі мерзімі өтті. Одан кейін өтініш жылжымалы секциялық сайлау комиссиясы тағайындалған елді мекеннен ғана қабылданады, ал «Лозен» елді мекенінде ондай комиссия тағайындалмаған.`,
  'mobileBox.deadline.closed': (d) => `Бұл сайлауға өтініштер ${d.genitive} соңына дейін қабылданды.`,
  'mobileBox.choose.until': (d) => `Өтініштер ${d.genitive} соңына дейін қабылданады.`,
  'mobileBox.help.phone': () => 'Өтініш беру туралы сұрақтар: 02 904 1351 тегін телефоны, жұмыс күндері сағат 09:00–17:30 аралығында.',
  'mobileBox.help.call': () => '02 904 1351 нөміріне қоңырау шалыңыз (тегін, жұмыс күндері сағат 09:00–17:30 аралығында)',
  'mobileBox.print.deadline': (d) => `Ол ${d.genitive} соңына дейін жетуі керек.`,
  'mobileBox.status.receivedOn': (d) => `${d.locative} келіп түсті.`,
  'staff.hint.receivedOn': (d) =>
    `Әкімшілік өтінішті алған күн (кіріс мөрі бойынша немесе хат, факс не электрондық хат келген күн), ${d.ablative} бастап бүгінге дейін. Мерзімдер осы күн бойынша тексеріледі.`,
  'staff.new.receivedOn': (d) => `Мерзімдер келіп түскен күн — ${d.alone} бойынша тексерілді.`,
  'privacy.retention.mobileBox': (d) => `T: өтініштер ${d.dative} дейін сақталады. Содан кейін олар жойылып, аудандар бойынша өтініштердің саны ғана қалады.`,
  'sections.note.late': (d) => `${d.ablative} кейін берілген өтініш`,
  'sections.list.intro': (d) =>
    `Мақұлданған өтініштерді секцияның маршрутына енгізіңіз, сайлаушылардың мекенжайларын тексеріңіз және тізімді ${d.dative} дейін полицияға (СДВР) тапсырыңыз. Аялдамалардың ретін полиция құрады; сіз оны осы жерден көресіз.`,
  'sections.list.overdue': (d) => `Мерзімі өтті: ${d.dative} дейін тапсырылмады`,
  'sections.transfer.open': (d) =>
    `«Лозенец» ауданының өз жылжымалы секциясы жоқ. Мақұлданған өтініш берушілерді ${d.dative} дейін өз сайлау округіңіздегі (МИР) секцияның маршрутына енгізіңіз; ол секцияның ауданы оларды өз маршрутында сіз жібергендер ретінде көреді.`,
  'sections.transfer.closed': (d) =>
    `«Лозенец» ауданының өз жылжымалы секциясы жоқ. Өтініш берушілерін өз сайлау округіндегі (МИР) секцияға беру мерзімі ${d.locative} аяқталды, сондықтан жаңаларын енгізу мүмкін емес.`,
  'sections.transfer.cityOpen': (d) => `Жылжымалы секциясы жоқ аудандар өтініш берушілерін ${d.dative} дейін өз сайлау округіндегі секцияға бере алады.`,
  'sections.transfer.cityClosed': (d) => `Жылжымалы секциясы жоқ аудандардың өтініш берушілерін беру мерзімі ${d.locative} аяқталды.`,
  'sections.handover.sent': (d) => `${d.inSentence}, сағат 10:00-де полицияға (СДВР) тапсырылды; белгілеген: staff@example.bg.`,
  'sections.handover.deadline': (d) =>
    `Тізімді ${d.dative} дейін полицияға (СДВР) тапсырып, осы жерде белгілеңіз. Одан кейін де өзгертуге болады; тізім қайта тапсырылғанша өзгерістер белгіленіп тұрады.`,
  'sections.handover.overdue': (d) => `Мерзімі өтті: тізім ${d.dative} дейін тапсырылмады.`,
  'sections.handover.received': (d) => `Аудан бұл тізімді ${d.inSentence}, сағат 10:00-де тапсырды.`,
  'sections.constituency.setBy': (d) => `staff@example.bg ${d.inSentence}, сағат 10:00-де белгіледі`,
  'sections.register.group': (d) => `Келіп түсті: ${d.alone}, 10:00 · Лозенец · C`,
  'sections.register.transferClosed': (d) =>
    `Жылжымалы секциясы жоқ аудандардың өтініш берушілерін беру мерзімі ${d.locative} аяқталды: енді осы ауданның өз өтініштерін ғана енгізуге болады.`,
  'staff.summary.flag': (d) =>
    `«Лозен», B: мақұлданған өтініштер ${d.locative} 10-ға жетті. Муниципалитет әкімі (M) округтік сайлау комиссиясына (РИК) хабарлайды.`,
  'about.date': (d) => `Бұл мәлімдеме ${d.locative} дайындалды. Ол сайт пен оның тесттерін сол күнгі күйі бойынша сипаттайды.`,
};

describe('every message with a day or a time, in every language, one day per month', () => {
  it('covers every message whose placeholders hold a day or a time', () => {
    const withDays = Object.entries(english).flatMap(([namespace, messages]) =>
      Object.entries(messages as Record<string, unknown>)
        .filter(([, message]) => [...JSON.stringify(message).matchAll(/\{(\w+)/g)].some(([, name]) => DAY_OR_TIME.has(name!)))
        .map(([key]) => `${namespace}.${key}`),
    );
    expect(withDays.filter((key) => !(key in VALUES) && !BLOCKS.includes(key))).toEqual([]);
    // and every message that asks for a case, in any language
    const cased = LOCALES.flatMap((locale) =>
      Object.entries(dictionaries[locale]).flatMap(([namespace, messages]) =>
        Object.entries(messages as Record<string, unknown>)
          .filter(([, message]) => /\{\w+, \w+\}/.test(JSON.stringify(message)))
          .map(([key]) => `${namespace}.${key}`),
      ),
    );
    expect([...new Set(cased)].filter((key) => !(key in VALUES) && !BLOCKS.includes(key) && !NUMBER_CASES.includes(key))).toEqual([]);
  });

  it.each(MONTHS)('ky, month %s: every message reads as written out by hand', (month) => {
    const day = kyDay(month);
    for (const key of Object.keys(VALUES)) expect(render('ky', key, month), key).toBe(KYRGYZ[key]!(day));
  });

  it.each(MONTHS)('kk, month %s: every message reads as written out by hand', (month) => {
    const day = kkDay(month);
    for (const key of Object.keys(VALUES)) expect(render('kk', key, month), key).toBe(KAZAKH[key]!(day));
  });

  it.each(['bg', 'ru', 'en'] as const)('%s: every message has its day, no placeholder left, and no "until … until"', (locale) => {
    for (const month of MONTHS) {
      for (const key of Object.keys(VALUES)) {
        const text = render(locale, key, month);
        expect(text, key).not.toMatch(/[{}]/);
        if (/\b(date|deadline|late|votingDay)\b/.test(JSON.stringify(VALUES[key]!(dayOf(month))))) expect(text, `${key}: ${text}`).toMatch(/25 \p{L}+ 2024/u);
        expect(text, `${key}: ${text}`).not.toMatch(/\b(до|until)\b[^.]*, (до|until) \d/u);
      }
    }
  });

  it('the threshold column: "10-го жеткен күнү", "10-ға жеткен күні"', () => {
    expect(t('ky', 'staff.summary.reached', { threshold: 10 })).toBe('10-го жеткен күнү');
    expect(t('kk', 'staff.summary.reached', { threshold: 10 })).toBe('10-ға жеткен күні');
    expect(t('ky', 'staff.summary.intro', { threshold: 10, municipality: 'M' })).toContain(
      'бир шайлоо боюнча жактырылган арыздар 10-го жеткенде, муниципалитеттин мэри (M)',
    );
    expect(t('kk', 'staff.summary.intro', { threshold: 10, municipality: 'M' })).toContain(
      'бір сайлау бойынша мақұлданған өтініштер 10-ға жеткенде, муниципалитет әкімі (M)',
    );
  });
});
