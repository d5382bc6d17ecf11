/**
 * A student's school record: grades, enrolments, attendance, exam results. Fideslang's default
 * taxonomy has no narrower category for it, so such columns are proposed as `user` (personal).
 */
import type { DomainEntry } from './types.js';

export const education: DomainEntry = {
  key: 'education',
  label: 'education',
  category: 'user',
  score: 0.6,
  covers: ['lookup', 'code', 'quantity', 'text'],
  words: {
    en: ['grade', 'enrolment', 'enrollment', 'attendance', 'transcript', 'gradebook', 'submission', 'absence', 'mark', 'marks', 'matriculation'],
    de: ['zeugnis', 'anwesenheit', 'einschreibung'],
    fr: ['inscription', 'bulletin', 'presence'],
    es: ['calificacion', 'matricula', 'asistencia'],
    pt: ['matricula', 'frequencia', 'boletim', 'historico'],
    it: ['voto', 'voti', 'iscrizione', 'frequenza', 'pagella'],
    nl: ['cijfer', 'inschrijving', 'aanwezigheid'],
  },
  sharedWords: { en: ['exam', 'examination', 'score', 'result', 'course', 'class'] },
  subjects: ['trainee'],
  impliesSubject: 'trainee',
};
