import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { entityDistractors } from './distractors.js';
import type { Gap } from './gaps.js';
import { asQuestion, givesAway, normalize, renderTokens } from './render.js';
import { classNoun } from './wh.js';

/** "The Boston Port Act | shut down Boston Harbor until the East India Company was repaid." */
export interface Predication {
	si: number;
	entity: number;
	/** Tokens of the subject as written ("The Tea Act of 1773"). */
	subjFirst: number;
	subjLast: number;
	/** Tokens of the predicate, from its verb to the end of its clause. */
	first: number;
	last: number;
	past: boolean;
	/** Said in a relative clause: "the Quebec Act, which expanded ...". */
	relative: boolean;
	text: string;
}

// Things whose deeds a teacher asks about: laws, organisations, events, states.
const ASKABLE = /^(law|org|event|polity)$/;

/**
 * What named things did, as the article says it: a sentence whose subject is a name and
 * whose verb is a plain past or present form, or a relative clause after a name.
 */
export function findPredications(a: Article, views: (SentenceView | null)[]): Predication[] {
	const out: Predication[] = [];
	const { tokens } = a;
	for (const s of a.sentences) {
		const view = views[s.index];
		if (!view?.ok) continue;
		let k = s.first;
		for (const e of view.edits) if (e.first === k && !e.text) k = e.last;
		// "Finally,", "At the same time," — a short opening phrase with no verb
		for (let c = k; c < Math.min(s.last, k + 6); c++) {
			if (/^(VERB|AUX)$/.test(tokens[c].pos) && c > k) break;
			if (tokens[c].text === ',') {
				if (/^(ADP|ADV|SCONJ)$/.test(tokens[k].pos)) k = c + 1;
				break;
			}
		}
		for (const m of a.mentionsBySent[s.index]) {
			const subjFirst = tokens[m.first - 1]?.lower === 'the' ? m.first - 1 : m.first;
			let subjLast = m.last;
			// "the Tea Act of 1773"
			if (tokens[subjLast]?.lower === 'of' && a.quantitiesBySent[s.index].some((q) => q.first === subjLast + 1 && q.kind === 'year')) subjLast += 2;
			let relative = false;
			let v = subjLast;
			if (subjFirst === k) {
				while (tokens[v]?.pos === 'ADV' && v < subjLast + 2) v++;
			} else if (tokens[subjLast]?.text === ',' && tokens[subjLast + 1]?.lower === 'which') {
				relative = true;
				v = subjLast + 2;
			} else continue;
			const verb = tokens[v];
			// an inflected verb, or a past tense written like its base form ("shut", "put", "set")
			const sameForm = /^(shut|put|set|cut|hit|let|cast|spread|split|quit|upset|burst|broadcast|read)$/.test(verb.lower);
			if (!verb || verb.pos !== 'VERB' || (verb.lower === verb.lemma && !sameForm) || /ing$/.test(verb.lower) || view.edits.some((e) => e.first <= v && v < e.last)) continue;
			const past = !/s$/.test(verb.lower) || /ss$/.test(verb.lower);
			const last = clauseEnd(a, v + 1, s.last);
			const n = last - v;
			if (n < 3 || n > 36) continue;
			const text = renderTokens(a, v, last, view.edits).replace(/[.!?]+$/, '');
			// the predicate must read on its own: no pronoun pointing outside it, no quotation
			if (/[“"”]/.test(text)) continue;
			if (tokens.slice(v, last).some((t) => /^(he|she|they|him|them|it|this|these|those)$/.test(t.lower) && !view.edits.some((e) => e.first <= t.i && t.i < e.last))) continue;
			out.push({ si: s.index, entity: m.entity, subjFirst, subjLast, first: v, last, past, relative, text: /^\p{Lu}/u.test(verb.text) ? text : text.charAt(0).toLowerCase() + text.slice(1) });
		}
	}
	return out;
}

/** The end of the clause a predicate starts: before a semicolon, a new clause, an apposition or a participle. */
function clauseEnd(a: Article, from: number, last: number): number {
	const { tokens } = a;
	let depth = 0;
	for (let k = from; k < last; k++) {
		const t = tokens[k];
		if (t.text === '(') depth++;
		if (t.text === ')') depth = Math.max(0, depth - 1);
		if (depth > 0) continue;
		if (/^[;:—–]$/.test(t.text)) return k;
		if (t.text === ',') {
			const n = tokens[k + 1];
			if (!n) return k;
			// ", which ...", ", while ...", ", a change designed to ...", ", thus undercutting ..."
			if (/^(which|who|while|whereas|but|though|although|thus|so|a|an|the|where|when|with)$/.test(n.lower) || (n.pos === 'VERB' && /ing$/.test(n.lower))) return k;
			// ", and the committees began ...": a clause of its own
			if (n.lower === 'and' && /^(DET|PROPN|PRON)$/.test(tokens[k + 2]?.pos ?? '')) return k;
		}
	}
	return tokens[last - 1] && /^[.!?]$/.test(tokens[last - 1].text) ? last - 1 : last;
}

/**
 * "What did the Boston Port Act do?" with what other laws of the article did as the
 * wrong choices, and "Which act expanded the boundaries of Quebec westward ...?" with
 * other laws as choices. Only where the article names at least three such things.
 */
export function predicateQuestions(a: Article, views: (SentenceView | null)[], seed: number | string): Candidate[] {
	const preds = findPredications(a, views);
	const out: Candidate[] = [];
	const words = (x: string) => x.split(/\s+/).length;
	for (const p of preds) {
		const e = a.entities[p.entity];
		if (!ASKABLE.test(e.cls) || p.entity === a.topic) continue;
		const view = views[p.si]!;
		const s = a.sentences[p.si];
		const source = sentenceSpan(a.text, s.start, s.end);
		const original = source.text.replace(/\s+/g, ' ').trim();
		const explanation = `The article says: “${original}”`;
		const rand = randomFor(seed, `pred:${p.si}:${p.first}`);
		const subject = renderTokens(a, p.subjFirst, p.subjLast, view.edits).replace(/^The\b/, 'the');
		// what else the article says others of the same kind did
		const kind = (id: number) => (a.entities[id].cls === 'event' ? 'law' : a.entities[id].cls);
		const others = preds.filter(
			(o) =>
				o.entity !== p.entity &&
				kind(o.entity) === kind(p.entity) &&
				o.past === p.past &&
				words(o.text) >= words(p.text) * 0.4 &&
				words(o.text) <= words(p.text) * 2.5 &&
				normalize(o.text) !== normalize(p.text) &&
				// an option that names the key is no fair wrong choice
				!givesAway(o.text, [e.name, ...e.aliases]) &&
				!a.mentionsBySent[o.si].some((m) => m.entity === p.entity)
		);
		const distinct = [...new Map(others.map((o) => [normalize(o.text), o])).values()]
			.sort((x, y) => Math.abs(words(x.text) - words(p.text)) - Math.abs(words(y.text) - words(p.text)) || x.si - y.si)
			.slice(0, 3);
		if (distinct.length >= 2 && words(p.text) <= 32) {
			const prompt = `What ${p.past ? 'did' : 'does'} ${subject} do?`;
			const options = shuffle([p.text, ...distinct.map((o) => o.text)], rand);
			out.push({
				type: 'multiple_choice',
				prompt,
				answer: p.text,
				options,
				accept: [],
				explanation,
				sources: [source],
				sents: [p.si],
				fact: `${p.si}:pred:${p.entity}`,
				quality: 0.92 * (distinct.length >= 3 ? 1 : 0.9),
				penalty: Math.max(0, words(p.text) - 16) * 0.008,
				card: { front: prompt, back: `${p.text}\n\n${original}` }
			});
		}
		// "gave the British East India Company the ability to export its tea ...": what it let someone do
		const leave = permission(a, p);
		if (leave) {
			const base = (o: Predication) => baseForm(a, o, views[o.si]!);
			const rivals = [...new Map(preds.filter((o) => o.si !== p.si && o.entity !== p.entity).map((o) => [normalize(base(o)), base(o)])).values()]
				.filter((t) => words(t) >= words(leave.what) * 0.4 && words(t) <= words(leave.what) * 2.5 && !givesAway(t, [e.name]))
				.sort((x, y) => Math.abs(words(x) - words(leave.what)) - Math.abs(words(y) - words(leave.what)) || x.localeCompare(y))
				.slice(0, 3);
			if (rivals.length >= 2 && words(leave.what) <= 30) {
				const prompt = `What did ${subject} ${leave.verb} ${leave.whom} to do?`;
				const options = shuffle([leave.what, ...rivals], rand);
				out.push({
					type: 'multiple_choice',
					prompt,
					answer: leave.what,
					options,
					accept: [],
					explanation,
					sources: [source],
					sents: [p.si],
					fact: `${p.si}:let:${p.entity}`,
					quality: 0.92 * (rivals.length >= 3 ? 1 : 0.9),
					penalty: Math.max(0, words(leave.what) - 16) * 0.008,
					card: { front: prompt, back: `${leave.what}\n\n${original}` }
				});
			}
		}
		// "Which act expanded ...?": the name from other names of its kind
		const noun = classNoun(a, p.entity);
		if (p.relative && noun && words(p.text) <= 18) {
			const prompt = asQuestion(`Which ${noun} ${p.text}`);
			const gap: Gap = { si: p.si, first: a.mentionsBySent[p.si].find((m) => m.entity === p.entity)!.first, last: p.subjLast, answer: e.name, kind: 'entity', cls: e.cls, entity: p.entity, accept: e.aliases, quality: 0.85 };
			const distractors = entityDistractors(a, gap, prompt, rand);
			if (distractors.length >= 2 && !givesAway(prompt, [e.name, ...e.aliases])) {
				const options = shuffle([e.name, ...distractors], rand);
				out.push({
					type: 'multiple_choice',
					prompt,
					answer: e.name,
					options,
					accept: e.aliases,
					explanation,
					sources: [source],
					sents: [p.si],
					fact: `${p.si}:${normalize(e.name)}`,
					// (names as choices read faster than four clauses: asked before "What did the act do?")
					quality: 0.93 * (distractors.length >= 3 ? 1 : 0.9),
					penalty: Math.max(0, words(prompt) - 20) * 0.006,
					card: { front: prompt, back: `${e.name}\n\n${original}` }
				});
			}
		}
	}
	return out;
}

/**
 * "gave X the ability to Y", "allowed X to Y", "required X to Y": whom a predicate lets (or
 * makes) do something, and what, with the verb to ask it by ("allow", "require").
 */
function permission(a: Article, p: Predication): { verb: string; whom: string; what: string } | null {
	const { tokens } = a;
	const v = tokens[p.first];
	const view = { edits: [] as { first: number; last: number; text: string }[] };
	let to = -1;
	let ask = '';
	if (/^(give|grant)$/.test(v.lemma)) {
		for (let k = p.first + 2; k < p.last - 3; k++) {
			if (tokens[k].lower === 'the' && /^(ability|right|power|authority|freedom|permission|opportunity|means|chance)$/.test(tokens[k + 1].lower) && tokens[k + 2].lower === 'to') {
				to = k;
				ask = 'allow';
				break;
			}
		}
		if (to < 0) return null;
		const whom = renderTokens(a, p.first + 1, to, view.edits);
		const what = renderTokens(a, to + 3, p.last, view.edits);
		return tokens[to + 3]?.pos === 'VERB' ? { verb: ask, whom: lower(whom), what: lower(what) } : null;
	}
	const m = /^(allow|enable|permit|authorize|authorise|force|compel|require|oblige)$/.exec(v.lemma);
	if (!m) return null;
	for (let k = p.first + 2; k < Math.min(p.last - 1, p.first + 10); k++) {
		if (tokens[k].lower === 'to' && tokens[k + 1]?.pos === 'VERB') {
			to = k;
			break;
		}
		if (tokens[k].pos === 'VERB' || tokens[k].text === ',') return null;
	}
	if (to < 0) return null;
	ask = /^(force|compel|require|oblige)$/.test(v.lemma) ? 'require' : 'allow';
	return { verb: ask, whom: lower(renderTokens(a, p.first + 1, to, view.edits)), what: lower(renderTokens(a, to + 1, p.last, view.edits)) };
}

const lower = (x: string) => (/^\p{Lu}\p{Ll}/u.test(x) && !/^(I|[A-Z]{2,})\b/.test(x) ? x.charAt(0).toLowerCase() + x.slice(1) : x);

/** A predicate in its base form, to follow "to": "expanded the boundaries ... and extended ..." → "expand ... and extend ...". */
function baseForm(a: Article, p: Predication, view: SentenceView): string {
	const { tokens } = a;
	const edits = [];
	for (let k = p.first; k < p.last; k++) {
		const t = tokens[k];
		const verbAt = k === p.first || (t.pos === 'VERB' && /^(and|or|,)$/.test(tokens[k - 1].lower) && t.lemma !== t.lower);
		if (verbAt && t.pos === 'VERB' && t.lemma) edits.push({ first: k, last: k + 1, text: t.lemma });
	}
	return lower(renderTokens(a, p.first, p.last, [...view.edits, ...edits]).replace(/[.!?]+$/, ''));
}
