import type { Article } from '../analysis/article.js';
import { antonym, placeOfDemonym } from '../knowledge/demonyms.js';
import { EVENT_HEADS, LAW_HEADS, ORG_HEADS, PLACE_HEADS, POLITY_HEADS } from '../knowledge/lexicon.js';
import type { Gap } from './gaps.js';
import type { Quantity } from '../analysis/numbers.js';
import { BLANK, normalize } from './render.js';

/**
 * Ways a prompt gives its answer away beyond printing it (render.ts `givesAway`):
 * a word of the answer elsewhere in the prompt ("Second Schleswig War ... lost the
 * _____" → "Duchy of Schleswig"), its country or demonym ("territory to Sweden" →
 * "Swedish Empire"), an opposite beside the same head ("away from the negative charge"
 * → "positive charge"), the article's own subject, or a count the sentence spells out
 * ("_____ kinds of models: live, verbal, and symbolic").
 */

/** Words too common in names and phrases to give anything away. */
const WEAK = new Set(
	`the of and for with from into that this these those other another many some most more much such each every first second third last next
	new old great united national international general central northern southern eastern western north south east west upper lower royal
	state states republic people peoples democratic federal saint also only main major minor part parts type types kind kinds form forms
	process processes system systems group groups number numbers level levels area areas place places thing things called known way ways
	early late year years century centuries time times world small large high low long well`.split(/\s+/)
);

/** Heads that name a class, not the thing: "French Open" is not given away by "US Open". */
function isClassHead(w: string): boolean {
	return EVENT_HEADS.has(w) || ORG_HEADS.has(w) || POLITY_HEADS.has(w) || PLACE_HEADS.has(w) || LAW_HEADS.has(w) || /^(open|cup|prize|award|charge|molecule|molecules|particle|particles|cell|cells|reaction|reactions|model|models|effect|effects|theory|membrane|space)$/.test(w);
}

