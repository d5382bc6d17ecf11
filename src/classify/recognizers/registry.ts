/** The built-in value recognizers, in one list (config can disable them by id). */
import { postalCodeRecognizer, streetAddressRecognizer } from './address.js';
import { creditCardRecognizer } from './credit-card.js';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { emailRecognizer } from './email.js';
import { ipAddressRecognizer } from './ip-address.js';
import { firstNameRecognizer, fullNameRecognizer, lastNameRecognizer } from './person-name.js';
import { phoneRecognizer } from './phone.js';
import { cityRecognizer, countryRecognizer, stateRecognizer } from './place.js';
import type { ValueRecognizer } from './recognizer.js';

export const builtinRecognizers: readonly ValueRecognizer[] = [
  emailRecognizer,
  phoneRecognizer,
  creditCardRecognizer,
  ipAddressRecognizer,
  dateOfBirthRecognizer,
  firstNameRecognizer,
  lastNameRecognizer,
  fullNameRecognizer,
  streetAddressRecognizer,
  postalCodeRecognizer,
  cityRecognizer,
  stateRecognizer,
  countryRecognizer,
];
