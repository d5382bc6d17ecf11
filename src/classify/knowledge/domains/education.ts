/**
 * A student's school record: grades, attendance, absences, exam results, transcripts. Fideslang's
 * default taxonomy has no narrower category for it, so such columns are proposed as `user` (personal).
 * Enrolment is not in it: which school, course, year or class a student is enrolled in, with its
 * sequence numbers and flags, is the school's administration of the enrolment (`administrativeWords`);
 * a student's other rows (their housing, their benefits) are theirs.
 */
import type { DomainEntry } from './types.js';

export const education: DomainEntry = {
  key: 'education',
  label: 'education',
  category: 'user',
  score: 0.6,
  covers: ['lookup', 'code', 'quantity', 'text'],
  // Enrolment words say that a database is a school's (the profile), but name no school record (`administrativeWords`).
  words: {
    en: ['grade', 'enrolment', 'enrollment', 'attendance', 'transcript', 'gradebook', 'submission', 'absence', 'mark', 'marks', 'matriculation'],
    de: ['zeugnis', 'anwesenheit', 'einschreibung'],
    fr: ['inscription', 'bulletin', 'presence'],
    es: ['calificacion', 'matricula', 'asistencia'],
    pt: ['matricula', 'frequencia', 'boletim', 'historico'],
    it: ['voto', 'voti', 'iscrizione', 'frequenza', 'pagella'],
    nl: ['cijfer', 'inschrijving', 'aanwezigheid'],
  },
  // `nota` is a grade in a school's database and a note or an invoice (`nota fiscal`) elsewhere; `falta` an absence or a lack.
  sharedWords: { en: ['exam', 'examination', 'score', 'result', 'course', 'class'], pt: ['nota', 'falta'], es: ['nota', 'falta'], it: ['nota'] },
  administrativeWords: {
    en: ['enrolment', 'enrollment', 'matriculation'],
    de: ['einschreibung'],
    fr: ['inscription'],
    es: ['matricula'],
    pt: ['matricula'],
    it: ['iscrizione'],
    nl: ['inschrijving'],
  },
  subjects: ['trainee'],
  impliesSubject: 'trainee',
};
