/**
 * A person's money matters other than the shop's own bookkeeping: bank accounts and payment cards,
 * direct-debit mandates, payroll and salary, loans. Invoices and orders are `purchase`; their amounts
 * are the shop's records (system.operations), so they are not here.
 */
import type { DomainEntry } from './types.js';

export const financial: DomainEntry = {
  key: 'financial',
  label: 'financial',
  category: 'user.financial',
  score: 0.7,
  covers: ['code', 'date', 'quantity', 'text', 'secret'],
  // A loan's or an account's dates (submitted, approved, due, matured) are its schedule and workflow:
  // without values, names alone do not make them the person's financial data (a card's expiry, by
  // its own words, still is: see `specific`).
  namesOnlyCovers: ['code', 'quantity', 'text', 'secret'],
  specific: [
    { words: ['card', 'cvn', 'cvv', 'cvc', 'pan', 'expiry', 'exp', 'four', 'cardholder'], category: 'user.financial.credit_card' },
    { words: ['bank', 'iban', 'bic', 'swift', 'rib', 'guichet', 'domiciliation', 'branch', 'routing', 'sort'], category: 'user.financial.bank_account' },
  ],
  words: {
    en: ['bank', 'iban', 'rib', 'card', 'mandate', 'payroll', 'payslip', 'salary', 'wage', 'compensation', 'loan', 'saving', 'savings', 'mortgage', 'credit', 'debit', 'pension', 'paycheck', 'income', 'garnishment'],
    de: ['bankverbindung', 'lohn', 'lohnabrechnung', 'kreditkarte', 'lastschrift', 'mandat', 'darlehen'],
    fr: ['paie', 'salaire', 'prelevement', 'mandat', 'pret'],
    es: ['nomina', 'salario', 'tarjeta', 'prestamo'],
    pt: ['salario', 'cartao', 'emprestimo', 'holerite'],
    it: ['stipendio', 'busta', 'carta', 'mutuo'],
    nl: ['salaris', 'loonstrook', 'rekening', 'lening'],
    ja: ['kyuyo', 'ginko', 'koza'],
  },
};
