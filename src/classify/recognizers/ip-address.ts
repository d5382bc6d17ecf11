/** IPv4 (octets 0-255, no leading zeros) and IPv6 addresses, optionally with a /prefix. */
import { isIPv6 } from 'node:net';
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[\w.]+)?(?:\/\d{1,3})?$/;

function validIPv4(address: string, prefix: string | undefined): boolean {
  if (prefix !== undefined && Number(prefix) > 32) return false;
  for (const octet of address.split('.')) {
    if (octet.length > 1 && octet.charCodeAt(0) === 48) return false; // "010" is ambiguous (octal)
    if (Number(octet) > 255) return false;
  }
  return true;
}

export function validIpAddress(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const prefix = slash < 0 ? undefined : value.slice(slash + 1);
  if (address.includes(':')) {
    if (prefix !== undefined && Number(prefix) > 128) return false;
    const zone = address.indexOf('%');
    const bare = zone < 0 ? address : address.slice(0, zone);
    return bare !== '::' && isIPv6(bare);
  }
  return validIPv4(address, prefix);
}

export const ipAddressRecognizer = defineRecognizer({
  id: 'ip-address',
  category: CATEGORY.ipAddress,
  noun: 'valid IP addresses',
  // Necessary shape: dotted or colon-separated, no spaces.
  gate: { any: TRAIT.dot | TRAIT.colon, none: TRAIT.space | TRAIT.at | TRAIT.comma },
  patterns: [
    { name: 'IPv4 address', regex: IPV4, score: 1 },
    { name: 'IPv6 address', regex: IPV6, score: 1 },
  ],
  context: ['ip', 'address', 'remote', 'client', 'host'],
  prefilter: (value: string) => value.length >= 2 && value.length <= 50 && (value.includes('.') || value.includes(':')),
  validate: validIpAddress,
});
