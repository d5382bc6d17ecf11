/**
 * The shop itself: products (names and SKUs that are not personal), orders with phone-shaped order numbers
 * and an occasional gift message, order lines, and payments (card numbers, IBANs, card holder names).
 */
import type { Faker } from '@faker-js/faker';
import type { DemoCustomer } from './demo-customers.js';
import { type DemoFakers, DEMO_REFERENCE_DATE, addMinutes, centsToDecimal, isoTimestamp, pad, uniqueValue } from './demo-random.js';
import { type DemoTable, type DemoValue, toDemoTable } from './demo-table.js';

export const PRODUCT_COUNT = 120;
export const ORDER_COUNT = 500;
/** Order lines beyond the first line every order has. */
export const EXTRA_ORDER_LINES = 400;

export interface DemoOrder {
  readonly id: number;
  readonly orderNo: string;
  readonly customer: DemoCustomer;
  readonly createdAt: Date;
}

export interface CommerceTables {
  readonly tables: readonly DemoTable[];
  readonly orders: readonly DemoOrder[];
  readonly productNames: readonly string[];
  readonly skus: readonly string[];
}

const refDate = new Date(DEMO_REFERENCE_DATE);
const STORE_CODES = ['101', '102', '205', '310'];
const TAX_RATE: Record<string, number> = { US: 0.07, GB: 0.2, DE: 0.19, FR: 0.2 };

