import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { CATEGORY } from '../../../src/classify/categories.js';
import { geoCoordinatesRecognizer, parseCoordinate } from '../../../src/classify/recognizers/geo-coordinates.js';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

faker.seed(41);
const precisePairs = Array.from({ length: 200 }, () => `${faker.location.latitude({ precision: 5 })},${faker.location.longitude({ precision: 5 })}`);

describe('geo coordinates recognizer', () => {
  it.each([
    ['52.520008,13.404954', 0.8],
    ['52.520008, 13.404954', 0.8],
    ['(-33.8688, 151.2093)', 0.8],
    ['POINT(13.404954 52.520008)', 1],
    // look-alikes
    ['12,50', 0], // a decimal comma
    ['95.12345,13.12345', 0], // latitude beyond 90
    ['45.12345,190.12345', 0], // longitude beyond 180
    ['0.00,0.00', 0], // null island
    ['52.520008', 0], // a bare number needs a lat/lon column name
    ['1.2.3.4', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(geoCoordinatesRecognizer, value)).toBe(expected);
  });

  it('parses single degrees only for a named axis', () => {
    expect(parseCoordinate('52.5200', 'lat')).toEqual({ decimals: 4 });
    expect(parseCoordinate('152.5200', 'lat')).toBeUndefined();
    expect(parseCoordinate('152.5200', 'lon')).toEqual({ decimals: 4 });
  });

  it('calls 3+ decimals precise and fewer imprecise', () => {
    const precise = run(geoCoordinatesRecognizer, 'deliveries', { name: 'location', values: precisePairs });
    expect(precise).toMatchObject([{ category: CATEGORY.preciseLocation, score: 1 }]);
    expect(reasonsFreeOf(precise, precisePairs)).toBe(true);
    const coarse = Array.from({ length: 200 }, () => String(faker.location.latitude({ precision: 1 })));
    expect(run(geoCoordinatesRecognizer, 'users', { name: 'home_lat', values: coarse })[0].category).toBe(CATEGORY.impreciseLocation);
    const lng = Array.from({ length: 200 }, () => String(faker.location.longitude({ precision: 6 })));
    expect(run(geoCoordinatesRecognizer, 'users', { name: 'lng', values: lng })[0]).toMatchObject({ category: CATEGORY.preciseLocation, score: 1 });
  });

  it('ignores decimal numbers without a lat/lon name, and damps coordinates of things', () => {
    const prices = Array.from({ length: 200 }, () => faker.commerce.price());
    expect(run(geoCoordinatesRecognizer, 'products', { name: 'price', values: prices })).toEqual([]);
    expect(run(geoCoordinatesRecognizer, 'airports', { name: 'position', values: precisePairs })[0].score).toBeLessThan(0.5);
    expect(run(geoCoordinatesRecognizer, 't1', { name: 'c1', values: precisePairs })[0].score).toBe(0.8);
  });
});
