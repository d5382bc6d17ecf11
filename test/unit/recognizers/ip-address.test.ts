import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { ipAddressRecognizer } from '../../../src/classify/recognizers/ip-address.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

describe('IP address recognizer', () => {
  it.each([
    ['192.168.0.1', 1],
    ['8.8.8.8', 1],
    ['0.0.0.0', 1],
    ['10.0.0.0/8', 1],
    ['255.255.255.255', 1],
    ['2001:db8::1', 1],
    ['fe80::1%eth0', 1],
    ['::ffff:192.0.2.128', 1],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', 1],
    ['2001:db8::/32', 1],
    // invalid
    ['256.1.1.1', 0],
    ['192.168.1', 0],
    ['192.168.01.1', 0],
    ['10.0.0.0/33', 0],
    ['1.2.3.4.5', 0],
    ['2001:db8:::1', 0],
    ['::', 0],
    ['12:30:45', 0],
    ['00:1A:2B:3C:4D:5E', 0],
    ['10.0.19041.1', 0],
    ['3.14', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(ipAddressRecognizer, value)).toBe(expected);
  });

  it('finds a column of mixed IPv4 and IPv6 addresses', () => {
    faker.seed(5);
    const values = Array.from({ length: 200 }, (_, i) => (i % 2 ? faker.internet.ipv4() : faker.internet.ipv6()));
    expect(evaluateRecognizer(ipAddressRecognizer, prepareValues(values))!.score).toBe(1);
  });
});
