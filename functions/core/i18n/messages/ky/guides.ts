import type { Translation } from '#core/i18n/types';

/** Kyrgyz strings for guides, key dates, checkers and search. */
export const guides = {
  title: 'Колдонмолор',
  intro: 'Расмий документтердин негизинде жазылган кадам-кадамы менен жардам: так даталар, номерлер жана байланыштар.',
  'guide.inShort': 'Кыскача',
  'guide.reviewed': 'Булак документ менен {date, locative} салыштырылды.',
  'guide.source': 'Булагы: {source}.',
  'guide.over':
    'Бул добуш берүү өтүп кеткен: добуш берүү күнү — {date}. Төмөнкү эрежелер маалымат үчүн гана калтырылды: кийинки добуш берүүнүн эрежелери жана даталары башкача болушу мүмкүн.',
  'guide.overPeriod':
    'Бул мезгил аяктаган: акыркы күнү — {date}. Төмөнкү эрежелер маалымат үчүн гана калтырылды: кийинкисинин эрежелери жана даталары башкача болушу мүмкүн.',
  'guide.checklistHint': 'Аткарган сайын белгилеп туруңуз; тизмени өзүңүз менен алуу үчүн баракты басып чыгарыңыз.',
  'timeline.title': 'Маанилүү даталар',
  'timeline.status.past': 'Өттү',
  'timeline.status.today': 'Бүгүн',
  'timeline.status.open': 'Азыр жүрүп жатат',
  'timeline.status.upcoming': 'Алдыда',
  'timeline.votingDay': 'Добуш берүү күнү',
  'timeline.pollingHours': 'Добуш берүү убактысы: {opens}–{closes}.',
  'timeline.range': '{from} – {to}',
  'timeline.until': '{date}, саат {time, dative} чейин',
  'timeline.timeZone': 'Даталар жана убакыт жергиликтүү убакыт боюнча ({zone}).',
  'timeline.addToCalendar': 'Календарга кошуу',
  'timeline.zone.Europe/Sofia': 'Болгария',
  'timeline.zone.Asia/Bishkek': 'Кыргызстан',
  'timeline.zone.Asia/Almaty': 'Казакстан',
  'checker.intro': 'Бүгүн сизге эмне тиешелүү экенин билүү үчүн суроолорго жооп бериңиз. Колдонмонун текстинде ошол эле эрежелер бар.',
  'checker.show': 'Жоопту көрсөтүү',
  'checker.yes': 'Ооба',
  'checker.no': 'Жок',
  'checker.unknown': 'Билбейм',
  'checker.chooseAll': 'Сураныч, ар бир суроого жооп бериңиз.',
  'checker.currentAddress.title': 'Текшерүү: учурдагы дарегим боюнча добуш бере аламбы?',
  'checker.currentAddress.q': 'Туруктуу жана учурдагы дарегиңиз ар башка калктуу конуштардабы?',
  'checker.currentAddress.election-over': 'Бул шайлоо өтүп кеткен: добуш берүү күнү — {votingDay}. Кийинки шайлоонун өз мөөнөттөрү болот.',
  'checker.currentAddress.same-settlement':
    'Сизге мындай арыз керек эмес. Ал учурдагы дареги туруктуу дарегинен башка калктуу конушта болгон шайлоочулар үчүн гана.',
  'checker.currentAddress.apply-by-deadline': 'Ооба. {deadline, dative} чейин муниципалдык администрацияга же regna.grao.bg сайтында онлайн арыз бериңиз.',
  'checker.currentAddress.deadline-passed': 'Эми болбойт: бул арызды {deadline, dative} чейин берүү керек болчу.',
  'checker.mobileBox.title': 'Текшерүү: көчмө шайлоо кутусун сурай аламбы жана качанга чейин?',
  'checker.mobileBox.q.cannotReach': 'Ден соолугуңуздун мүмкүнчүлүктөрү чектелгендиктен добуш берүү жайында добуш бере албайсызбы?',
  'checker.mobileBox.q.commission': 'Калктуу конушуңузда көчмө секциялык шайлоо комиссиясы дайындалдыбы?',
  'checker.mobileBox.election-over': 'Бул шайлоо өтүп кеткен: добуш берүү күнү — {votingDay}. Кийинки шайлоонун өз мөөнөттөрү болот.',
  'checker.mobileBox.not-needed':
    'Көчмө шайлоо кутусу ден соолугунун мүмкүнчүлүктөрү чектелгендиктен добуш берүү жайында добуш бере албаган шайлоочулар үчүн. Сиз өз секцияңызда добуш бересиз.',
  'checker.mobileBox.apply-by-deadline':
    'Ооба. {deadline, dative} чейин арыз бериңиз: Европа парламентине шайлоо үчүн № 30-ЕП формасы, Улуттук жыйынга шайлоо үчүн № 31-НС формасы (эки шайлоодо тең добуш берүү үчүн экөө тең).',
  'checker.mobileBox.late-with-commission':
    'Ооба, бирок шашылыңыз: калктуу конушуңузда көчмө секциялык шайлоо комиссиясы дайындалгандыктан, {late, dative} чейин арыз бере аласыз.',
  'checker.mobileBox.late-ask-municipality':
    'Мүмкүн. {deadline, ablative} кийин {late, dative} чейин арыз берсеңиз болот, бирок калктуу конушуңузда көчмө секциялык шайлоо комиссиясы дайындалган болсо гана. Муниципалитеттен сураңыз (акысыз телефон {phone}).',
  'checker.mobileBox.late-no-commission':
    'Жок. {deadline, ablative} кийин кечиккен арыз көчмө секциялык шайлоо комиссиясы дайындалган жерде гана кабыл алынат.',
  'checker.mobileBox.too-late': 'Эми болбойт: кечиккен арыздарды {late, dative} чейин гана берүүгө болчу.',
  'checker.absentee.title': 'Текшерүү: эсептен чыгаруу күбөлүгүн ала аламбы?',
  'checker.absentee.q.lost': 'Мурда алган күбөлүгүңүздү жоготуп алдыңызбы?',
  'checker.absentee.q.sameSettlement': 'Добуш берүү күнү ошол эле калктуу конушта болуп, башка участокто гана добуш бергиңиз келеби?',
  'checker.absentee.election-over': 'Бул референдум өтүп кеткен: добуш берүү күнү — {votingDay}. Кийинки добуш берүүнүн өз даталары болот.',
  'checker.absentee.lost-not-replaced': 'Жок: жоголгон күбөлүк калыбына келтирилбейт, анын дубликаты да берилбейт.',
  'checker.absentee.same-settlement': 'Жок: ошол эле калктуу конуштагы башка участокто добуш берүү үчүн күбөлүк берилбейт.',
  'checker.absentee.not-yet':
    'Ооба, {opens, ablative} баштап. Участкалык комиссия жазуу жүзүндөгү арыз боюнча жергиликтүү убакыт менен {closes, dative} чейин күбөлүк берет.',
  'checker.absentee.apply-now': 'Ооба. Жергиликтүү убакыт менен {closes, dative} чейин участкалык комиссияга жазуу жүзүндө арыз бериңиз.',
  'checker.absentee.window-closed': 'Эми болбойт: күбөлүктөр жергиликтүү убакыт менен {closes, dative} чейин берилген.',
  'search.title': 'Колдонмолордон издөө',
  'search.description':
    'Болгариядагы, Кыргызстандагы жана Казакстандагы шайлоо боюнча бардык колдонмолордон ушул тилде издөө: документтер, шайлоочулардын тизмелери, мөөнөттөр, күбөлүктөр жана байланыштар.',
  'search.label': 'Издөө үчүн сөздөр',
  'search.submit': 'Издөө',
  'search.noJs': 'Издөө үчүн JavaScript керек, ал өчүрүлгөн же браузериңиз аны колдобойт. Бардык колдонмолорду төмөнкү тизмеден көрө аласыз.',
  'search.results.zero': '«{query}» боюнча эч нерсе табылган жок. Азыраак же башка сөздөрдү колдонуңуз.',
  'search.results.count': {
    one: '«{query}» боюнча {count} колдонмо табылды.',
    other: '«{query}» боюнча {count} колдонмо табылды.',
  },
  'search.loading': 'Изделүүдө…',
  'search.failed': 'Издөө азыр жеткиликсиз. Колдонмолордун тизмесин караңыз.',
  'search.browse': 'Бардык колдонмолор',
  'checker.mobileBox.appointed':
    'Бул шайлоодо көчмө секциялык шайлоо комиссиялары дайындалган калктуу конуштар: {settlements}. Райондорго бөлүнгөн шаар бир калктуу конуш болуп саналат, ошондуктан анын ар бир району кирет.',
} as const satisfies Translation<'guides', 'ky'>;
