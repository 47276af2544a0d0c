// Countries and peoples with their adjectives and the nouns for their people
// ("Sweden: Swedish, Swede"), so that "Swedish Empire" is seen to be given away by
// "Sweden", and "Danish Realm" to be another name of the "Kingdom of Denmark".
// General knowledge only.

const TABLE = `
Afghanistan: Afghan | Albania: Albanian | Algeria: Algerian | America: American, Americans | Argentina: Argentine, Argentinian |
Armenia: Armenian | Australia: Australian, Aussie | Austria: Austrian | Azerbaijan: Azerbaijani, Azeri | Bangladesh: Bangladeshi |
Belarus: Belarusian | Belgium: Belgian | Bolivia: Bolivian | Bosnia: Bosnian | Brazil: Brazilian | Britain: British, Briton, Brit |
Bulgaria: Bulgarian | Burma: Burmese | Cambodia: Cambodian, Khmer | Cameroon: Cameroonian | Canada: Canadian | Chile: Chilean |
China: Chinese | Colombia: Colombian | Congo: Congolese | Croatia: Croatian, Croat | Cuba: Cuban | Cyprus: Cypriot | Czechia: Czech |
Denmark: Danish, Dane | Ecuador: Ecuadorian | Egypt: Egyptian | England: English, Englishman, Englishwoman | Estonia: Estonian |
Ethiopia: Ethiopian | Finland: Finnish, Finn | France: French, Frenchman, Frenchwoman | Georgia: Georgian | Germany: German |
Ghana: Ghanaian | Greece: Greek | Greenland: Greenlandic, Greenlander | Guatemala: Guatemalan | Haiti: Haitian | Holland: Dutch, Dutchman |
Hungary: Hungarian | Iceland: Icelandic, Icelander | India: Indian | Indonesia: Indonesian | Iran: Iranian | Iraq: Iraqi |
Ireland: Irish, Irishman | Israel: Israeli | Italy: Italian | Jamaica: Jamaican | Japan: Japanese | Jordan: Jordanian | Kazakhstan: Kazakh |
Kenya: Kenyan | Korea: Korean | Kuwait: Kuwaiti | Laos: Lao, Laotian | Latvia: Latvian | Lebanon: Lebanese | Libya: Libyan |
Lithuania: Lithuanian | Luxembourg: Luxembourgish | Malaysia: Malaysian | Mali: Malian | Malta: Maltese | Mexico: Mexican |
Mongolia: Mongolian, Mongol | Morocco: Moroccan | Myanmar: Burmese | Nepal: Nepali, Nepalese | Netherlands: Dutch, Dutchman |
New Zealand: New Zealander, Kiwi | Nigeria: Nigerian | Norway: Norwegian | Pakistan: Pakistani | Palestine: Palestinian |
Peru: Peruvian | Philippines: Filipino, Philippine | Poland: Polish, Pole | Portugal: Portuguese | Romania: Romanian |
Russia: Russian | Rwanda: Rwandan | Saudi Arabia: Saudi | Scotland: Scottish, Scots, Scot | Senegal: Senegalese | Serbia: Serbian, Serb |
Singapore: Singaporean | Slovakia: Slovak | Slovenia: Slovenian, Slovene | Somalia: Somali | South Africa: South African |
Spain: Spanish, Spaniard | Sri Lanka: Sri Lankan | Sudan: Sudanese | Sweden: Swedish, Swede | Switzerland: Swiss | Syria: Syrian |
Taiwan: Taiwanese | Tanzania: Tanzanian | Thailand: Thai | Tibet: Tibetan | Tunisia: Tunisian | Turkey: Turkish, Turk |
Uganda: Ugandan | Ukraine: Ukrainian | United Kingdom: British, Briton | United States: American | Uruguay: Uruguayan |
Venezuela: Venezuelan | Vietnam: Vietnamese | Wales: Welsh, Welshman | Yemen: Yemeni | Zambia: Zambian | Zimbabwe: Zimbabwean |
Europe: European | Africa: African | Asia: Asian | Arabia: Arab, Arabian | Scandinavia: Scandinavian | Persia: Persian |
Rome: Roman | Athens: Athenian | Sparta: Spartan | Carthage: Carthaginian | Byzantium: Byzantine | Babylon: Babylonian |
Assyria: Assyrian | Mesopotamia: Mesopotamian | Mesoamerica: Mesoamerican | Macedonia: Macedonian | Prussia: Prussian |
Bavaria: Bavarian | Castile: Castilian | Flanders: Flemish | Normandy: Norman | Saxony: Saxon | Venice: Venetian | Florence: Florentine |
Paris: Parisian | London: Londoner | Moscow: Muscovite | Texas: Texan | California: Californian | Virginia: Virginian |
Sicily: Sicilian | Sardinia: Sardinian | Corsica: Corsican | Thrace: Thracian | Gaul: Gallic | Anatolia: Anatolian |
Siberia: Siberian | Hawaii: Hawaiian | Alaska: Alaskan | Quebec: Quebecois | Catalonia: Catalan | Basque Country: Basque |
Aztec Empire: Aztec | Inca Empire: Inca | Maya: Mayan | Mexica: Mexica |
Northern Europe: Nordic, North European | Western Europe: West European | Eastern Europe: East European | Southern Europe: South European |
Central Europe: Central European | Middle East: Middle Eastern | Latin America: Latin American | North America: North American |
South America: South American | Central America: Central American | West Africa: West African | East Africa: East African |
North Africa: North African | Southeast Asia: Southeast Asian | East Asia: East Asian | South Asia: South Asian | Central Asia: Central Asian
`;

