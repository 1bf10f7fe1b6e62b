import type { Translation } from '#core/i18n/types';

/** Kazakh strings for guides, key dates, checkers and search. */
export const guides = {
  title: 'Нұсқаулықтар',
  intro: 'Ресми құжаттар негізінде жазылған қадамдық көмек: нақты күндер, нөмірлер және байланыстар.',
  'guide.inShort': 'Қысқаша',
  'guide.reviewed': 'Бастапқы құжатпен {date, locative} салыстырылды.',
  'guide.source': 'Дереккөзі: {source}.',
  'guide.over':
    'Бұл дауыс беру {date, locative} өтті. Төмендегі ережелер анықтама үшін қалдырылды: келесі дауыс берудің ережелері мен күндері басқа болуы мүмкін.',
  'guide.overPeriod': 'Бұл кезең {date, locative} аяқталды. Төмендегі ережелер анықтама үшін қалдырылды: келесісінің ережелері мен күндері басқа болуы мүмкін.',
  'guide.checklistHint': 'Орындаған сайын белгілеңіз; тізімді өзіңізбен алу үшін бетті басып шығарыңыз.',
  'timeline.title': 'Маңызды күндер',
  'timeline.status.past': 'Өтті',
  'timeline.status.today': 'Бүгін',
  'timeline.status.open': 'Қазір жүріп жатыр',
  'timeline.status.upcoming': 'Алда',
  'timeline.votingDay': 'Дауыс беру күні',
  'timeline.pollingHours': 'Дауыс беру сағат {opens, ablative} {closes, dative} дейін жүреді.',
  'timeline.range': '{from} – {to}',
  'timeline.until': '{date}, сағат {time, dative} дейін',
  'timeline.timeZone': 'Күндер мен уақыт жергілікті уақыт бойынша ({zone}).',
  'timeline.addToCalendar': 'Күнтізбеге қосу',
  'timeline.zone.Europe/Sofia': 'Болгария',
  'timeline.zone.Asia/Bishkek': 'Қырғызстан',
  'timeline.zone.Asia/Almaty': 'Қазақстан',
  'checker.intro': 'Бүгін сізге не қатысты екенін білу үшін сұрақтарға жауап беріңіз. Нұсқаулық мәтінінде де дәл осы ережелер бар.',
  'checker.show': 'Жауапты көрсету',
  'checker.yes': 'Иә',
  'checker.no': 'Жоқ',
  'checker.unknown': 'Білмеймін',
  'checker.chooseAll': 'Әр сұраққа жауап беріңіз.',
  'checker.currentAddress.title': 'Тексеру: қазіргі мекенжайым бойынша дауыс бере аламын ба?',
  'checker.currentAddress.q': 'Тұрақты және қазіргі мекенжайыңыз әртүрлі елді мекендерде ме?',
  'checker.currentAddress.election-over': 'Бұл сайлау аяқталды: ол {votingDay, locative} өтті. Келесі сайлаудың өз мерзімдері болады.',
  'checker.currentAddress.same-settlement':
    'Сізге мұндай өтініш қажет емес. Ол қазіргі мекенжайы тұрақты мекенжайынан басқа елді мекенде болатын сайлаушылар үшін ғана.',
  'checker.currentAddress.apply-by-deadline': 'Иә. {deadline, dative} дейін муниципалдық әкімшілікке немесе regna.grao.bg сайтында онлайн өтініш беріңіз.',
  'checker.currentAddress.deadline-passed': 'Енді болмайды: бұл өтінішті {deadline, dative} дейін беру керек еді.',
  'checker.mobileBox.title': 'Тексеру: жылжымалы жәшікті сұрай аламын ба және қашанға дейін?',
  'checker.mobileBox.q.cannotReach': 'Мүгедектігіңізге байланысты сайлау бөлмесінде дауыс бере алмайсыз ба?',
  'checker.mobileBox.q.commission': 'Елді мекеніңізде жылжымалы секциялық сайлау комиссиясы тағайындалды ма?',
  'checker.mobileBox.election-over': 'Бұл сайлау аяқталды: ол {votingDay, locative} өтті. Келесі сайлаудың өз мерзімдері болады.',
  'checker.mobileBox.not-needed':
    'Жылжымалы жәшік сайлау бөлмесінде дауыс бере алмайтын мүгедектігі бар сайлаушыларға арналған. Сіз өз секцияңызда дауыс бересіз.',
  'checker.mobileBox.apply-by-deadline':
    'Иә. {deadline, dative} дейін өтініш беріңіз: Еуропалық парламентке сайлау үшін № 30-ЕП қосымшасы, Халық жиналысына сайлау үшін № 31-НС қосымшасы (екі сайлауға да қатыссаңыз, екеуі де).',
  'checker.mobileBox.late-with-commission':
    'Иә, бірақ асығыңыз: елді мекеніңізде жылжымалы секциялық сайлау комиссиясы тағайындалғандықтан, {late, dative} дейін өтініш бере аласыз.',
  'checker.mobileBox.late-ask-municipality':
    'Мүмкін. {deadline, ablative} кейін {late, dative} дейін өтініш беруге болады, бірақ елді мекеніңізде жылжымалы секциялық сайлау комиссиясы тағайындалған жағдайда ғана. Муниципалитеттен сұраңыз (тегін телефон {phone}).',
  'checker.mobileBox.late-no-commission':
    'Жоқ. {deadline, ablative} кейін кешіккен өтініш жылжымалы секциялық сайлау комиссиясы тағайындалған жерде ғана мүмкін.',
  'checker.mobileBox.too-late': 'Енді болмайды: кешіккен өтініштерді {late, dative} дейін ғана беруге болатын еді.',
  'checker.absentee.title': 'Тексеру: есептен шығару куәлігін ала аламын ба?',
  'checker.absentee.q.lost': 'Бұрын алған куәлігіңізді жоғалтып алдыңыз ба?',
  'checker.absentee.q.sameSettlement': 'Дауыс беру күні өз елді мекеніңізде боласыз ба, тек басқа учаскеде дауыс бергіңіз келе ме?',
  'checker.absentee.election-over':
    'Бұл референдум өтіп кетті: дауыс беру күні — {votingDay} (бұл күн дереккөздің өз күндерінен есептелген). Келесі дауыс берудің өз күндері болады.',
  'checker.absentee.lost-not-replaced': 'Жоқ: жоғалған куәлік қалпына келтірілмейді, телнұсқасы берілмейді.',
  'checker.absentee.same-settlement': 'Жоқ: сол елді мекендегі басқа учаскеде дауыс беру үшін куәлік берілмейді.',
  'checker.absentee.not-yet':
    'Иә, {opens, ablative} бастап. Учаскелік референдум комиссиясы жазбаша өтініш бойынша жергілікті уақыт бойынша {closes, dative} дейін куәлік береді.',
  'checker.absentee.apply-now': 'Иә. Жергілікті уақыт бойынша {closes, dative} дейін учаскелік референдум комиссиясына жазбаша өтініш беріңіз.',
  'checker.absentee.window-closed': 'Енді болмайды: куәліктер жергілікті уақыт бойынша {closes, dative} дейін берілді.',
  'search.title': 'Нұсқаулықтардан іздеу',
  'search.description':
    'Болгариядағы, Қырғызстандағы және Қазақстандағы дауыс беру туралы барлық нұсқаулықтан осы тілде іздеу: құжаттар, сайлаушылар тізімдері, мерзімдер, куәліктер және байланыстар.',
  'search.label': 'Іздеу сөздері',
  'search.submit': 'Іздеу',
  'search.noJs': 'Іздеу үшін JavaScript қажет, ол өшірулі немесе браузеріңіз оны қолдамайды. Барлық нұсқаулықтарды төмендегі тізімнен көре аласыз.',
  'search.results.zero': '«{query}» бойынша ештеңе табылмады. Азырақ немесе басқа сөздерді қолданыңыз.',
  'search.results.count': {
    one: '«{query}» бойынша {count} нұсқаулық табылды.',
    other: '«{query}» бойынша {count} нұсқаулық табылды.',
  },
  'search.loading': 'Ізделуде…',
  'search.failed': 'Іздеу қазір қолжетімсіз. Нұсқаулықтар тізімін қараңыз.',
  'search.browse': 'Барлық нұсқаулықтар',
  'checker.mobileBox.appointed':
    'Бұл сайлауда жылжымалы секциялық сайлау комиссиялары тағайындалған елді мекендер: {settlements}. Аудандарға бөлінген қала бір елді мекен болып саналады, сондықтан оның әр ауданы кіреді.',
} as const satisfies Translation<'guides', 'kk'>;
