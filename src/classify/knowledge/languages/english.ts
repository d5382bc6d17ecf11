/** English translations that several languages share (their words for first name, date of birth…). */
export const FIRST = ['first', 'name'];
export const LAST = ['last', 'name'];
export const DOB = ['date', 'of', 'birth'];
export const POSTAL = ['postal', 'code'];
export const PHONE_NUMBER = ['phone', 'number'];
export const MOBILE = ['mobile', 'phone'];
export const DRIVERS = ['drivers', 'license'];
export const BANK_ACCOUNT = ['bank', 'account', 'number'];
export const SSN = ['social', 'security', 'number'];
