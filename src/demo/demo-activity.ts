/**
 * What the shop logs: support tickets (personal data inside free-text notes), tracker events (personal data
 * inside some JSON payloads), newsletter sign-ups and an audit log with IP addresses stored as text.
 */
import type { Faker } from '@faker-js/faker';
import type { DemoCustomer } from './demo-customers.js';
import { personPhone } from './demo-customers.js';
import type { DemoOrder } from './demo-commerce.js';
import { type DemoFakers, DEMO_REFERENCE_DATE, addMinutes, browserUserAgent, isoTimestamp, localTimestamp, pad, pickLocaleProfile, uniqueValue } from './demo-random.js';
import { type DemoTable, type DemoValue, toDemoTable } from './demo-table.js';

export const TICKET_COUNT = 250;
export const EVENT_COUNT = 600;
export const NEWSLETTER_COUNT = 220;
export const AUDIT_LOG_COUNT = 400;

export interface ActivityInput {
  readonly customers: readonly DemoCustomer[];
  readonly orders: readonly DemoOrder[];
  readonly productNames: readonly string[];
  readonly skus: readonly string[];
  readonly supportEmployeeIds: readonly number[];
  readonly accounts: readonly { readonly accountId: number; readonly lastIp: string | null }[];
}

const refDate = new Date(DEMO_REFERENCE_DATE);

export function generateActivity(fakers: DemoFakers, input: ActivityInput): DemoTable[] {
  return [
    toDemoTable('public', 'support_tickets', tickets(fakers.main, input)),
    toDemoTable('public', 'events', events(fakers.main, input)),
    toDemoTable('public', 'newsletter', newsletter(fakers, input.customers)),
    toDemoTable('public', 'audit_log', auditLog(fakers.main, input)),
  ];
}

function tickets(main: Faker, input: ActivityInput): Record<string, DemoValue>[] {
  const openedTimes = Array.from({ length: TICKET_COUNT }, () => main.date.between({ from: '2023-01-01T00:00:00Z', to: refDate })).sort((a, b) => a.getTime() - b.getTime());
  return openedTimes.map((openedAt, index) => {
    const order = main.helpers.arrayElement(input.orders);
    const guest = main.datatype.boolean(0.15);
    const closedAt = addMinutes(openedAt, main.number.int({ min: 30, max: 20_000 }));
    const drawnStatus = main.helpers.weightedArrayElement([{ weight: 70, value: 'closed' }, { weight: 20, value: 'open' }, { weight: 10, value: 'waiting' }]);
    // A ticket cannot have been closed after "today".
    const status = drawnStatus === 'closed' && closedAt > refDate ? 'open' : drawnStatus;
    return {
      ticket_id: index + 1,
      cust_id: guest ? null : order.customer.id,
      assignee_id: main.datatype.boolean(0.9) ? main.helpers.arrayElement(input.supportEmployeeIds) : null,
      subject: ticketSubject(main, order, input.productNames),
      notes: main.datatype.boolean(0.05) ? null : ticketNotes(main, order.customer),
      priority: main.helpers.weightedArrayElement([{ weight: 50, value: 'normal' }, { weight: 30, value: 'low' }, { weight: 15, value: 'high' }, { weight: 5, value: 'urgent' }]),
      status,
      opened_at: isoTimestamp(openedAt),
      closed_at: status === 'closed' ? isoTimestamp(closedAt) : null,
    };
  });
}

function ticketSubject(main: Faker, order: DemoOrder, productNames: readonly string[]): string {
  const product = main.helpers.arrayElement(productNames);
  return main.helpers.arrayElement([
    `Where is my order ${order.orderNo}?`,
    `Refund for order ${order.orderNo}`,
    `${product} arrived damaged`,
    `Question about ${product}`,
    'Cannot log in to my account',
    'Change delivery address',
    `Invoice copy for ${order.orderNo}`,
    'Voucher code not accepted',
  ]);
}

const ROUTINE_NOTES = [
  'Replacement shipped, tracking number sent.',
  'Refund approved by finance, 5-7 business days.',
  'Item out of stock, offered a 10% voucher.',
  'Duplicate of an earlier ticket, closing.',
  'Carrier says delivered; opened an investigation with the carrier.',
  'Password reset link re-sent.',
  'Customer confirmed the issue is resolved.',
  'Escalated to warehouse team lead.',
  'Waiting for photos of the damage.',
];

/** About half the notes name or contact a person: the customer, or someone acting for them. */
function ticketNotes(main: Faker, customer: DemoCustomer): string {
  const routine = main.helpers.arrayElement(ROUTINE_NOTES);
  if (main.datatype.boolean(0.5)) return main.datatype.boolean(0.4) ? `${routine} ${main.helpers.arrayElement(ROUTINE_NOTES)}` : routine;
  const f = customer.faker;
  const other = `${f.person.firstName()} ${f.person.lastName()}`;
  const phone = customer.phone ?? personPhone(f, customer.profile);
  const dob = customer.dateOfBirth;
  const personal = main.helpers.arrayElement([
    `Customer called from ${phone}, wants a call back after 5pm.`,
    `Please reply to ${customer.email} instead of the account address.`,
    `Neighbour ${other} accepted the parcel; call ${personPhone(f, customer.profile)} if it is missing.`,
    `Customer asks us to use ${f.internet.email({ firstName: customer.firstName, lastName: customer.lastName }).toLowerCase()} from now on, old mailbox closed.`,
    `${other} called on behalf of ${customer.firstName} ${customer.lastName}, verified with DOB ${pad(dob.getUTCDate(), 2)}.${pad(dob.getUTCMonth() + 1, 2)}.${dob.getUTCFullYear()}.`,
    `Left voicemail on ${phone}. Second attempt tomorrow.`,
  ]);
  return main.datatype.boolean(0.5) ? `${personal} ${routine}` : personal;
}

