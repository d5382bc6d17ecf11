/** Clinical rows: a patient's conditions, drugs, allergies, encounters, procedures, results, notes. */
import type { DomainEntry } from './types.js';

export const clinical: DomainEntry = {
  key: 'clinical',
  label: 'clinical',
  category: 'user.health_and_medical',
  score: 0.8,
  covers: ['code', 'lookup', 'date', 'quantity', 'text', 'flag'],
  words: {
    en: [
      'condition', 'diagnosis', 'diagnoses', 'disease', 'illness', 'drug', 'medication', 'medicine', 'prescription', 'dispense',
      'dispensing', 'dose', 'dosing', 'allergy', 'allergen', 'intolerance', 'encounter', 'admission', 'discharge', 'procedure',
      'surgery', 'immunization', 'immunisation', 'vaccination', 'vaccine', 'observation', 'obs', 'measurement', 'lab', 'laboratory',
      'specimen', 'vital', 'vitals', 'symptom', 'careplan', 'clinical', 'medical', 'health', 'treatment', 'therapy', 'imaging',
      'radiology', 'pathology', 'death', 'injury', 'pregnancy', 'hospitalization', 'hospitalisation', 'triage', 'referral', 'chart',
      'anamnesis', 'dead', 'deceased', 'biopsy', 'dental', 'dialysis', 'transfusion', 'infusion', 'oncology', 'prognosis', 'vaccinated', 'patient',
    ],
    de: ['befund', 'medikament', 'medikation', 'rezept', 'verordnung', 'impfung', 'allergie', 'behandlung', 'untersuchung', 'labor', 'laborwert', 'messwert', 'eingriff', 'entlassung', 'anamnese', 'therapie', 'arztbrief', 'todesursache', 'krankenakte'],
    fr: ['diagnostic', 'maladie', 'medicament', 'ordonnance', 'allergie', 'vaccin', 'traitement', 'soin', 'soins', 'hospitalisation', 'antecedent', 'symptome', 'deces', 'pathologie'],
    es: ['diagnostico', 'enfermedad', 'medicamento', 'receta', 'prescripcion', 'alergia', 'vacuna', 'vacunacion', 'tratamiento', 'procedimiento', 'cirugia', 'sintoma', 'defuncion', 'padecimiento'],
    pt: ['diagnostico', 'doenca', 'medicamento', 'receita', 'prescricao', 'alergia', 'vacina', 'vacinacao', 'tratamento', 'procedimento', 'cirurgia', 'sintoma', 'internacao', 'prontuario', 'obito'],
    it: ['diagnosi', 'malattia', 'farmaco', 'ricetta', 'prescrizione', 'allergia', 'vaccino', 'vaccinazione', 'terapia', 'trattamento', 'ricovero', 'sintomo'],
    nl: ['ziekte', 'medicijn', 'medicatie', 'recept', 'vaccinatie', 'behandeling', 'opname', 'verrichting', 'symptoom'],
    ja: ['shinryo', 'shindan', 'byomei', 'kusuri', 'yakuzai', 'shoho', 'karute', 'nyuin', 'arerugi', 'sesshu'],
  },
  sharedWords: {
    en: ['visit', 'order', 'note', 'program', 'appointment', 'result', 'test', 'assessment', 'exam', 'examination', 'episode', 'problem', 'exposure', 'occurrence', 'era', 'history', 'consultation'],
    fr: ['consultation', 'examen', 'sejour', 'acte'],
    es: ['consulta', 'cita', 'examen', 'ingreso'],
    pt: ['consulta', 'exame', 'atendimento'],
    it: ['visita', 'esame'],
    de: ['aufnahme', 'termin'],
  },
  subjects: ['patient'],
  impliesSubject: 'patient',
};
