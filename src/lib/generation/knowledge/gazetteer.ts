import { countries, continents, languages } from 'countries-list';

// Places and organisations every reader knows, from the countries-list package plus
// short hand-kept lists. Used to classify names and to offer distractors of the same kind.

export type PlaceKind = 'country' | 'city' | 'continent' | 'region' | 'state';

export interface PlaceInfo {
	name: string;
	kind: PlaceKind;
	/** Continent code (AF, AS, EU, NA, OC, SA, AN) when known. */
	continent?: string;
	/** For capitals: the country's name. */
	capitalOf?: string;
	/** The country's standard name, shared by all its aliases. */
	canonical?: string;
	/** A finer region where it matters for plausible choices ("ME": the Middle East). */
	subregion?: string;
}

const MIDDLE_EAST = new Set(['Saudi Arabia', 'Iraq', 'Syria', 'Iran', 'Israel', 'Jordan', 'Lebanon', 'Yemen', 'Oman', 'United Arab Emirates', 'Qatar', 'Kuwait', 'Bahrain', 'Egypt', 'Turkey', 'Palestine']);
const ME_CITIES = new Set(['Jeddah', 'Mecca', 'Medina', 'Jerusalem', 'Basra', 'Mosul', 'Aleppo', 'Dubai', 'Istanbul', 'Alexandria']);

const places = new Map<string, PlaceInfo>();
const add = (info: PlaceInfo) => {
	const key = info.name.toLowerCase();
	if (MIDDLE_EAST.has(info.canonical ?? '') || MIDDLE_EAST.has(info.capitalOf ?? '') || ME_CITIES.has(info.name)) info.subregion = 'ME';
	if (!places.has(key)) places.set(key, info);
};

const COUNTRY_ALIASES: Record<string, string[]> = {
	US: ['United States', 'United States of America', 'USA', 'US', 'U.S.', 'America'],
	GB: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales'],
	RU: ['Russia'],
	KR: ['South Korea'],
	KP: ['North Korea'],
	CZ: ['Czech Republic', 'Czechia'],
	IR: ['Iran'],
	SY: ['Syria'],
	VN: ['Vietnam', 'Viet Nam'],
	LA: ['Laos'],
	TW: ['Taiwan'],
	BO: ['Bolivia'],
	VE: ['Venezuela'],
	TZ: ['Tanzania'],
	CD: ['Democratic Republic of the Congo', 'DR Congo'],
	CG: ['Republic of the Congo', 'Congo'],
	CI: ['Ivory Coast', "Côte d'Ivoire"],
	MD: ['Moldova'],
	MK: ['North Macedonia'],
	PS: ['Palestine'],
	VA: ['Vatican City'],
	FM: ['Micronesia'],
	BN: ['Brunei'],
	MM: ['Myanmar', 'Burma']
};

for (const [code, c] of Object.entries(countries) as [string, { name: string; continent: string; capital: string }][]) {
	for (const name of [c.name, ...(COUNTRY_ALIASES[code] ?? [])]) add({ name, kind: 'country', continent: c.continent, canonical: c.name });
	if (c.capital) add({ name: c.capital, kind: 'city', continent: c.continent, capitalOf: c.name });
}
for (const name of Object.values(continents)) add({ name, kind: 'continent' });
for (const name of ['America', 'Americas', 'North America', 'South America', 'Latin America', 'Central America']) add({ name, kind: 'continent' });

const REGIONS = `West Africa | East Africa | North Africa | Southern Africa | Central Africa | Sub-Saharan Africa | Middle East | Near East | Far East |
Southeast Asia | South Asia | East Asia | Central Asia | Western Europe | Eastern Europe | Northern Europe | Southern Europe | Central Europe | Scandinavia |
Balkans | Caribbean | Pacific | Atlantic | Arctic | Mediterranean | Sahara | Sahel | Siberia | Patagonia | Amazon | Himalayas | Andes | Alps |
Rocky Mountains | Great Plains | New England | Midwest | Deep South | Pacific Northwest | Oceania | Polynesia | Melanesia | Micronesia | Indochina |
Mesopotamia | Anatolia | Levant | Iberia | Arabia | Persia | Bengal | Punjab | Kashmir | Tibet | Manchuria | Silicon Valley`;
for (const name of REGIONS.split(/\s*\|\s*/)) add({ name: name.trim(), kind: 'region' });

