/**
 * What a person bought: orders, carts, order lines. Only the references to what was bought (which
 * product) take the category: amounts, statuses and dates of an order are the shop's own records.
 */
import type { DomainEntry } from './types.js';

export const purchase: DomainEntry = {
  key: 'purchase',
  label: 'purchase',
  category: 'user.behavior.purchase_history',
  score: 0.55,
  covers: ['lookup'],
  // On the customer's own row, what sums up their purchases (first and last purchase dates, their number and total).
  ownRowCovers: ['lookup', 'date', 'quantity'],
  words: {
    en: ['cart', 'basket', 'purchase', 'checkout', 'wishlist', 'buy', 'bought'],
    de: ['warenkorb', 'kauf', 'einkauf'],
    fr: ['commande', 'panier', 'achat'],
    es: ['pedido', 'carrito', 'compra'],
    pt: ['pedido', 'carrinho', 'compra'],
    it: ['ordine', 'carrello', 'acquisto'],
    nl: ['bestelling', 'winkelwagen', 'aankoop'],
    ja: ['chumon', 'kounyu', 'konyu', 'kaato'],
  },
  sharedWords: { en: ['order', 'sale', 'rental', 'booking', 'reservation'] },
  subjects: ['customer'],
  impliesSubject: 'customer',
};
