// The most frequent English function words. In running English text they make up
// 35–50% of the words; in French, German, Spanish or Italian text only a few per cent
// (shared spellings such as "a", "in", "die" are left out so they cannot inflate it).
const ENGLISH_FUNCTION_WORDS = new Set(
	(
		'the of and to is was for that with as on by at from this be are it his her their its which were has have had ' +
		'not but or an they he she we you been will would there can more also who when into than these other after ' +
		'about them some only its such what where how our most many over most between during all one two new first ' +
		'could should may might must being those while because through if so up out then'
	).split(' ')
);

/** True when enough of the words are English function words and most letters are Latin. */
export function looksEnglish(words: string[]): boolean {
	const sample = words.length > 5000 ? words.slice(0, 5000) : words;
	let hits = 0;
	let latin = 0;
	for (const w of sample) {
		const lower = w.toLowerCase();
		if (ENGLISH_FUNCTION_WORDS.has(lower)) hits++;
		if (/^[a-zA-Z\u00c0-\u024f'’-]+$/.test(w)) latin++;
	}
	if (latin / sample.length < 0.6) return false;
	return hits / sample.length >= 0.18;
}
