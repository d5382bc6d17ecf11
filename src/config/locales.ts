/**
 * `classification.locales`: the countries whose country-specific recognizers run (like Presidio's
 * per-country recognizers). An entry is an ISO 3166-1 country code (`br`, `GB`, `uk` for GB) or a
 * locale with a region (`pt-BR`, `pt_BR`); a bare language code (`en`, `ja`) names no country.
 */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The lowercase ISO 3166-1 alpha-2 code of the country `locale` names, or undefined. */
export function countryOfLocale(locale: string): string | undefined {
  const tag = locale.trim().replace(/_/g, '-');
  let region: string | undefined;
  try {
    // A bare two-letter code is a country here, not a language.
    region = new Intl.Locale(/^[A-Za-z]{2}$/.test(tag) ? `und-${tag}` : tag).region;
  } catch {
    return undefined;
  }
  // Regions like 419 (Latin America) are not countries; an unknown code has no English name.
  if (region === undefined || !/^[A-Z]{2}$/.test(region) || region === 'ZZ' || regionNames.of(region) === region) return undefined;
  return region.toLowerCase();
}

/** What an entry that names no country is told. */
export function localeProblem(locale: string): string {
  return `'${locale}' names no country: give an ISO 3166 country code (br, es, gb) or a locale with a region (pt-BR); Swedish is se, not sv`;
}
