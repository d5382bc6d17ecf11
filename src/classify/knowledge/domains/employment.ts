/** An employee's working life: leave, absences, timesheets, shifts, contracts, appraisals. */
import type { DomainEntry } from './types.js';

export const employment: DomainEntry = {
  key: 'employment',
  label: 'employment',
  category: 'user.workplace',
  score: 0.6,
  covers: ['lookup', 'date', 'text', 'code'],
  words: {
    en: ['holiday', 'leave', 'absence', 'vacation', 'timesheet', 'shift', 'appraisal', 'sick', 'overtime', 'employment', 'contract', 'expense', 'timeoff'],
    de: ['urlaub', 'abwesenheit', 'arbeitszeit', 'schicht', 'krankmeldung', 'arbeitsvertrag'],
    fr: ['conge', 'conges', 'absence', 'contrat', 'pointage', 'astreinte'],
    es: ['vacaciones', 'ausencia', 'licencia', 'turno', 'contrato', 'fichaje'],
    pt: ['ferias', 'ausencia', 'licenca', 'turno', 'contrato', 'ponto'],
    it: ['ferie', 'assenza', 'turno', 'contratto'],
    nl: ['verlof', 'afwezigheid', 'dienst', 'contract'],
  },
  subjects: ['employee'],
};
