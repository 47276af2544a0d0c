import type { Token, TokenizedDoc } from './tokens.js';
import type { Entity, Mention } from './entities.js';
import { SPEECH_VERBS } from '../knowledge/lexicon.js';
import { pronounGender, type Gender } from './agreement.js';

export interface Quotation {
	/** Token range of the words inside the quotation marks [first, last). */
	first: number;
	last: number;
	start: number;
	end: number;
	sent: number;
	/** Sentence that carries the attribution. */
	attrSent: number;
	text: string;
	words: number;
	/** Entity id of the named speaker, when the article says who spoke. */
	speaker?: number;
	/** The speaker was named through a pronoun ("he said"), resolved to the last person. */
	viaPronoun?: boolean;
}

const OPEN = new Set(['“', '"', '‘']);
const CLOSE = new Set(['”', '"', '’']);

/** Finds quotations and, where the sentence says so, who said them. */
export function findQuotations(doc: TokenizedDoc, entities: Entity[], mentions: Mention[], lastPersonBefore: (tok: number, gender?: Gender) => number | undefined): Quotation[] {
	const { tokens } = doc;
	const out: Quotation[] = [];
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i];
		if (!(t.text === '“' || t.text === '"')) {
			i++;
			continue;
		}
		// find the closing mark in the same block (sentences of one paragraph)
		let j = i + 1;
		const para = doc.sentences[t.sent]?.para;
		while (j < tokens.length && !(tokens[j].text === '”' || (t.text === '"' && tokens[j].text === '"')) && doc.sentences[tokens[j].sent]?.para === para) j++;
		if (j >= tokens.length || doc.sentences[tokens[j].sent]?.para !== para || !CLOSE.has(tokens[j].text)) {
			i++;
			continue;
		}
		const first = i + 1;
		const last = j;
		if (last > first) {
			const text = render(tokens, first, last);
			const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
			const q: Quotation = { first, last, start: tokens[first].start, end: tokens[last - 1].end, sent: tokens[first].sent, attrSent: tokens[j].sent, text, words };
			attribute(q, tokens, entities, mentions, i, j, lastPersonBefore);
			out.push(q);
		}
		i = j + 1;
	}
	void OPEN;
	return out;
}

function render(tokens: Token[], a: number, z: number): string {
	let s = '';
	for (let k = a; k < z; k++) s += (k > a && tokens[k].space ? ' ' : '') + tokens[k].text;
	return s.replace(/[,;:]$/, '').trim();
}

function attribute(q: Quotation, tokens: Token[], entities: Entity[], mentions: Mention[], open: number, close: number, lastPersonBefore: (tok: number, gender?: Gender) => number | undefined) {
	const personAt = (k: number) => {
		const m = mentions.find((x) => x.first <= k && k < x.last);
		return m && entities[m.entity].cls === 'person' ? m : undefined;
	};
	// after the quote: “...,” he said / “...,” Hun Sen said / “...,” said X / “...,” Name, a spokesman ..., told local media.
	const sentEnd = (s: number) => {
		let k = close;
		while (k < tokens.length && tokens[k].sent === s) k++;
		return k;
	};
	let k = close + 1;
	if (tokens[k]?.text === ',') k++;
	const stop = Math.min(sentEnd(tokens[close].sent), close + 30);
	let verbAt = -1;
	for (let x = close + 1; x < stop; x++) {
		if (tokens[x].text === '“' || tokens[x].text === '"') break;
		if (SPEECH_VERBS.has(tokens[x].lower) && (tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX')) {
			verbAt = x;
			break;
		}
	}
	if (verbAt > close) {
		const subj = tokens[k];
		if (subj && /^(he|she)$/.test(subj.lower) && k < verbAt) {
			const p = lastPersonBefore(open, pronounGender(subj.lower));
			if (p !== undefined) {
				q.speaker = p;
				q.viaPronoun = true;
			}
			return;
		}
		// titles may stand before the name: “...,” Lieutenant General Keo Vanthan, a spokesman ..., told
		let n = k;
		while (n < verbAt && n < k + 3 && /^\p{Lu}/u.test(tokens[n].text) && !personAt(n)) n++;
		const m = personAt(n) ?? personAt(verbAt + 1);
		if (m && (m.first === n || m.first === verbAt + 1)) {
			q.speaker = m.entity;
			return;
		}
		// any other subject ("the insider ... told Asia Times") names nobody
		return;
	}
	// before the quote: Name said: “...” / He declared: “...” / As the writer X wrote in 1911, money is a “...”
	const s = tokens[open].sent;
	for (let x = open - 1; x >= 0 && tokens[x].sent === s && x >= open - 25; x--) {
		if (SPEECH_VERBS.has(tokens[x].lower) && tokens[x].pos === 'VERB') {
			let reach = 4;
			for (let y = x - 1; y >= 0 && tokens[y].sent === s && y >= x - reach; y--) {
				if (/^(he|she)$/.test(tokens[y].lower)) {
					const p = lastPersonBefore(y, pronounGender(tokens[y].lower));
					if (p !== undefined) {
						q.speaker = p;
						q.viaPronoun = true;
					}
					return;
				}
				if (tokens[y].text === ')') {
					const close = y;
					while (y > 0 && tokens[y].text !== '(') y--;
					reach += close - y + 1; // life dates in brackets do not count against the window
					continue;
				}
				const m = personAt(y);
				if (m) {
					q.speaker = m.entity;
					return;
				}
			}
			return;
		}
	}
}
