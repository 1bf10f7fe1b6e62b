/** English strings for the privacy notice (/<locale>/privacy/, GDPR Article 13). Every other locale has exactly these keys. */
export const privacy = {
  'footer.link': 'Privacy notice',
  formLink: 'How your details are used: privacy notice',
  title: 'Privacy notice',
  description:
    'Who is responsible for the personal details you give on this site, what they are used for and on what basis, who receives them, how long they are kept, and your rights.',
  intro:
    'This notice tells you how the personal details you give on this site are used, as Article 13 of the EU General Data Protection Regulation (GDPR) requires.',
  'controller.title': 'Who is responsible',
  'controller.label': 'Controller',
  'controller.missing': 'The operator of this site has not named the controller yet.',
  'dpo.label': 'Data protection officer',
  'dpo.missing': 'The operator of this site has not named the data protection officer yet.',
  'purposes.title': 'What the details are used for',
  'purposes.mobileBox':
    'Applications to vote with a mobile ballot box: to check each application, to put the voter on the route of a mobile sectional election commission, and to tell the applicant the status of the application. An application holds the voter’s personal number, name, permanent address and phone, their e-mail if given, and the representative’s name, personal number and phone. Asking for a mobile ballot box tells that the voter has a disability: this is data about health.',
  'purposes.lookup': 'Finding a polling station by ЕГН, ПИН or ИИН: the number is used only to answer you and is not stored.',
  'purposes.reports':
    'Reports of a problem with a polling station: to correct the station’s details. A contact you give is used only to ask you about your report.',
  'basis.title': 'On what basis',
  'basis.default':
    'The district administrations take and check applications to vote with a mobile ballot box, and organise the vote at home, as the Bulgarian Electoral Code (Изборен кодекс) requires of them. The details are processed to carry out that duty.',
  'recipients.title': 'Who receives the details',
  'recipients.administration': '{area} and the administration of the voter’s district, which review the applications.',
  'recipients.commission': 'The mobile sectional election commission that visits the voter: the route list with the voter’s name, address and phone.',
  'recipients.police': 'Only the addresses on each route, so that the route can be planned: {recipient}.',
  'recipients.hosting': 'The site runs on Cloudflare, which stores the details encrypted on the controller’s behalf.',
  'retention.title': 'How long they are kept',
  'retention.mobileBox': '{election}: applications are kept until {date}. Then they are deleted, and only the number of applications per district is kept.',
  'retention.reports': {
    one: 'Reports of a problem with a polling station, with any contact in them: {count} day.',
    other: 'Reports of a problem with a polling station, with any contact in them: {count} days.',
  },
  'rights.title': 'Your rights',
  'rights.body':
    'You may ask the controller for access to your details, to correct them, to erase them or to restrict their use, and you may object to their use, within the limits the GDPR sets. Write to the controller or to the data protection officer named above.',
  'authority.title': 'Complaints',
  'authority.body': 'If you think your details are handled unlawfully, you may complain to the supervisory authority:',
  'authority.name': 'Commission for Personal Data Protection (Комисия за защита на личните данни)',
} as const;
