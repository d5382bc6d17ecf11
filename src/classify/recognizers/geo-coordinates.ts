/**
 * Latitude/longitude: "lat,lon" pairs (also "(lat, lon)", "lat lon" and WKT "POINT(lon lat)") in any
 * column, and single decimal degrees only in a column named latitude or longitude (any decimal
 * number looks like one). Precision decides the category: three or more decimals (≈110 m or better)
 * is a precise location, fewer an imprecise one. Coordinates in tables of things (stores, airports)
 * are not the location of a person and are damped.
 */
import { CATEGORY } from '../categories.js';
import { hasWord, percent, round3, thingTableReason } from './column-context.js';
import { defineRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';
import { TRAIT, valueTraits } from './value-traits.js';

const NUMBER = '[-+]?\\d{1,3}(?:\\.(\\d{1,15}))?';
const PAIR = new RegExp(`^\\(?\\s*(${NUMBER})\\s*[,;\\s]\\s*(${NUMBER})\\s*\\)?$`);
const POINT = new RegExp(`^POINT\\s*\\(\\s*(${NUMBER})\\s+(${NUMBER})\\s*\\)$`, 'i');
const SINGLE = new RegExp(`^${NUMBER}$`);
const LAT_WORDS: ReadonlySet<string> = new Set(['lat', 'latitude', 'breitengrad', 'breite', 'latitud', 'latitudine', 'breedtegraad']);
const LON_WORDS: ReadonlySet<string> = new Set(['lon', 'lng', 'long', 'longitude', 'laengengrad', 'längengrad', 'laenge', 'länge', 'longitud', 'longitudine', 'lengtegraad']);
const GEO_WORDS: ReadonlySet<string> = new Set(['geo', 'location', 'coordinates', 'coords', 'coord', 'position', 'latlng', 'latlon', 'gps', 'point']);
export const PRECISE_DECIMALS = 3;
/** Pairs without a geo column name: "12.50,3.99" could be two prices. */
const PAIR_WITHOUT_CONTEXT = 0.8;
const THING_DAMPING = 0.4;

export interface Coordinate {
  /** Fewest decimals of the one or two numbers. */
  readonly decimals: number;
}

const decimals = (fraction: string | undefined) => fraction?.length ?? 0;

/** Without a geo column name a pair needs this many decimals on both numbers ("12,5" is a decimal comma). */
const STRICT_DECIMALS = 2;

function pair(lat: number, lon: number, latFraction: string | undefined, lonFraction: string | undefined, strict: boolean): Coordinate | undefined {
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return undefined;
  const fewest = Math.min(decimals(latFraction), decimals(lonFraction));
  return strict && fewest < STRICT_DECIMALS ? undefined : { decimals: fewest };
}

/**
 * Parses a coordinate pair, or a single degree value when `single` says which axis the column is.
 * `strict` (no geo column name) requires decimals on both numbers of a pair.
 */
export function parseCoordinate(value: string, single?: 'lat' | 'lon', strict = false): Coordinate | undefined {
  let m = PAIR.exec(value);
  if (m) return pair(Number(m[1]), Number(m[3]), m[2], m[4], strict);
  if ((m = POINT.exec(value))) return pair(Number(m[3]), Number(m[1]), m[4], m[2], false); // WKT is lon lat
  if (single && (m = SINGLE.exec(value))) {
    const v = Number(value);
    if (Math.abs(v) > (single === 'lat' ? 90 : 180)) return undefined;
    return { decimals: decimals(m[1]) };
  }
  return undefined;
}

const shapes = defineRecognizer({
  id: 'geo-coordinates',
  category: CATEGORY.preciseLocation,
  noun: 'latitude/longitude coordinates',
  patterns: [
    { name: 'lat,lon pair', regex: PAIR, score: PAIR_WITHOUT_CONTEXT, contextScore: 1 },
    { name: 'WKT point', regex: POINT, score: 1 },
  ],
  context: [...LAT_WORDS, ...LON_WORDS, ...GEO_WORDS],
  prefilter: (value: string) => value.length >= 3 && value.length <= 80,
  validate: (value: string) => parseCoordinate(value, undefined, true) !== undefined,
});

const MAX_CHECKED = 120;
const PAIR_OR_POINT = TRAIT.comma | TRAIT.symbol | TRAIT.space | TRAIT.nonAscii | TRAIT.letter;

function recognizeCoordinates(values: PreparedValues, options: EvaluateOptions) {
  const tokens = options.nameTokens ?? [];
  const single = hasWord(tokens, LAT_WORDS) ? 'lat' : hasWord(tokens, LON_WORDS) ? 'lon' : undefined;
  const context = single !== undefined || hasWord(tokens, GEO_WORDS) !== undefined;
  const source = shapes.id;
  let counted = 0;
  let matched = 0;
  const precision: number[] = [];
  const limit = Math.min(values.distinct.length, MAX_CHECKED);
  const traits = valueTraits(values, limit);
  for (let i = 0; i < limit; i++) {
    const value = values.distinct[i];
    const count = values.counts[i];
    counted += count;
    if (value.length > 80) continue;
    // Every form has digits; a pair has a separator (, ; or white space) and a WKT point letters.
    if (traits.digits[i] === 0 || (single === undefined && (traits.bits[i] & PAIR_OR_POINT) === 0)) continue;
    const coordinate = parseCoordinate(value, single, !context);
    if (!coordinate) continue;
    matched += count;
    precision.push(coordinate.decimals);
  }
  // Without a geo column name only pairs count; bare numbers were not even tried.
  if (matched === 0 || precision.length < 3) {
    return context ? [{ factor: 'values' as const, category: CATEGORY.preciseLocation, score: 0, source, reason: `none of ${values.total} sampled values are coordinates` }] : [];
  }
  precision.sort((a, b) => a - b);
  const median = precision[Math.floor(precision.length / 2)];
  const precise = median >= PRECISE_DECIMALS;
  const share = matched / counted;
  let score = share * (context ? 1 : PAIR_WITHOUT_CONTEXT);
  const thing = thingTableReason(options.column);
  if (thing) score *= THING_DAMPING;
  const what = single ? `${single === 'lat' ? 'latitudes' : 'longitudes'}` : 'coordinates';
  const reason = `${percent(share)} of ${values.total} sampled values are ${what} with a median of ${median} decimals (${precise ? 'precise, within about 110 m' : 'coarse'})${thing ? `; ${thing}` : ''}`;
  return [{ factor: 'values' as const, category: precise ? CATEGORY.preciseLocation : CATEGORY.impreciseLocation, score: round3(score), source, reason }];
}

export const geoCoordinatesRecognizer: ValueRecognizer = { ...shapes, recognizeColumn: recognizeCoordinates };