export function generateCommerce(fakers: DemoFakers, customers: readonly DemoCustomer[]): CommerceTables {
  const { main } = fakers;
  const seenSkus = new Set<string>();
  const products = Array.from({ length: PRODUCT_COUNT }, (_, index) => {
    const category = main.commerce.department();
    const sku = uniqueValue(seenSkus, () => `${category.slice(0, 3).toUpperCase()}-${main.string.numeric(4)}-${main.string.alpha({ length: 2, casing: 'upper' })}`);
    return {
      product_id: index + 1,
      sku,
      name: main.commerce.productName(),
      description: main.datatype.boolean(0.9) ? main.commerce.productDescription() : null,
      category,
      brand: main.company.name(),
      priceCents: main.number.int({ min: 299, max: 49_999 }),
      weight_g: main.number.int({ min: 40, max: 12_000 }),
      active: main.datatype.boolean(0.9),
      created_at: isoTimestamp(main.date.between({ from: '2015-06-01T00:00:00Z', to: '2025-06-01T00:00:00Z' })),
    };
  });

  // Orders get ids in time order, as a sequence would have given them.
  const drafts = Array.from({ length: ORDER_COUNT }, () => {
    const customer = main.helpers.arrayElement(customers);
    return { customer, createdAt: main.date.between({ from: customer.createdAt, to: refDate }) };
  }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const orders: DemoOrder[] = drafts.map((draft, index) => ({
    id: index + 1,
    orderNo: `${main.helpers.arrayElement(STORE_CODES)}-${pad(dayOfYear(draft.createdAt), 3)}-${pad(1000 + index * 7, 4)}`,
    ...draft,
  }));

  const linesPerOrder = new Map<number, number>(orders.map((order) => [order.id, 1]));
  for (let extra = 0; extra < EXTRA_ORDER_LINES; extra++) {
    const order = main.helpers.arrayElement(orders);
    linesPerOrder.set(order.id, (linesPerOrder.get(order.id) ?? 1) + 1);
  }

  const itemRows: Record<string, DemoValue>[] = [];
  const orderRows: Record<string, DemoValue>[] = [];
  const paymentRows: Record<string, DemoValue>[] = [];
  const seenTxnRefs = new Set<string>();
  for (const order of orders) {
    let subtotalCents = 0;
    for (let lineNo = 1; lineNo <= (linesPerOrder.get(order.id) ?? 1); lineNo++) {
      const product = main.helpers.arrayElement(products);
      const qty = main.helpers.weightedArrayElement([{ weight: 75, value: 1 }, { weight: 18, value: 2 }, { weight: 7, value: 3 }]);
      subtotalCents += product.priceCents * qty;
      itemRows.push({ order_id: order.id, line_no: lineNo, product_id: product.product_id, qty, unit_price: centsToDecimal(product.priceCents) });
    }
    const { customer } = order;
    const taxCents = Math.round(subtotalCents * TAX_RATE[customer.profile.countryCode]);
    const status = orderStatus(main, order.createdAt);
    const shipped = status === 'shipped' || status === 'delivered' || status === 'returned';
    orderRows.push({
      order_id: order.id,
      order_no: order.orderNo,
      cust_id: customer.id,
      ship_addr_id: main.datatype.boolean(0.05)
        ? null
        : customer.shippingAddressId !== null && main.datatype.boolean(0.7)
          ? customer.shippingAddressId
          : customer.billingAddressId,
      status,
      currency: customer.profile.currency,
      subtotal: centsToDecimal(subtotalCents),
      tax: centsToDecimal(taxCents),
      total: centsToDecimal(subtotalCents + taxCents),
      gift_msg: main.datatype.boolean(0.12) ? giftMessage(customer.faker, customer) : null,
      created_at: isoTimestamp(order.createdAt),
      shipped_at: shipped ? isoTimestamp(addMinutes(order.createdAt, main.number.int({ min: 600, max: 5_760 }))) : null,
    });
    paymentRows.push(paymentRecord(main, order, subtotalCents + taxCents, status, seenTxnRefs));
  }

  return {
    tables: [
      toDemoTable('public', 'products', products.map(({ priceCents, ...product }) => ({ ...product, price: centsToDecimal(priceCents) }))),
      toDemoTable('public', 'orders', orderRows),
      toDemoTable('public', 'order_items', itemRows),
      toDemoTable('public', 'payments', paymentRows),
    ],
    orders,
    productNames: products.map((product) => product.name),
    skus: products.map((product) => product.sku),
  };
}

function orderStatus(faker: Faker, createdAt: Date): string {
  const ageDays = (refDate.getTime() - createdAt.getTime()) / 86_400_000;
  if (ageDays < 6) return faker.helpers.arrayElement(['pending', 'paid']);
  return faker.helpers.weightedArrayElement([
    { weight: 70, value: 'delivered' },
    { weight: 10, value: 'shipped' },
    { weight: 12, value: 'cancelled' },
    { weight: 8, value: 'returned' },
  ]);
}

function paymentRecord(main: Faker, order: DemoOrder, totalCents: number, status: string, seenTxnRefs: Set<string>): Record<string, DemoValue> {
  const { customer } = order;
  const f = customer.faker;
  const euro = customer.profile.currency === 'EUR';
  const method = main.helpers.weightedArrayElement(
    euro
      ? [{ weight: 45, value: 'card' }, { weight: 40, value: 'sepa' }, { weight: 15, value: 'paypal' }]
      : [{ weight: 80, value: 'card' }, { weight: 20, value: 'paypal' }],
  );
  const card = method === 'card';
  // Card holders are printed names; now and then someone pays for a friend.
  const holder = main.datatype.boolean(0.9) ? `${customer.firstName} ${customer.lastName}` : `${f.person.firstName()} ${f.person.lastName()}`;
  const expiry = new Date(order.createdAt.getTime() + main.number.int({ min: 60, max: 1_500 }) * 86_400_000);
  return {
    payment_id: order.id,
    order_id: order.id,
    method,
    card_no: card ? cardNumber(main) : null,
    card_holder: card ? holder.toUpperCase() : method === 'sepa' ? holder : null,
    exp: card ? `${pad(expiry.getUTCMonth() + 1, 2)}/${pad(expiry.getUTCFullYear() % 100, 2)}` : null,
    iban: method === 'sepa' ? main.finance.iban({ formatted: main.datatype.boolean(0.5), countryCode: customer.profile.countryCode }) : null,
    bic: method === 'sepa' ? main.finance.bic() : null,
    amount: centsToDecimal(totalCents),
    txn_ref: uniqueValue(seenTxnRefs, () => `TX${main.string.hexadecimal({ length: 16, casing: 'upper', prefix: '' })}`),
    paid_at: status === 'pending' || status === 'cancelled' ? null : isoTimestamp(addMinutes(order.createdAt, main.number.int({ min: 1, max: 90 }))),
  };
}

/** A Luhn-valid card number (faker computes the check digit), stored bare or in groups of four. */
function cardNumber(faker: Faker): string {
  const issuer = faker.helpers.weightedArrayElement([{ weight: 55, value: 'visa' }, { weight: 35, value: 'mastercard' }, { weight: 10, value: 'amex' }]);
  // Today's lengths only (faker also makes old 13-digit Visa and odd-length numbers).
  const length = issuer === 'amex' ? 15 : 16;
  let digits: string;
  do digits = faker.finance.creditCardNumber({ issuer }).replace(/\D/g, '');
  while (digits.length !== length);
  return faker.datatype.boolean(0.7) ? digits : digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function giftMessage(f: Faker, customer: DemoCustomer): string {
  const friend = f.person.firstName();
  return f.helpers.arrayElement([
    `Happy birthday ${friend}! Love, ${customer.firstName}`,
    `For ${friend} ${f.person.lastName()}, with thanks for everything. ${customer.firstName}`,
    `Merry Christmas ${friend} - from ${customer.firstName} & family`,
    `Congratulations on the new job, ${friend}!`,
    `Get well soon, ${friend}. Call me at ${customer.phone ?? customer.email}`,
  ]);
}

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}
