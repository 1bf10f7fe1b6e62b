import type { Translation } from '#core/i18n/types';

/** Kazakh strings for pages opened without a connection (the service worker's copies). */
export const offline = {
  notice:
    'Интернетке қосылмағансыз немесе байланыс жауап бермей тұр. Бұл — беттің оны соңғы рет ашқаныңызда осы құрылғыда сақталған көшірмесі, сондықтан ол ескірген болуы мүмкін.',
  'form.cannotSend':
    'Интернетке қосылмағансыз, сондықтан өтінішті әзірге жіберу мүмкін емес. Жазғаныңыз осы браузер қойындысында қалады: байланыс қалпына келгенде жіберіңіз.',
  'form.draftLimit': {
    one: 'Ол соңғы өзгерістен {count} сағат өткенде де өшіріледі.',
    other: 'Ол соңғы өзгерістен {count} сағат өткенде де өшіріледі.',
  },
  'lookup.needsConnection': 'Интернетке қосылмағансыз. Сайлау учаскеңізді табу үшін байланыс керек: байланыс қалпына келгенде қайталап көріңіз.',
} as const satisfies Translation<'offline', 'kk'>;
