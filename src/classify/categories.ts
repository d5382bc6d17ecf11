/** Fideslang data-category keys the heuristic classifier can propose. One place, so typos fail to compile. */
export const CATEGORY = {
  email: 'user.contact.email',
  phone: 'user.contact.phone_number',
  name: 'user.name',
  firstName: 'user.name.first',
  lastName: 'user.name.last',
  dateOfBirth: 'user.demographic.date_of_birth',
  address: 'user.contact.address',
  street: 'user.contact.address.street',
  city: 'user.contact.address.city',
  state: 'user.contact.address.state',
  postalCode: 'user.contact.address.postal_code',
  country: 'user.contact.address.country',
  ipAddress: 'user.device.ip_address',
  creditCard: 'user.financial.credit_card',
  bankAccount: 'user.financial.bank_account',
  nationalId: 'user.government_id.national_identification_number',
  password: 'user.authorization.password',
  username: 'user.account.username',
  uniqueId: 'user.unique_id',
  operations: 'system.operations',
} as const;

export type KnownCategory = (typeof CATEGORY)[keyof typeof CATEGORY];