const US_STATES = `Alabama | Alaska | Arizona | Arkansas | California | Colorado | Connecticut | Delaware | Florida | Hawaii | Idaho | Illinois |
Indiana | Iowa | Kansas | Kentucky | Louisiana | Maine | Maryland | Massachusetts | Michigan | Minnesota | Mississippi | Missouri | Montana |
Nebraska | Nevada | New Hampshire | New Jersey | New Mexico | New York State | North Carolina | North Dakota | Ohio | Oklahoma | Oregon |
Pennsylvania | Rhode Island | South Carolina | South Dakota | Tennessee | Texas | Utah | Vermont | Virginia | Washington State | West Virginia |
Wisconsin | Wyoming | Ontario | Quebec | British Columbia | Alberta | Manitoba | Nova Scotia | Queensland | Victoria | Tasmania | New South Wales |
Bavaria | Catalonia | Scotland | Wales | Ulster`;
for (const name of US_STATES.split(/\s*\|\s*/)) add({ name: name.trim(), kind: 'state' });

const CITIES: [string, string][] = (
	'New York:NA|Los Angeles:NA|Chicago:NA|Houston:NA|Philadelphia:NA|Boston:NA|San Francisco:NA|Seattle:NA|Miami:NA|Atlanta:NA|Detroit:NA|' +
	'Pittsburgh:NA|Baltimore:NA|New Orleans:NA|Charleston:NA|Toronto:NA|Montreal:NA|Vancouver:NA|Mexico City:NA|Havana:NA|' +
	'Sydney:OC|Melbourne:OC|Brisbane:OC|Perth:OC|Auckland:OC|Christchurch:OC|Adelaide:OC|' +
	'Shanghai:AS|Hong Kong:AS|Guangzhou:AS|Shenzhen:AS|Mumbai:AS|Kolkata:AS|Chennai:AS|Bangalore:AS|Karachi:AS|Lahore:AS|Istanbul:AS|' +
	'Osaka:AS|Kyoto:AS|Ho Chi Minh City:AS|Saigon:AS|Dubai:AS|Jeddah:AS|Mecca:AS|Medina:AS|Jerusalem:AS|Basra:AS|Mosul:AS|Aleppo:AS|Samarkand:AS|' +
	'Siem Reap:AS|Chiang Mai:AS|Mandalay:AS|Yangon:AS|Surabaya:AS|Busan:AS|' +
	'Manchester:EU|Liverpool:EU|Birmingham:EU|Glasgow:EU|Edinburgh:EU|Oxford:EU|Cambridge:EU|Marseille:EU|Lyon:EU|Milan:EU|Naples:EU|Venice:EU|' +
	'Florence:EU|Barcelona:EU|Munich:EU|Hamburg:EU|Frankfurt:EU|Geneva:EU|Zurich:EU|St Petersburg:EU|Saint Petersburg:EU|Rotterdam:EU|Antwerp:EU|' +
	'Lagos:AF|Kano:AF|Johannesburg:AF|Cape Town:AF|Durban:AF|Alexandria:AF|Casablanca:AF|Marrakesh:AF|Timbuktu:AF|Gao:AF|Djenné:AF|Mombasa:AF|Zanzibar:AF|' +
	'São Paulo:SA|Rio de Janeiro:SA|Buenos Aires:SA|Medellín:SA|Cusco:SA'
)
	.split('|')
	.map((p) => p.split(':') as [string, string]);
for (const [name, continent] of CITIES) add({ name, kind: 'city', continent });
const CITY_NAMES = new Set(CITIES.map(([name]) => name));

/** Countries most readers know: built-in distractors come from these, not from every territory. */
export const MAJOR_COUNTRIES = new Set(
	(
		'United States|China|Japan|Germany|United Kingdom|France|India|Russia|Italy|Canada|Brazil|South Korea|Australia|Spain|Mexico|' +
		'Indonesia|Saudi Arabia|Turkey|Argentina|South Africa|Egypt|Nigeria|Iran|Netherlands|Sweden|Switzerland|Poland|Thailand|Vietnam|' +
		'Malaysia|Singapore|Philippines|Pakistan|Israel|New Zealand|Greece|Portugal|Ireland|Norway|Denmark|Finland|Belgium|Austria|Ukraine|' +
		'Chile|Peru|Colombia|Venezuela|Cuba|Kenya|Ethiopia|Morocco|Algeria|Ghana|Iraq|Syria|Afghanistan|Bangladesh|Myanmar|Cambodia|Laos|' +
		'North Korea|Mali|Senegal|Niger|Sudan|Libya|Tunisia|Tanzania|Fiji|Papua New Guinea|Samoa|Tonga'
	).split('|')
);