const countryOf = new Map<string, string>();
const adjectives = new Set<string>();
const adjectiveOfPlace = new Map<string, string>();
for (const entry of TABLE.split('|')) {
	const [place, forms] = entry.split(':').map((x) => x?.trim());
	if (!place || !forms) continue;
	const key = place.toLowerCase();
	countryOf.set(key, key);
	const first = forms.split(',')[0].trim();
	if (first && !adjectiveOfPlace.has(key)) adjectiveOfPlace.set(key, first);
	for (const f of forms.split(',')) {
		const w = f.trim().toLowerCase();
		if (!w) continue;
		if (!countryOf.has(w)) countryOf.set(w, key);
		adjectives.add(w);
	}
}
countryOf.set('us', 'united states');
countryOf.set('usa', 'united states');
countryOf.set('uk', 'united kingdom');
countryOf.set('great britain', 'britain');

/** The place a demonym or place name stands for ("swedish" → "sweden", "swede" → "sweden"). Lower-case in and out. */
export function placeOfDemonym(word: string): string | undefined {
	const w = word.toLowerCase();
	return countryOf.get(w) ?? (w.length > 3 && w.endsWith('s') ? countryOf.get(w.slice(0, -1)) : undefined);
}

/** Whether a capitalised word is a demonym or a people's adjective ("Swiss", "Briton", "Mesoamerican"). */
export function isDemonymWord(word: string): boolean {
	const w = word.toLowerCase();
	return adjectives.has(w) || (w.endsWith('s') && adjectives.has(w.slice(0, -1)));
}

/**
 * Heads of names that mean the same thing ("Valley of Mexico" and "Basin of Mexico",
 * "Danish Realm" and "Kingdom of Denmark"): each word maps to its group's first word.
 */
const SYNONYM_GROUPS = `valley basin vale | realm kingdom monarchy | empire imperium | state polity | town township | isle island |
mount mountain mt | river riv | saint st | university univ | company co | corporation corp | organisation organization |
centre center | harbour harbor | program programme | colour color | defence defense | sea ocean`;
const synonymOf = new Map<string, string>();
for (const g of SYNONYM_GROUPS.split('|')) {
	const ws = g.trim().split(/\s+/);
	for (const w of ws) synonymOf.set(w, ws[0]);
}
export function synonymKey(word: string): string {
	return synonymOf.get(word) ?? word;
}

/** Pairs of opposites: "toward the _____ and away from the negative charge" gives away "positive charge". */
const ANTONYMS = `positive negative | up down | left right | upper lower | inner outer | high low | north south | east west | male female |
light dark | hot cold | wet dry | input output | internal external | major minor | maximum minimum | old new | first last |
before after | above below | increase decrease | rise fall | gain loss | import export | plus minus | open closed | true false |
living dead | natural artificial | primary secondary | direct indirect | voluntary involuntary | conscious unconscious | public private |
acid base | anode cathode | dominant recessive | vertical horizontal | northern southern | eastern western | winter summer | early late`;
const antonymOf = new Map<string, string>();
for (const g of ANTONYMS.split('|')) {
	const ws = g.trim().split(/\s+/);
	if (ws.length !== 2) continue;
	antonymOf.set(ws[0], ws[1]);
	antonymOf.set(ws[1], ws[0]);
}
export function antonym(word: string): string | undefined {
	return antonymOf.get(word.toLowerCase());
}

/** The adjective of a place ("Denmark" → "Danish"), as written. */
export function adjectiveOf(place: string): string | undefined {
	return adjectiveOfPlace.get(place.toLowerCase());
}
