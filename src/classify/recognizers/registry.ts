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
import { apiTokenRecognizer } from './api-token.js';
import { freeTextRecognizer } from './free-text.js';
import { genderRecognizer } from './gender.js';
import { geoCoordinatesRecognizer } from './geo-coordinates.js';
import { imeiRecognizer } from './imei.js';
import { macAddressRecognizer } from './mac-address.js';
import { passwordHashRecognizer } from './password-hash.js';
import { urlRecognizer } from './url.js';
import { usernameRecognizer } from './username.js';
import { uuidRecognizer } from './uuid.js';
import { epochTimeRecognizer } from './epoch-time.js';
import { caSinRecognizer } from './ca-sin.js';
import { deTaxIdRecognizer } from './de-tax-id.js';
import { driversLicenseRecognizer } from './drivers-license.js';
import { esDniNieRecognizer } from './es-dni-nie.js';
import { frNirRecognizer } from './fr-nir.js';
import { ibanRecognizer } from './iban.js';
import { inAadhaarRecognizer } from './in-aadhaar.js';
import { itCodiceFiscaleRecognizer } from './it-codice-fiscale.js';
import { nlBsnRecognizer } from './nl-bsn.js';
import { passportRecognizer } from './passport.js';
import { ukNinoRecognizer } from './uk-nino.js';
import { usSsnRecognizer } from './us-ssn.js';
import { brCnpjRecognizer } from './br-cnpj.js';
import { brCpfRecognizer } from './br-cpf.js';
import { inPanRecognizer } from './in-pan.js';
import { jpMyNumberRecognizer } from './jp-my-number.js';
import { krRrnRecognizer } from './kr-rrn.js';
import { mxCurpRecognizer } from './mx-curp.js';
import { mxRfcRecognizer } from './mx-rfc.js';
import { plPeselRecognizer } from './pl-pesel.js';
import { sePersonnummerRecognizer } from './se-personnummer.js';
import { trTcKimlikRecognizer } from './tr-tc-kimlik.js';
import { noFodselsnummerRecognizer } from './no-fodselsnummer.js';
import { dkCprRecognizer } from './dk-cpr.js';

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
  macAddressRecognizer,
  imeiRecognizer,
  uuidRecognizer,
  epochTimeRecognizer,
  urlRecognizer,
  genderRecognizer,
  geoCoordinatesRecognizer,
  usernameRecognizer,
  passwordHashRecognizer,
  apiTokenRecognizer,
  freeTextRecognizer,
  ibanRecognizer,
  usSsnRecognizer,
  ukNinoRecognizer,
  deTaxIdRecognizer,
  frNirRecognizer,
  esDniNieRecognizer,
  nlBsnRecognizer,
  itCodiceFiscaleRecognizer,
  caSinRecognizer,
  inAadhaarRecognizer,
  inPanRecognizer,
  brCpfRecognizer,
  brCnpjRecognizer,
  plPeselRecognizer,
  sePersonnummerRecognizer,
  noFodselsnummerRecognizer,
  dkCprRecognizer,
  trTcKimlikRecognizer,
  mxCurpRecognizer,
  mxRfcRecognizer,
  jpMyNumberRecognizer,
  krRrnRecognizer,
  passportRecognizer,
  driversLicenseRecognizer,
];
