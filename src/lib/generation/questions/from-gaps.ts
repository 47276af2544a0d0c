import type { Article } from '../analysis/article.js';
import { referenceCount, type SentenceView } from '../analysis/references.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { entityDistractors, phraseDistractors, quantityDistractors } from './distractors.js';
import type { Gap } from './gaps.js';
import { asQuestion, asStatement, BLANK, givesAway, normalize, renderTokens } from './render.js';
import { whQuestion, yearQuestion } from './wh.js';
import { removableParts, trimAround } from './trim.js';
import { betterWithChoices, typedAnswers } from './accept.js';
import { savedDescriptions } from './definitions.js';
import { genderOf } from '../analysis/agreement.js';
import { isDemonymWord } from '../knowledge/demonyms.js';
import { fairArticle, isArticleSubject, subjectStems, titleNames, wordGivesAway } from './giveaway.js';

const NUMERIC_KINDS = new Set(['money', 'measure', 'percent', 'count', 'number']);
// "next year", "last week": a time the reader cannot place without the date of the article
const RELATIVE_TIME = /\b(last|next|this|earlier this|later this|coming) (year|month|week|decade|summer|winter|spring|autumn|fall)(’s|'s)?\b|\b(yesterday|tomorrow|tonight|a decade ago|a year ago|years ago|months ago|weeks ago)\b/i;

/** Cloze, multiple-choice, numeric and true/false questions from the gaps of one sentence. */
export function questionsFromGaps(a: Article, si: number, view: SentenceView, gaps: Gap[], pool: Gap[], seed: number | string): Candidate[] {
	const s = a.sentences[si];
	const out: Candidate[] = [];
	const source = sentenceSpan(a.text, s.start, s.end);
	const original = a.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
	const statement = asStatement(renderTokens(a, s.first, s.last, view.edits));
	const words = statement.split(/\s+/).length;
	if (words < 6 || words > 80 || /\?["”]?$/.test(original)) return out;
	// formulas and symbols do not survive as text ("the quotient is defined as.", "AB = BA")
	if (/[=×÷∈∑∫√≤≥±→]/.test(statement) || /\b(as|by|follows|satisfies|is|are|where|that|said|says|added|stated|explained|wrote|declared)[.:]$/.test(statement)) return out;
	// a sentence from the middle of a long quotation: speech, not the article's own statement
	const opens = (statement.match(/[“]/g) ?? []).length + ((statement.match(/"/g) ?? []).length % 2);
	const closes = (statement.match(/[”]/g) ?? []).length;
	if (/^[“"]/.test(statement) && opens > closes) return out;
	// “But a $2 trillion tax cut ... won’t end well.”: a quotation on its own is someone's words, not the article's statement
	if (/^[“"‘]/.test(statement) && /[”"’][.!?]?$/.test(statement) && opens === closes && opens === 1) return out;
	if (startsWithFragment(a, s.first, statement)) return out;
	// "Imagine a farmer ...", "Think about ...": an exercise for the reader, not a fact
	if (/^(imagine|think|consider|suppose|note|remember|look|notice|recall|see)\b/i.test(statement)) return out;
	// who told whom is not the news: "Other sources ... verified accounts of the meeting to Asia Times"
	// (a clause of it may still state a fact: "While X has ignored calls to ..., sources say ...")
	const sourcesSay = (text: string) => /\b(sources?|insiders?|observers?)\b/i.test(text) && /\b(said|say|says|told|verified|confirmed|reported)\b/i.test(text) && !/[“"]/.test(text);
	// pointers to other parts of a book or page are not facts
	if (/\b(see (the|figure|table|chapter|section)|next section|previous section|this chapter|this section|as shown in|figure \d|table \d|as we (saw|have seen|will see|discussed)|as discussed|as mentioned)\b/i.test(statement)) return out;
	const back = (answer: string) => `${answer}\n\n${original}`;
	const penaltyBase = /[“"]/.test(statement) ? 0.02 : 0;
	let tfDone = false;
	// a hedged sentence ("may be", "likely") is neither true nor false enough to ask as a statement
	const hedged = a.tokens.slice(s.first, s.last).some((t) => /^(may|might|perhaps|possibly|likely|probably|apparently)$/.test(t.lower));

	// each gap asked as the sentence says it, and, for a second question on the sentence, with a
	// setting, participle or apposition that holds another gap left out
	// (only between gaps good enough to be asked: a second question needs a strong first one)
	const strong = gaps.filter((g) => g.quality >= 0.65);
	const parts = strong.length > 1 ? removableParts(a, si, view) : [];
	const variants: [Gap, { first: number; last: number; text?: string } | null][] = gaps.map((g) => [g, null]);
	for (const g of strong) {
		let n = 0;
		for (const p of parts) {
			if (n >= 2 || (p.first < g.last && g.first < p.last)) continue;
			if (strong.some((h) => h !== g && h.first >= p.first && h.last <= p.last)) {
				variants.push([g, p]);
				n++;
			}
		}
	}
	const choicesFor = new Map<Gap, string[]>();
	for (const [gap, hide] of variants) {
		if (view.edits.some((e) => e.first < gap.last && gap.first < e.last)) continue;
		// a gap glued to other letters ("Tarikh al-_____") cuts a word in two
		const tb = a.tokens[gap.first];
		const ta = a.tokens[gap.last];
		if ((!tb.space && gap.first > s.first && /[\p{L}\d-]$/u.test(a.tokens[gap.first - 1].text)) || (ta && !ta.space && /^[\p{L}\d-]/u.test(ta.text))) continue;
		// "_____’ paper money": a plural possessive left after the blank reads badly
		if (ta && /^[’']$/.test(ta.text)) continue;
		const answers = [gap.answer, ...gap.accept];
		// "President-elect _____'s team ... if Mr. Trump would": a surname gives a person away
		if (gap.entity !== undefined && a.entities[gap.entity].cls === 'person') {
			const last = a.entities[gap.entity].name.split(/\s+/).pop() ?? '';
			if (last.length >= 3 && !/^(I|II|III|IV|V|Jr\.?|Sr\.?)$/.test(last)) answers.push(last);
		}
		// "the US" → "_____": a country's article goes with the blank, or "The _____" would
		// rule out every choice that is not written with "the"
		const placeKind = gap.entity !== undefined ? a.entities[gap.entity].placeKind : undefined;
		const blankFrom = gap.cls === 'place' && (placeKind === 'country' || placeKind === 'city') && a.tokens[gap.first - 1]?.lower === 'the' && !view.edits.some((e) => e.last === gap.first) ? gap.first - 1 : gap.first;
		// only the clause that holds the blank: "..., while its most populous city is Auckland" goes
		const span = trimAround(a, si, view, blankFrom, gap.last);
		const spanEdits = [...view.edits, ...span.edits, ...(hide ? [{ first: hide.first, last: hide.last, text: hide.text ?? '' }] : [])];
		if (hide && (hide.last <= span.first || hide.first >= span.last)) continue;
		let cloze = asStatement(renderTokens(a, span.first, span.last, [...spanEdits, { first: blankFrom, last: gap.last, text: BLANK }]));
		// "..., the freed Trimalchio discusses the services he offered: “Still, I was my master’s favorite ...":
		// a quotation the sentence does not close is cut off where it opens
		cloze = closeQuotes(cloze);
		if (!cloze.includes(BLANK) || givesAway(cloze, answers)) continue;
		// a word of the answer elsewhere in the prompt ("Second Schleswig War ... lost the _____",
		// "cessions of territory to Sweden" → "Swedish Empire"); numbers share their units with the
		// rest of the sentence ("2,000 kilometres ... 1,000 kilometres"), which is no clue
		const isPerson = gap.cls === 'person';
		// (a term's word that is the article's own subject, "meteor" in a text on meteors, is in every term)
		const wordsClue = (prompt: string, answer: string) => gap.kind !== 'quantity' && wordGivesAway(prompt, answer, isPerson, gap.kind === 'term' ? subjectStems(a) : undefined);
		// the article's own subject (named in its title, or named far more than anything else) is an answer every reader can guess
		if (wordsClue(cloze, gap.answer) || isArticleSubject(a, gap)) continue;
		if (RELATIVE_TIME.test(cloze) || RELATIVE_TIME.test(gap.answer) || /^(last|next|this|past|coming)\b/i.test(gap.answer)) continue;
		if (sourcesSay(cloze)) continue;
		// "...,” said X, a fellow at the Urban Institute ... in _____": who said it, and where they work, is not the fact
		if (gap.kind !== 'quantity' && gap.cls !== 'person' && inAttribution(a, si, gap.first)) continue;
		// "Not only might viewing _____ affect ..." without its "but also": half a sentence
		if (/\bnot only\b/i.test(cloze) && !/\bbut\b/i.test(cloze)) continue;
		const clozeWords = cloze.split(/\s+/).length;
		// "a total area of 42,924 km2, land area of 42,394 km2, ... 2,210,579 km2, and a population of _____": one number among many confuses
		if (gap.kind === 'quantity' && (cloze.replace(BLANK, ' ').match(/\d[\d,.]*/g) ?? []).length >= 3) continue;
		// "Money must serve as a _____.": a prompt that says nothing beyond the article's subject fits many answers
		if (informativeWords(a, cloze) < 2) continue;
		// a term the sentence defines may still be asked when the title names it, lower down
		const fromTitle = gap.kind === 'term' && titleNames(a, gap.answer);
		// "Other types of pigments": what "other" means depends on the sentence before
		if (/^(other|another|such|these|those|some|many|most|several)\b/i.test(gap.answer)) continue;
		const rand = randomFor(seed, `${si}:${gap.first}`);
		const q = gap.quantity;
		const answerWords = gap.answer.split(/\s+/).length;
		const fact = `${si}:${normalize(gap.answer)}`;
		// (English puts the news last: of two facts of a sentence, the later one is a little more the point)
		const late = gap.quantity && !/^(year|date|decade|century|year_range)$/.test(gap.quantity.kind) ? 0 : 0.04 * ((gap.first - s.first) / Math.max(1, s.last - s.first) - 0.5);
		const penalty = penaltyBase - late + Math.max(0, clozeWords - 22) * 0.006 + (answerWords > 4 ? 0.04 * (answerWords - 4) : 0) + (fromTitle ? (gap.quality >= 0.9 ? 0.05 : 0.25) : 0) + (hide ? 0.015 : 0);
		const explanation = `The article says: “${original}”`;
		// one name, however written, is one answer; a name the article keeps using shows up in
		// other prompts anyway, a rarer one would give itself away there
		const answerInfo = gap.entity !== undefined ? { answerId: `e:${gap.entity}`, leaks: referenceCount(a, gap.entity) <= 2, person: a.entities[gap.entity].cls === 'person' } : { leaks: timesSaid(a, gap.answer) <= 2 };

		// typed cloze: short answers a student can write from memory
		let typed: Candidate | null = null;
		if (answerWords <= 5 && (gap.kind !== 'quantity' || (q && (!NUMERIC_KINDS.has(q.kind) || q.words)))) {
			typed = {
				type: 'cloze',
				prompt: cloze,
				answer: gap.answer,
				options: [],
				accept: acceptFor(gap, typedAnswers(a, gap)),
				explanation,
				sources: [source],
				sents: [si],
				fact,
				...answerInfo,
				quality: gap.quality * (gap.kind === 'phrase' ? 0.85 : 0.95),
				penalty,
				card: { front: cloze, back: back(gap.answer) }
			};
		}

		// multiple choice
		const sub = withSpan(a, si, span.first, span.last);
		const subView = { ...view, edits: spanEdits };
		const wh = gap.kind === 'entity' ? whQuestion(sub, si, subView, gap) : gap.quantity?.kind === 'year' ? yearQuestion(sub, si, subView, gap) : null;
		const mcPrompt = wh ?? cloze;
		// "Which Dutch explorer ...?": the other choices must be explorers too, or the question answers itself
		const roleAsked = wh && gap.entity !== undefined && /^Which /.test(wh) && a.entities[gap.entity].cls === 'person' ? a.entities[gap.entity].roles : null;
		// plain names of unknown kind ("Linpack", "Mandinka") get no choices: nothing says what kind a fair option would be
		// worked out once per gap: a way of asking it with a part left out offers the same choices
		const known = hide ? choicesFor.get(gap) : undefined;
		const distractors = known
			? known.filter((d) => !givesAway(mcPrompt, [d]))
			: gap.kind === 'entity'
				? gap.cls === 'name' || gap.cls === 'group'
					? []
					: entityDistractors(a, gap, mcPrompt, rand)
				: gap.kind === 'quantity'
					? quantityDistractors(a, gap, mcPrompt, rand)
					: gap.kind === 'term' && !isQuoted(a, gap)
						? phraseDistractors(a, gap, pool, mcPrompt)
						: gap.kind === 'complement' && answerWords >= 4
							? descriptionDistractors(a, gap, pool, mcPrompt, rand)
							: [];
		// "a mass of less than _____" → "a mass of _____" with "less than 1 gram" among "less than 5 grams", ...
		const bound = q && q.approx && /^(less than|more than|fewer than|at least|at most|up to|over|under|nearly|almost|about|around|approximately|some|roughly|just over|just under)$/i.test(q.approx) && a.tokens[gap.first - 1] && q.approx.toLowerCase().endsWith(a.tokens[gap.first - 1].lower) ? q.approx : '';
		if (bound && !wh) {
			const from = gap.first - bound.split(/\s+/).length;
			const boundPrompt = asStatement(renderTokens(a, span.first, span.last, [...spanEdits, { first: from, last: gap.last, text: BLANK }]));
			if (distractors.length >= 2 && boundPrompt.includes(BLANK)) {
				const options = shuffle([`${bound} ${gap.answer}`, ...distractors.map((d) => `${bound} ${d}`)], rand);
				out.push({
					type: 'multiple_choice',
					prompt: fairArticle(boundPrompt, options),
					answer: `${bound} ${gap.answer}`,
					options,
					accept: [gap.answer],
					explanation,
					sources: [source],
					sents: [si],
					fact,
					...answerInfo,
					quality: gap.quality * (distractors.length >= 3 ? 1 : 0.85),
					penalty,
					card: { front: boundPrompt, back: back(`${bound} ${gap.answer}`) }
				});
			}
		}
		if (!hide) choicesFor.set(gap, distractors);
		if (roleAsked && distractors.filter((d) => a.entities.find((e) => e.name === d)?.roles.some((r) => roleAsked.includes(r))).length < 2) distractors.length = 0;
		// the key is the name's full form, unless a word of it is in the prompt ("a British tea firm, the
		// _____"), or a title asks for the surname ("Mr. _____ warns": Frankel among Goldwein, Warner)
		const fullName = gap.kind === 'entity' && gap.entity !== undefined ? a.entities[gap.entity].name : gap.answer;
		const titled = /^(mr|mrs|ms|miss|dr)\.?$/i.test(a.tokens[gap.first - 1]?.text ?? '') && gap.cls === 'person';
		const key = wordsClue(mcPrompt, fullName) || titled ? gap.answer : fullName;
		if (titled) for (let k = 0; k < distractors.length; k++) distractors[k] = distractors[k].split(/\s+/).pop()!;
		if (!bound && distractors.length >= 2 && !givesAway(mcPrompt, answers) && !wordsClue(mcPrompt, key)) {
			// at the start of a sentence every choice is written with a capital, not only the key
			const atStart = mcPrompt.startsWith(BLANK);
			const capital = (d: string) => (atStart ? d.charAt(0).toUpperCase() + d.slice(1) : d);
			const shown = distractors.map(capital);
			// the key too: the one choice in lower case would be the answer ("two / Four / Five")
			const shownKey = capital(key);
			const options = shuffle([shownKey, ...shown], rand);
			// "an _____ stimulus bill" would point to the one option read with "an"
			const fairPrompt = fairArticle(mcPrompt, options);
			out.push({
				type: 'multiple_choice',
				prompt: fairPrompt,
				answer: shownKey,
				options,
				accept: [key, gap.answer].filter((x, i, all) => x !== shownKey && all.indexOf(x) === i),
				explanation,
				sources: [source],
				sents: [si],
				fact,
				...answerInfo,
				quality: gap.quality * (distractors.length >= 3 ? 1 : 0.85) * (wh ? 1.05 : 1),
				penalty,
				card: { front: fairPrompt, back: back(shownKey) }
			});
			// "Joan Mary Anderson", "Constitution of Denmark": a long answer is asked with choices, not typed
			if (typed && betterWithChoices(a, gap)) typed = null;
		}
		if (typed) out.push(typed);

		// numeric: numbers with units, amounts, counts
		if (!hide && q && NUMERIC_KINDS.has(q.kind) && q.value2 === undefined && !q.words) {
			const unit = [q.prefix, q.scale, q.unit].filter(Boolean).join(' ') || undefined;
			// the number alone is asked, its currency, scale and unit written as the article does: "$_____ billion", "_____ percent"
			const pre = q.prefix ?? '';
			const scale = q.scale ? ` ${q.scale}` : '';
			const hint = q.kind === 'percent' ? (/%$/.test(q.text) ? '%' : ` ${q.text.split(/\s+/).pop()}`) : q.kind === 'measure' ? `${scale} ${q.unit}` : q.kind === 'money' && q.unit ? `${scale} ${q.unit}` : scale;
			const numPrompt = asStatement(renderTokens(a, span.first, span.last, [...spanEdits, { first: gap.first, last: gap.last, text: pre + BLANK + hint }]));
			const approx = !!q.approx && !/^(c\.|circa)$/.test(q.approx);
			const tolerance = approx ? niceTolerance(q.value * 0.1) : q.decimals > 0 || q.value < 100 ? 0 : niceTolerance(q.value * 0.01);
			const stated = tolerance > 0 ? ` (Answers within ±${tolerance.toLocaleString('en-US')} are accepted.)` : '';
			if (!givesAway(numPrompt, [q.text])) {
				out.push({
					type: 'numeric',
					prompt: numPrompt + stated,
					answer: q.text,
					options: [],
					accept: [],
					explanation,
					sources: [source],
					sents: [si],
					fact,
					...answerInfo,
					quality: gap.quality * 0.9,
					penalty,
					value: q.value,
					tolerance,
					unit,
					card: { front: numPrompt, back: back(q.text) }
				});
			}
		}

		// true/false: the sentence as written, or with a same-kind value from the article swapped in
		// a hedged sentence ("may be", "likely") is neither true nor false enough to ask

		// "Parliament did not enact ...": a false version of a negative statement reads as a double negative, and is guessed
		const negated = a.tokens.slice(span.first, span.last).some((t) => /^(not|n[’']t|never|no|nor|neither|none|without|cannot|nothing)$/.test(t.lower));
		// names and numbers only: another of the article's terms makes nonsense ("convert solar energy
		// into thylakoid space"); a statement whose "it" was worked out is only as right as that guess
		const swappable = !hedged && !negated && (gap.kind === 'entity' || gap.kind === 'quantity') && !view.edits.some((e) => e.text);
		// the false version swaps in another value the article itself gives for something of the
		// same kind (the nearest, of the key's gender): never a name from a built-in list, nor a
		// made-up number ("the first games in the city of Amsterdam" is trivially false); a
		// statement that could never be made false is not asked either, or students would learn
		// that such statements are always true
		const swap = swappable && !hide && !tfDone ? falseAlternative(a, gap, distractors) : undefined;
		if (swap !== undefined && gap.quality >= 0.55 && !view.edits.some((e) => e.first === gap.first - 1)) {
			const makeFalse = rand() < 0.5;
			// swap the article with the name: "the US's" → "Japan's", "Vietnam" → "the United States"
			let from = gap.first;
			let swapText = swap;
			if (gap.kind === 'entity') {
				const other = a.entities.find((e) => e.name === swap);
				// "President _____": only someone who holds that title may be swapped in
				const key = gap.entity !== undefined ? a.entities[gap.entity] : undefined;
				if (key?.cls === 'person' && other && !other.roles.some((r) => key.roles.includes(r)) && key.roles.length) continue;
				if (a.tokens[from - 1]?.lower === 'the') from--;
				// ("the southwestern Tasman Sea", never "the southwestern the Tasman Sea")
				const described = /^(ADJ|NUM|DET|PRON)$/.test(a.tokens[from - 1]?.pos ?? '') || /^(’s|'s)$/.test(a.tokens[from - 1]?.text ?? '');
				if (other?.the && !described) swapText = `the ${swap}`;
				else if (from < gap.first && !other) swapText = `the ${swap}`;
				// "Mr. Lankford" → "Mr. Warner"; "Briton Tim Henman" is no place for another player
				const before = a.tokens[gap.first - 1];
				if (before && /^(mr|mrs|ms|dr|miss)\.?$/.test(before.lower)) swapText = swap.split(/\s+/).pop() ?? swap;
				if (before && /^\p{Lu}/u.test(before.text) && isDemonymWord(before.text)) continue;
			}
			const trueText = asStatement(renderTokens(a, span.first, span.last, spanEdits));
			const text = makeFalse ? asStatement(renderTokens(a, span.first, span.last, [...spanEdits, { first: from, last: gap.last, text: swapText }])) : trueText;
			if (text !== trueText || !makeFalse) {
				tfDone = true;
				out.push({
					type: 'true_false',
					prompt: text,
					answer: makeFalse ? 'False' : 'True',
					options: ['True', 'False'],
					accept: [],
					explanation: makeFalse ? `False: the article says ${gap.answer}, not ${swap}. “${original}”` : explanation,
					sources: [source],
					sents: [si],
					fact: `${si}:tf`,
					// a statement to judge tests less than a question: it fills in where nothing better is left
					quality: gap.quality * (makeFalse ? 0.7 : 0.6),
					penalty: penalty + Math.max(0, text.split(/\s+/).length - 25) * 0.004,
					card: { front: cloze, back: back(gap.answer) }
				});
			}
		}
	}
	void asQuestion;
	return out;
}

/** The token stands in the "said X, a fellow at ..." part of a sentence that quotes someone. */
function inAttribution(a: Article, si: number, k: number): boolean {
	const q = a.quotations.find((x) => x.attrSent === si || x.sent === si);
	if (!q || (k >= q.first && k < q.last)) return false;
	const s = a.sentences[si];
	for (let x = Math.max(s.first, q.last); x < k; x++) if (/^(said|says|told|added|explained|noted|argued|wrote|according)$/.test(a.tokens[x].lower)) return true;
	// "X, a fellow at ..., said: “...”"
	for (let x = k; x < Math.min(s.last, q.first); x++) if (/^(said|says|told|added|explained|noted|argued|wrote|declared)$/.test(a.tokens[x].lower)) return true;
	return false;
}

const saidCache = new WeakMap<object, Map<string, number>>();
const normalizedText = new WeakMap<object, string>();
const wordCounts = new WeakMap<object, Map<string, number>>();
/** How often the article writes a phrase (whole words, any case). */
function timesSaid(a: Article, phrase: string): number {
	let m = saidCache.get(a.tokens);
	if (!m) saidCache.set(a.tokens, (m = new Map()));
	const key = normalize(phrase);
	let n = m.get(key);
	// a single word: counted once for the whole article
	if (n === undefined && !key.includes(' ')) {
		let words = wordCounts.get(a.tokens);
		if (!words) {
			words = new Map();
			for (const t of a.tokens) {
				const w = normalize(t.text);
				if (w && !w.includes(' ')) words.set(w, (words.get(w) ?? 0) + 1);
			}
			wordCounts.set(a.tokens, words);
		}
		n = words.get(key) ?? 0;
		m.set(key, n);
	}
	if (n === undefined) {
		let hay = normalizedText.get(a.tokens);
		if (hay === undefined) normalizedText.set(a.tokens, (hay = ` ${normalize(a.text)} `));
		n = 0;
		for (let at = hay.indexOf(` ${key} `); at >= 0 && key; at = hay.indexOf(` ${key} `, at + key.length)) n++;
		m.set(key, n);
	}
	return n;
}

/** The article as seen with sentence `si` narrowed to tokens [first, last). */
export function withSpan(a: Article, si: number, first: number, last: number): Article {
	const s = a.sentences[si];
	if (first === s.first && last === s.last) return a;
	const sentences = a.sentences.slice();
	sentences[si] = { ...s, first, last, start: a.tokens[first].start, end: a.tokens[last - 1].end };
	const mentionsBySent = a.mentionsBySent.slice();
	mentionsBySent[si] = a.mentionsBySent[si].filter((m) => m.first >= first && m.last <= last);
	const quantitiesBySent = a.quantitiesBySent.slice();
	quantitiesBySent[si] = a.quantitiesBySent[si].filter((q) => q.first >= first && q.last <= last);
	return { ...a, sentences, mentionsBySent, quantitiesBySent };
}

/** Where the clause after `from` ends, when a trailing clause can go without harm. */
function clauseEnd(a: Article, from: number, last: number): number {
	const { tokens } = a;
	let quote = false;
	for (let k = from; k < last - 1; k++) {
		if (/^[“”"]$/.test(tokens[k].text)) quote = !quote;
		if (quote) continue;
		const t = tokens[k];
		const next = tokens[k + 1];
		if (t.text === ';' || (t.text === ',' && /^(which|while|whereas|but|where)$/.test(next.lower))) {
			// keep enough of the sentence to make sense, and never cut inside brackets
			if (k - a.sentences[t.sent].first >= 8 && !tokens.slice(from, k).some((x) => x.text === '(')) return k;
			return last;
		}
	}
	return last;
}

/** The prompt without a quotation it opens and never closes (after the blank), or as it is. */
function closeQuotes(prompt: string): string {
	const opens = (prompt.match(/“/g) ?? []).length;
	const closes = (prompt.match(/”/g) ?? []).length;
	if (opens <= closes) return prompt;
	const at = prompt.lastIndexOf('“');
	if (at < prompt.indexOf(BLANK)) return prompt;
	const head = prompt.slice(0, at).replace(/[\s:,;—–-]+$/, '');
	return head.split(/\s+/).length >= 6 ? `${head}.` : prompt;
}

/**
 * A prompt that starts in the middle of something: a word the text wrote in lower
 * case, the tail of an abbreviation ("D., of Columbia University ..."), a piece of a
 * list ("Especially from 16th-century descriptions ...").
 */
function startsWithFragment(a: Article, first: number, statement: string): boolean {
	const t = a.tokens[first];
	// (a clause after a semicolon, or one asked on its own, starts in lower case by right)
	const clause = first > 0 && a.tokens[first - 1].sent === t?.sent;
	if (t && !clause && t.type === 'word' && /^\p{Ll}/u.test(t.text) && !/^(e\.g|i\.e|iPhone|iPad|eBay)/.test(t.text)) return true;
	if (/^\p{Lu}\.\s*[,;:]/u.test(statement)) return true;
	if (/^(especially|particularly|mainly|mostly|chiefly|notably|primarily|largely|partly)\s+(from|in|by|through|with|for|on|at|among|during|to|as)\b/i.test(statement)) return true;
	return false;
}

/** The first choice the article itself names, in the same paragraph if one is, for a false statement. */
function falseAlternative(a: Article, gap: Gap, distractors: string[]): string | undefined {
	const para = a.sentences[gap.si].para;
	const keyGender = gap.entity !== undefined && gap.cls === 'person' ? genderOf(a, gap.entity) : undefined;
	const fromArticle = (d: string): number | undefined => {
		if (gap.kind === 'entity') {
			const e = a.entities.find((x) => x.name === d && x.mentions.length);
			// "British number two Lindsay Davenport": a man's place only for a man
			if (e && keyGender && genderOf(a, e.id) !== keyGender) return undefined;
			return e ? Math.min(...e.mentions.map((m) => Math.abs(a.sentences[m.sent].para - para))) : undefined;
		}
		if (gap.kind === 'quantity') {
			const qs = a.quantities.filter((q) => q.text === d);
			return qs.length ? Math.min(...qs.map((q) => Math.abs(a.sentences[q.sent].para - para))) : undefined;
		}
		// terms are drawn from the article's own key phrases
		return 0;
	};
	let best: string | undefined;
	let bestDist = Infinity;
	for (const d of distractors) {
		const dist = fromArticle(d);
		if (dist !== undefined && dist < bestDist) {
			best = d;
			bestDist = dist;
		}
	}
	return best;
}

const PLAIN = new Set(['that', 'this', 'these', 'those', 'with', 'from', 'into', 'must', 'also', 'another', 'other', 'such', 'which', 'what', 'when', 'where', 'been', 'have', 'they', 'their', 'there', 'then', 'than', 'some', 'more', 'most', 'much', 'many', 'very', 'only', 'just', 'will', 'would', 'could', 'should', 'does', 'were', 'being', 'about', 'each', 'every']);
const titleStemCache = new WeakMap<object, Set<string>>();

/** Words of four letters or more a prompt holds besides its blank, function words and the title's words. */
function informativeWords(a: Article, prompt: string): number {
	let title = titleStemCache.get(a.tokens);
	if (!title) titleStemCache.set(a.tokens, (title = new Set(normalize(a.title).split(' ').map((w) => w.replace(/s$/, '')))));
	let n = 0;
	for (const w of normalize(prompt.replace(BLANK, ' ')).split(' ')) if (w.length >= 4 && !PLAIN.has(w) && !title.has(w.replace(/s$/, ''))) n++;
	return n;
}

/**
 * "The only backing of our money is _____." (universal faith and trust that the currency has
 * value): other things the article describes at some length, its other complements and the
 * descriptions of its definitions ("dollar bills or other currencies with values backed up by gold").
 */
function descriptionDistractors(a: Article, gap: Gap, pool: Gap[], prompt: string, rand: () => number): string[] {
	const n = gap.answer.split(/\s+/).length;
	const fits = (d: string) => {
		const m = d.split(/\s+/).length;
		return m >= Math.max(3, n * 0.5) && m <= n * 1.8 + 2 && !givesAway(prompt, [d]) && !wordGivesAway(prompt, d) && normalize(d) !== normalize(gap.answer);
	};
	const found = [...pool.filter((g) => g.kind === 'complement' && g.si !== gap.si).map((g) => g.answer), ...savedDescriptions(a)].filter(fits);
	return shuffle([...new Map(found.map((d) => [normalize(d), d])).values()], rand).slice(0, 3);
}

function isQuoted(a: Article, gap: Gap): boolean {
	return a.quotations.some((q) => q.first <= gap.first && gap.last <= q.last);
}

function acceptFor(gap: Gap, more: string[]): string[] {
	const out = new Set<string>();
	for (const x of [...gap.accept, ...more]) out.add(x);
	const bare = gap.answer.replace(/^(the|a|an)\s+/i, '');
	if (bare !== gap.answer) out.add(bare);
	out.delete(gap.answer);
	return [...out];
}

function niceTolerance(x: number): number {
	if (x <= 0) return 0;
	const mag = Math.pow(10, Math.floor(Math.log10(x)));
	return Number((Math.round(x / mag) * mag).toPrecision(2));
}