function events(main: Faker, input: ActivityInput): Record<string, DemoValue>[] {
  const times = Array.from({ length: EVENT_COUNT }, () => main.date.between({ from: '2025-01-01T00:00:00Z', to: refDate })).sort((a, b) => a.getTime() - b.getTime());
  return times.map((occurredAt, index) => {
    const customer = main.datatype.boolean(0.65) ? main.helpers.arrayElement(input.customers) : null;
    const type = main.helpers.weightedArrayElement([
      { weight: 35, value: 'page_view' },
      { weight: 15, value: 'search' },
      { weight: 12, value: 'login' },
      { weight: 12, value: 'add_to_cart' },
      { weight: 8, value: 'checkout' },
      { weight: 7, value: 'logout' },
      { weight: 6, value: 'newsletter_signup' },
      { weight: 5, value: 'password_reset' },
    ]);
    return {
      event_id: 9_100_000 + index,
      cust_id: customer?.id ?? null,
      event_type: type,
      payload: JSON.stringify(eventPayload(main, type, customer, input)),
      occurred_at: isoTimestamp(occurredAt),
    };
  });
}

function eventPayload(main: Faker, type: string, customer: DemoCustomer | null, input: ActivityInput): Record<string, unknown> {
  const session = main.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' });
  const email = customer?.email ?? main.internet.email().toLowerCase();
  switch (type) {
    case 'page_view':
      return { path: `/p/${main.helpers.arrayElement(input.skus).toLowerCase()}`, sid: session, ref: main.helpers.arrayElement(['google', 'newsletter', 'direct', 'instagram']) };
    case 'search':
      return { q: main.commerce.productAdjective().toLowerCase() + ' ' + main.commerce.product().toLowerCase(), results: main.number.int({ min: 0, max: 40 }), sid: session };
    case 'login':
      return { ip: main.internet.ipv4(), ua: browserUserAgent(main), method: main.helpers.arrayElement(['password', 'magic_link']), ok: main.datatype.boolean(0.9) };
    case 'add_to_cart':
      return { sku: main.helpers.arrayElement(input.skus), qty: main.number.int({ min: 1, max: 3 }), sid: session };
    case 'checkout': {
      const order = main.helpers.arrayElement(input.orders);
      return { order_no: order.orderNo, items: main.number.int({ min: 1, max: 4 }), sid: session };
    }
    case 'logout':
      return { sid: session };
    case 'newsletter_signup':
      return { email, src: main.helpers.arrayElement(['footer', 'popup']), ip: main.internet.ipv4() };
    default:
      return { email, ip: main.internet.ipv4(), ua: browserUserAgent(main) };
  }
}

function newsletter(fakers: DemoFakers, customers: readonly DemoCustomer[]): Record<string, DemoValue>[] {
  const { main } = fakers;
  const seen = new Set<string>();
  const fromCustomers = main.helpers.arrayElements(customers, Math.round(NEWSLETTER_COUNT * 0.6));
  const rows: Record<string, DemoValue>[] = [];
  for (let index = 0; index < NEWSLETTER_COUNT; index++) {
    const customer = fromCustomers[index];
    const f = fakers.byLocale[customer?.profile.locale ?? pickLocaleProfile(main).locale];
    const email = uniqueValue(seen, (attempt) => (customer && attempt === 0 ? customer.email : f.internet.email().toLowerCase()));
    const subscribedAt = main.date.between({ from: '2016-01-01T00:00:00Z', to: refDate });
    rows.push({
      nl_id: index + 1,
      eml: email,
      src: main.helpers.arrayElement(['footer', 'checkout', 'popup', 'import_2016']),
      dbl_opt_in: main.datatype.boolean(0.8),
      subscribed_at: isoTimestamp(subscribedAt),
      unsub_at: main.datatype.boolean(0.15) ? isoTimestamp(main.date.between({ from: subscribedAt, to: refDate })) : null,
    });
  }
  return rows;
}

function auditLog(main: Faker, input: ActivityInput): Record<string, DemoValue>[] {
  const times = Array.from({ length: AUDIT_LOG_COUNT }, () => main.date.between({ from: '2024-06-01T00:00:00Z', to: refDate })).sort((a, b) => a.getTime() - b.getTime());
  return times.map((loggedAt, index) => {
    if (main.datatype.boolean(0.2)) {
      return {
        log_id: index + 1,
        actor_id: null,
        action: main.helpers.arrayElement(['nightly_export', 'purge_sessions', 'reindex_products']),
        entity: 'system',
        entity_id: null,
        ip_addr: main.datatype.boolean(0.5) ? `10.12.0.${main.number.int({ min: 2, max: 40 })}` : null,
        logged_at: localTimestamp(loggedAt),
      };
    }
    const account = main.helpers.arrayElement(input.accounts);
    const [action, entity] = main.helpers.arrayElement([
      ['login', 'session'],
      ['logout', 'session'],
      ['update_address', 'customer'],
      ['change_password', 'account'],
      ['add_payment_method', 'payment'],
      ['cancel_order', 'order'],
      ['export_personal_data', 'customer'],
    ] as const);
    return {
      log_id: index + 1,
      actor_id: account.accountId,
      action,
      entity,
      entity_id: main.number.int({ min: 1, max: 500 }),
      ip_addr: account.lastIp !== null && main.datatype.boolean(0.5) ? account.lastIp : main.internet.ipv4(),
      logged_at: localTimestamp(loggedAt),
    };
  });
}
