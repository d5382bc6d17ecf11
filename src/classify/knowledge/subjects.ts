/**
 * Data subjects (fideslang keys) of person tables, by the person word of the table's name (English,
 * after the tokenizer translated `kunden`, `pacientes`, `mitarbeiter`). Words not listed here (`user`,
 * `person`, `member`, `account`) name no particular subject: the database's domains decide
 * (a generic person of a clinical database is a patient; see subject/domain.ts), else `customer`.
 */
export const SUBJECT_WORDS: Readonly<Record<string, readonly string[]>> = {
  patient: ['patient', 'inpatient', 'outpatient'],
  customer: ['customer', 'client', 'buyer', 'shopper', 'consumer', 'subscriber', 'guest', 'cardholder', 'policyholder', 'insured', 'borrower', 'tenant', 'renter', 'donor', 'beneficiary', 'payer', 'debtor', 'member', 'player'],
  employee: [
    'employee', 'staff', 'worker', 'personnel', 'agent', 'representative', 'salesperson', 'manager', 'teacher', 'instructor',
    'doctor', 'physician', 'nurse', 'clinician', 'provider', 'practitioner', 'officer', 'technician', 'crew', 'faculty',
    'professor', 'lecturer', 'supervisor', 'dentist', 'therapist', 'caregiver',
  ],
  consultant: ['consultant', 'contractor', 'freelancer'],
  prospect: ['prospect', 'lead', 'contact', 'respondent', 'registrant'],
  job_applicant: ['applicant', 'candidate', 'jobseeker', 'hire', 'recruit'],
  trainee: ['student', 'pupil', 'learner', 'trainee', 'apprentice', 'alumnus', 'alumni'],
  visitor: ['visitor', 'attendee', 'participant'],
  passenger: ['passenger', 'traveler', 'traveller'],
  next_of_kin: ['guardian', 'parent', 'spouse', 'relative', 'kin', 'dependent', 'child', 'heir'],
  supplier_vendor: ['supplier', 'vendor'],
  shareholder: ['shareholder', 'stockholder'],
  citizen_voter: ['citizen', 'voter', 'resident'],
};

/** The subject of a person table whose name names nobody in particular. */
export const DEFAULT_SUBJECT = 'customer';

/** Subjects that are the organisation's own people: their rows are less often "theirs" (subject/). */
export const WORKER_SUBJECTS: ReadonlySet<string> = new Set(['employee', 'consultant']);
