/**
 * MAC addresses (EUI-48): colon or dash pairs, Cisco dotted quads, and bare 12-hex-digit strings (weak:
 * any hex id looks like that). The all-zero and broadcast addresses are placeholders, not devices.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

// The backreference keeps one separator throughout (00:1a-2b… is not an address).
const PAIRS = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;
const CISCO = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;
const BARE = /^[0-9a-f]{12}$/i;
const PLACEHOLDER = /^(?:0{12}|f{12})$/i;

export const macAddressRecognizer = defineRecognizer({
  id: 'mac-address',
  category: CATEGORY.deviceId,
  noun: 'MAC addresses',
  // Necessary shape: hex digits and one kind of separator.
  gate: { none: TRAIT.space | TRAIT.at | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'colon or dash separated pairs', regex: PAIRS, score: 1 },
    { name: 'Cisco dotted form', regex: CISCO, score: 0.9, contextScore: 1 },
    { name: 'twelve hex digits (weak)', regex: BARE, score: 0.2, contextScore: 0.9 },
  ],
  context: ['mac', 'hardware', 'hw', 'ethernet', 'wifi', 'wlan', 'bssid', 'device', 'nic'],
  prefilter: (value: string) => value.length >= 12 && value.length <= 17,
  // Only hex digits decide whether it is a placeholder.
  validate: (value: string) => !PLACEHOLDER.test(value.replace(/[:.-]/g, '')),
});
