/**
 * Place-name lists: countries (names in several languages generated from ICU, so nothing is copied),
 * first-level regions of a few countries, and large cities. Lowercase, without diacritics.
 */
import { getCountries } from 'libphonenumber-js/max';

function fold(text: string): string {
  // NFD and the mark removal change no ASCII text: skip them for it (most values).
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return text.toLowerCase();
}

const COUNTRY_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];

/** ISO 3166-1 alpha-2 codes known to libphonenumber (which covers every country and territory). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(getCountries());

function countryNames(): Set<string> {
  const names = new Set<string>(['usa', 'u.s.a.', 'u.s.', 'america', 'uk', 'u.k.', 'great britain', 'england', 'scotland', 'wales', 'northern ireland', 'holland', 'czech republic', 'russia', 'south korea', 'north korea', 'ivory coast', 'burma', 'macedonia', 'swaziland', 'turkey']);
  for (const language of COUNTRY_LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region' });
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (name && name !== code) names.add(fold(name));
    }
  }
  return names;
}

export const COUNTRY_NAMES: ReadonlySet<string> = countryNames();

const US_STATES = `alabama:al alaska:ak arizona:az arkansas:ar california:ca colorado:co connecticut:ct delaware:de
  florida:fl georgia:ga hawaii:hi idaho:id illinois:il indiana:in iowa:ia kansas:ks kentucky:ky louisiana:la maine:me
  maryland:md massachusetts:ma michigan:mi minnesota:mn mississippi:ms missouri:mo montana:mt nebraska:ne nevada:nv
  new_hampshire:nh new_jersey:nj new_mexico:nm new_york:ny north_carolina:nc north_dakota:nd ohio:oh oklahoma:ok
  oregon:or pennsylvania:pa rhode_island:ri south_carolina:sc south_dakota:sd tennessee:tn texas:tx utah:ut
  vermont:vt virginia:va washington:wa west_virginia:wv wisconsin:wi wyoming:wy district_of_columbia:dc
  puerto_rico:pr guam:gu`;
const CA_PROVINCES = `alberta:ab british_columbia:bc manitoba:mb new_brunswick:nb newfoundland_and_labrador:nl
  nova_scotia:ns ontario:on prince_edward_island:pe quebec:qc saskatchewan:sk northwest_territories:nt nunavut:nu
  yukon:yt`;
const AU_STATES = `new_south_wales:nsw victoria:vic queensland:qld western_australia:wa south_australia:sa
  tasmania:tas australian_capital_territory:act northern_territory:nt`;
const OTHER_REGIONS = `baden-wurttemberg bayern bavaria berlin brandenburg bremen hamburg hessen hesse
  mecklenburg-vorpommern niedersachsen lower_saxony nordrhein-westfalen north_rhine-westphalia rheinland-pfalz
  saarland sachsen saxony sachsen-anhalt schleswig-holstein thuringen thuringia
  andalucia andalusia aragon asturias cantabria castilla_y_leon castilla-la_mancha cataluna catalonia galicia
  extremadura murcia navarra la_rioja pais_vasco comunidad_valenciana madrid
  lombardia lombardy lazio campania sicilia sicily veneto piemonte piedmont puglia toscana tuscany sardegna
  ile-de-france bretagne brittany normandie normandy occitanie provence-alpes-cote_d'azur grand_est
  auvergne-rhone-alpes hauts-de-france nouvelle-aquitaine
  maharashtra karnataka tamil_nadu kerala gujarat rajasthan uttar_pradesh west_bengal telangana punjab bihar
  noord-holland zuid-holland utrecht gelderland noord-brabant limburg groningen friesland overijssel zeeland`;

function regionSets(): { names: Set<string>; codes: Set<string> } {
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const entry of `${US_STATES} ${CA_PROVINCES} ${AU_STATES} ${OTHER_REGIONS}`.split(/\s+/)) {
    if (entry === '') continue;
    const [name, code] = entry.split(':');
    names.add(name.replace(/_/g, ' '));
    if (code) codes.add(code.toUpperCase());
  }
  return { names, codes };
}

const regions = regionSets();
export const REGION_NAMES: ReadonlySet<string> = regions.names;
export const REGION_CODES: ReadonlySet<string> = regions.codes;

export const CITY_NAMES: ReadonlySet<string> = new Set(
  `new_york los_angeles chicago houston phoenix philadelphia san_antonio san_diego dallas san_jose austin
  jacksonville san_francisco columbus fort_worth indianapolis charlotte seattle denver washington boston el_paso
  nashville detroit portland las_vegas memphis louisville baltimore milwaukee albuquerque tucson fresno sacramento
  atlanta miami oakland minneapolis tulsa cleveland new_orleans honolulu pittsburgh cincinnati st._louis orlando
  toronto montreal vancouver calgary ottawa edmonton winnipeg quebec mexico_city guadalajara monterrey
  london birmingham manchester glasgow liverpool leeds sheffield edinburgh bristol cardiff belfast leicester
  nottingham newcastle southampton oxford cambridge dublin cork
  berlin hamburg munchen munich koln cologne frankfurt stuttgart dusseldorf leipzig dortmund essen bremen dresden
  hannover nurnberg nuremberg duisburg bochum wuppertal bielefeld bonn munster mannheim karlsruhe augsburg
  wiesbaden freiburg wien vienna graz linz salzburg zurich geneve geneva basel bern lausanne
  paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims toulon grenoble
  dijon angers brest brussels bruxelles antwerpen antwerp gent ghent liege luxembourg
  madrid barcelona valencia sevilla seville zaragoza malaga murcia palma bilbao alicante cordoba valladolid vigo
  gijon granada lisboa lisbon porto
  roma rome milano milan napoli naples torino turin palermo genova genoa bologna firenze florence bari catania
  venezia venice verona messina padova trieste
  amsterdam rotterdam den_haag the_hague utrecht eindhoven groningen tilburg almere breda nijmegen haarlem arnhem
  copenhagen kobenhavn stockholm oslo helsinki goteborg gothenburg aarhus warszawa warsaw krakow praha prague
  budapest bucuresti bucharest athens athina istanbul ankara moskva moscow kyiv kiev
  mumbai delhi new_delhi bangalore bengaluru hyderabad ahmedabad chennai kolkata pune jaipur surat lucknow kanpur
  nagpur indore bhopal patna
  beijing shanghai guangzhou shenzhen chengdu chongqing tianjin wuhan hangzhou nanjing xian hong_kong taipei
  tokyo osaka yokohama nagoya sapporo kobe kyoto fukuoka kawasaki seoul busan singapore bangkok jakarta manila
  kuala_lumpur hanoi ho_chi_minh_city
  sydney melbourne brisbane perth adelaide auckland wellington
  sao_paulo rio_de_janeiro buenos_aires lima bogota santiago caracas
  cairo lagos nairobi johannesburg cape_town casablanca dubai abu_dhabi tel_aviv riyadh tehran karachi lahore dhaka`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => w.replace(/_/g, ' ')),
);

export { fold as foldPlace };