export function lookupPlace(name: string): PlaceInfo | undefined {
	return places.get(name.toLowerCase()) ?? places.get(name.toLowerCase().replace(/^the /, ''));
}

/** Position of a country in MAJOR_COUNTRIES (listed roughly by prominence), for ordering built-in choices. */
const PROMINENCE = new Map([...MAJOR_COUNTRIES].map((name, i) => [name, i]));
export function prominence(name: string): number {
	return PROMINENCE.get(name) ?? MAJOR_COUNTRIES.size;
}

const kindCache = new Map<string, PlaceInfo[]>();
export function placesOfKind(kind: PlaceKind, continent?: string, majorOnly = false): PlaceInfo[] {
	const key = `${kind}|${continent ?? ''}|${majorOnly}`;
	const hit = kindCache.get(key);
	if (hit) return hit.slice();
	const out = placesOfKindUncached(kind, continent, majorOnly);
	kindCache.set(key, out);
	return out.slice();
}

function placesOfKindUncached(kind: PlaceKind, continent?: string, majorOnly = false): PlaceInfo[] {
	const out: PlaceInfo[] = [];
	const seen = new Set<string>();
	for (const p of places.values()) {
		if (p.kind !== kind || (continent && p.continent !== continent)) continue;
		// one spelling per country: skip aliases that are abbreviations
		if (p.name.length <= 3 || /\./.test(p.name) || seen.has(p.name)) continue;
		if (majorOnly && kind === 'country' && !MAJOR_COUNTRIES.has(p.name)) continue;
		if (majorOnly && kind === 'city' && !p.capitalOf && !CITY_NAMES.has(p.name)) continue;
		if (majorOnly && kind === 'city' && p.capitalOf && !MAJOR_COUNTRIES.has(p.capitalOf)) continue;
		seen.add(p.name);
		out.push(p);
	}
	return out;
}

export interface OrgInfo {
	name: string;
	abbr: string;
	kind: 'international' | 'company' | 'agency';
}

/** Well-known international organisations, companies and agencies with their usual abbreviations. */
export const KNOWN_ORGS: OrgInfo[] = (
	'United Nations:UN:international|European Union:EU:international|North Atlantic Treaty Organization:NATO:international|' +
	'Association of Southeast Asian Nations:ASEAN:international|World Trade Organization:WTO:international|International Monetary Fund:IMF:international|' +
	'World Bank::international|World Health Organization:WHO:international|African Union:AU:international|Organization of American States:OAS:international|' +
	'Organisation for Economic Co-operation and Development:OECD:international|Asia-Pacific Economic Cooperation:APEC:international|' +
	'Commonwealth of Nations::international|Arab League::international|Organization of the Petroleum Exporting Countries:OPEC:international|' +
	'Group of Seven:G7:international|Group of Twenty:G20:international|International Atomic Energy Agency:IAEA:international|' +
	'United Nations Educational, Scientific and Cultural Organization:UNESCO:international|Shanghai Cooperation Organisation:SCO:international|' +
	'International Business Machines:IBM:company|National Aeronautics and Space Administration:NASA:agency|European Space Agency:ESA:agency|' +
	'Federal Bureau of Investigation:FBI:agency|Central Intelligence Agency:CIA:agency|British Broadcasting Corporation:BBC:company|' +
	'Microsoft::company|Apple::company|Google::company|Intel::company|Sony::company|Samsung::company|Toshiba::company|Hitachi::company|' +
	'Fujitsu::company|Hewlett-Packard:HP:company|Dell::company|Cray::company|Silicon Graphics:SGI:company|Sun Microsystems::company|NEC::company|' +
	'Reuters::company|Associated Press:AP:company|Agence France-Presse:AFP:company'
)
	.split('|')
	.map((s) => {
		const [name, abbr, kind] = s.split(':');
		return { name, abbr, kind: kind as OrgInfo['kind'] };
	});

const orgIndex = new Map<string, OrgInfo>();
for (const o of KNOWN_ORGS) {
	orgIndex.set(o.name.toLowerCase(), o);
	if (o.abbr) orgIndex.set(o.abbr.toLowerCase(), o);
}

export function lookupOrg(name: string): OrgInfo | undefined {
	return orgIndex.get(name.toLowerCase().replace(/^the /, ''));
}

/** Names of languages ("English", "Māori"), from countries-list. */
export const LANGUAGE_NAMES = new Set(
	Object.values(languages as Record<string, { name: string; native: string }>).flatMap((l) => [l.name.toLowerCase(), l.native.toLowerCase()])
);