const stemCache = new Map<string, string>();
export function stem(w: string): string {
	const hit = stemCache.get(w);
	if (hit !== undefined) return hit;
	let s = w.toLowerCase().replace(/[’']s$/, '');
	if (s.length > 4) s = s.replace(/ies$/, 'y').replace(/(ses|xes|ches|shes)$/, (m) => m.slice(0, -2));
	if (s.length > 3 && /[^siu]s$/.test(s)) s = s.slice(0, -1);
	if (stemCache.size > 20000) stemCache.clear();
	stemCache.set(w, s);
	return s;
}

/** Two words that are forms of one word: equal stems, or one a long prefix of the other ("thylakoid"/"thylakoids", "nation"/"national"). */
function sameWord(x: string, y: string): boolean {
	if (x === y) return true;
	const [s, l] = x.length <= y.length ? [x, y] : [y, x];
	return s.length >= 5 && l.startsWith(s) && l.length - s.length <= 3;
}

const words = (s: string) => normalize(s).split(' ').filter(Boolean);

/** The answer's head word: "Duchy" of "Duchy of Schleswig", "empire" of "largest empire in West Africa". */
function headIndex(ws: string[]): number {
	const prep = ws.findIndex((w, k) => k > 0 && /^(of|in|on|at|for|from|with|to|by|between)$/.test(w));
	return prep > 0 ? prep - 1 : ws.length - 1;
}

const promptCache = new Map<string, { pw: string[]; ps: string[]; places: Set<string> }>();
function promptWords(prompt: string): { pw: string[]; ps: string[]; places: Set<string> } {
	let hit = promptCache.get(prompt);
	if (!hit) {
		const pw = words(prompt.replace(BLANK, ' '));
		hit = { pw, ps: pw.map(stem), places: placesIn(pw) };
		if (promptCache.size > 2000) promptCache.clear();
		promptCache.set(prompt, hit);
	}
	return hit;
}

/** The place a word or two-word name stands for, for demonym pairs ("danish" → "denmark"). */
function placesIn(ws: string[]): Set<string> {
	const out = new Set<string>();
	for (let k = 0; k < ws.length; k++) {
		const two = k + 1 < ws.length ? placeOfDemonym(`${ws[k]} ${ws[k + 1]}`) : undefined;
		if (two) out.add(two);
		const one = placeOfDemonym(ws[k]);
		if (one) out.add(one);
	}
	return out;
}

/**
 * True when the prompt (with its blank) gives the answer away through one of its
 * words. The head of a common-noun phrase names its class, not the answer ("sporadic
 * meteors" beside "a meteor shower"), and counts only by contrast; a person's every
 * name counts.
 */
export function wordGivesAway(prompt: string, answer: string, person = false, subject?: Set<string>): boolean {
	const aw = words(answer);
	if (!aw.length || aw.every((w) => /^\d/.test(w))) return false;
	const { pw, ps, places } = promptWords(prompt);
	const head = headIndex(aw);
	for (let i = 0; i < aw.length; i++) {
		const w = aw[i];
		if (w.length < 4 || WEAK.has(w) || /^\d/.test(w)) continue;
		const st = stem(w);
		// the article's own subject word is in every term it defines: "a burst of meteor activity" is no clue to "meteor shower"
		if (subject?.has(st) && !person) continue;
		const at = ps.findIndex((p) => sameWord(p, st));
		if (at < 0) continue;
		// the head of a class ("Open", "Cup", "charge") only gives away by contrast:
		// "toward the _____ and away from the negative charge"
		if (i === head && aw.length > 1 && !person) {
			const mods = aw.filter((_, k) => k !== i);
			if (mods.some((m) => antonym(m) && pw.slice(Math.max(0, at - 2), at).includes(antonym(m)!))) return true;
			continue;
		}
		return true;
	}
	// "Swedish Empire" and "Sweden", "Danish" and "Denmark"
	const ap = placesIn(aw);
	for (const p of ap) if (places.has(p)) return true;
	// "thumb up" and "thumb down": the same phrase with an opposite
	if (aw.length === 2 && aw.some((w) => antonym(w) && pw.includes(antonym(w)!))) {
		const other = aw.find((w) => !antonym(w) || !pw.includes(antonym(w)!));
		if (other && pw.includes(other)) return true;
	}
	return false;
}

const subjectStemCache = new WeakMap<object, Set<string>>();
/** Stems of the title's words: what the article is about, shared by many of its terms. */
export function subjectStems(a: Article): Set<string> {
	let hit = subjectStemCache.get(a.tokens);
	if (!hit) subjectStemCache.set(a.tokens, (hit = new Set(words(a.title).filter((w) => w.length >= 4 && !WEAK.has(w)).map(stem))));
	return hit;
}

/** The entity the article is about: named in its title, or named far more often than any other. */
const subjectCache = new WeakMap<object, Map<number, boolean>>();

export function isArticleSubject(a: Article, gap: Gap): boolean {
	if (gap.entity === undefined) return phraseIsSubject(a, gap);
	return entityIsSubject(a, gap.entity);
}

/** Whether a name is the article's subject: its topic, named by its title, or the name it keeps using. */
export function entityIsSubject(a: Article, id: number): boolean {
	let m = subjectCache.get(a.entities);
	if (!m) subjectCache.set(a.entities, (m = new Map()));
	let hit = m.get(id);
	if (hit === undefined) m.set(id, (hit = computeEntitySubject(a, id)));
	return hit;
}

function computeEntitySubject(a: Article, id: number): boolean {
	const e = a.entities[id];
	if (e.id === a.topic) return true;
	const title = words(a.title);
	if (title.length) {
		// "Federer" in "Federer joins all-time greats", "Aztec Empire" in "Aztecs" (a state's
		// "Empire" may be left out), "Tea Act" in "the Tea and the Coercive Acts": the title
		// holds every word of the name; not "International Supercomputer Conference" in
		// "Supercomputer breaks speed record"
		// (a people's or country's word in the title names its place too: "Roman" → Rome, "Danish" → Denmark)
		const ts = [...title.map(stem), ...title.map((w) => placeOfDemonym(w)).filter((p): p is string => !!p).flatMap((p) => words(p).map(stem))];
		const named = (f: string) => {
			// ("Kingdom of Denmark" in "Denmark": the state's word and its "of" go as well)
			const ws = words(f).filter((w, k, all) => !(all.length > 1 && POLITY_HEADS.has(w)) && w !== 'the' && w !== 'of').map(stem);
			if (!ws.length || !ws.some((w) => w.length >= 3 && !WEAK.has(w))) return false;
			return ws.every((w) => ts.some((t) => sameWord(t, w)));
		};
		const forms = [e.name, ...e.aliases, ...e.mentions.map((m) => a.text.slice(m.start, m.end))];
		if (forms.some(named)) return true;
	}
	// "the total public debt of _____" in an article set in one country it keeps naming
	if ((e.cls === 'place' || e.cls === 'polity') && dominantPlace(a) === e.id) return true;
	return dominantEntity(a) === e.id;
}

function phraseIsSubject(a: Article, gap: Gap): boolean {
	// "the process of photosynthesis" in "Overview of Photosynthesis"; but a sentence that
	// defines the subject's own name ("properly known as a meteor") asks a fair question
	if (gap.kind === 'quantity' || gap.kind === 'term') return false;
	return titleNames(a, gap.answer);
}

/** Whether every content word of a phrase is a word of the article's title. */
export function titleNames(a: Article, phrase: string): boolean {
	const title = words(a.title);
	if (!title.length) return false;
	const titleStems = title.map(stem);
	const content = words(phrase).filter((w) => !WEAK.has(w) && w.length >= 3);
	return content.length > 0 && content.every((w) => titleStems.some((t) => sameWord(t, stem(w))));
}

const dominance = new WeakMap<object, { entity?: number; place?: number }>();
function dominant(a: Article): { entity?: number; place?: number } {
	let d = dominance.get(a.entities);
	if (d) return d;
	d = {};
	const ranked = a.entities.filter((x) => x.mentions.length).sort((x, y) => y.mentions.length - x.mentions.length);
	const top = ranked[0];
	if (top && top.mentions.length >= 6 && top.mentions.length >= 1.5 * (ranked[1]?.mentions.length ?? 0)) d.entity = top.id;
	const places = ranked.filter((x) => x.cls === 'place' || x.cls === 'polity');
	if (places[0] && places[0].mentions.length >= 3 && places[0].mentions.length >= 3 * (places[1]?.mentions.length ?? 0)) d.place = places[0].id;
	dominance.set(a.entities, d);
	return d;
}
/** The entity named far more often than any other, if one is. */
const dominantEntity = (a: Article) => dominant(a).entity;
/** The place an article keeps naming, three times as often as any other. */
const dominantPlace = (a: Article) => dominant(a).place;

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/**
 * "_____ kinds of models: live, verbal, and symbolic": a count the sentence spells out for
 * the reader. A list after a colon or dash gives any count before it away; one after
 * "such as", "namely" or "including" only when it has as many items as the count.
 */
export function countsItsList(a: Article, si: number, q: Quantity): boolean {
	if (q.kind !== 'count' && q.kind !== 'number') return false;
	const n = Number.isFinite(q.value) ? q.value : NUMBER_WORDS[q.text.toLowerCase()];
	if (!n || n < 2) return false;
	const s = a.sentences[si];
	const { tokens } = a;
	let colon = -1;
	let dash = false;
	for (let k = q.last; k < Math.min(s.last, q.last + 8); k++) {
		if (/^[:—–]$/.test(tokens[k].text)) {
			colon = k;
			dash = true;
			break;
		}
		if ((tokens[k].lower === 'such' && tokens[k + 1]?.lower === 'as') || /^(namely|including)$/.test(tokens[k].lower)) {
			colon = k;
			break;
		}
		if (/^[;.]$/.test(tokens[k].text)) return false;
	}
	if (colon < 0) return false;
	let items = 1;
	let depth = 0;
	for (let k = colon + 1; k < s.last; k++) {
		const t = tokens[k].text;
		if (t === '(') depth++;
		if (t === ')') depth = Math.max(0, depth - 1);
		if (depth || t === ';') {
			if (t === ';') break;
			continue;
		}
		if (t === ',' && /^(and|or)$/.test(tokens[k + 1]?.lower ?? '')) continue;
		if (t === ',' || /^(and|or)$/.test(tokens[k].lower)) items++;
	}
	return dash ? items >= 2 : items === n;
}

/** "a" or "an" as written before this option. */
export function articleFor(option: string): 'a' | 'an' {
	const w = option.trim().replace(/^[“"‘'(]/, '');
	if (/^\$?(8|11\b|11[,\d]|18\b|18[,\d])/.test(w.replace(/^\$/, ''))) return 'an';
	if (/^\$?\d/.test(w)) return 'a';
	// initialisms read letter by letter: "an FBI agent", "a NATO member"
	if (/^[A-Z]{2,}\b/.test(w) && !/^[A-Z][a-z]/.test(w)) {
		const acronymWord = /^(NATO|NASA|UNESCO|ASEAN|OPEC|UNICEF|AIDS|LASER|RADAR|SCUBA)\b/.test(w);
		if (!acronymWord) return /^[AEFHILMNORSX]/.test(w) ? 'an' : 'a';
	}
	const l = w.toLowerCase();
	if (/^(hour|honest|honou?r|heir)/.test(l)) return 'an';
	if (/^(uni|use|usu|uti|ura|uro|euro|eu|one|once|uk|ubi)/.test(l)) return 'a';
	return /^[aeiou]/.test(l) ? 'an' : 'a';
}

/** Writes "a(n)" before the blank when "a" or "an" would fit only some of the options. */
export function fairArticle(prompt: string, options: string[]): string {
	const m = /\b(A|a|An|an) (?=_____)/.exec(prompt);
	if (!m) return prompt;
	const kinds = new Set(options.map(articleFor));
	if (kinds.size <= 1 && kinds.has(m[1].toLowerCase() as 'a' | 'an')) return prompt;
	return prompt.slice(0, m.index) + (m[1][0] === 'A' ? 'A(n) ' : 'a(n) ') + prompt.slice(m.index + m[0].length);
}

