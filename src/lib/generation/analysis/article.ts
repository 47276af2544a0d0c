import { maskMarkdown } from '../input/markdown.js';
import { splitBlocks, type Block } from './clean.js';
import { tokenize, type Sentence, type Token } from './tokens.js';
import { findEntities, type Entity, type Mention } from './entities.js';
import { findQuantities, type Quantity } from './numbers.js';
import { findQuotations, type Quotation } from './quotes.js';
import { personBefore } from './antecedents.js';
import { agrees, type Gender } from './agreement.js';
import { nlp } from './nlp.js';

function nlpDoc(text: string): { pos: string; lemma: string }[] {
	const { its } = nlp();
	const d = nlp().readDoc(text).tokens();
	const pos = d.out(its.pos) as string[];
	const lemma = (d.out as (f: unknown) => string[])(its.lemma);
	return pos.map((p, i) => ({ pos: p, lemma: lemma[i] }));
}

/** Everything the question builders need to know about one article. */
export interface Article {
	/** The text exactly as given; every offset points into it. */
	text: string;
	title: string;
	blocks: Block[];
	tokens: Token[];
	sentences: Sentence[];
	entities: Entity[];
	mentions: Mention[];
	quantities: Quantity[];
	quotations: Quotation[];
	mentionsBySent: Mention[][];
	quantitiesBySent: Quantity[][];
	/** Lemma frequencies of nouns and adjectives, for key terms. */
	lemmaCount: Map<string, number>;
	/** Lemmas of the title's nouns: the article's subject, too obvious to blank. */
	titleLemmas: Set<string>;
	/**
	 * Set for a second, more forgiving pass on an article that gave too few questions:
	 * "this threshold" is read as "the threshold", and counts and affiliations may be asked.
	 */
	lenient?: boolean;
	/** The entity the article is about (its title or most frequent name), if any. */
	topic?: number;
	paragraphs: number;
}

export function analyse(text: string, opts: { markdown?: boolean; title?: string } = {}): Article {
	const masked = opts.markdown ? maskMarkdown(text) : text;
	const { blocks, joined } = splitBlocks(masked);
	const doc = tokenize(joined, blocks);
	// offsets were taken from the masked text; token text must come from the original
	for (const t of doc.tokens) t.text = text.slice(t.start, t.end);
	const titleBlock0 = blocks.find((b) => b.kind === 'title');
	const { entities, mentions } = findEntities(doc, opts.title ?? (titleBlock0 ? text.slice(titleBlock0.start, titleBlock0.end) : ''));
	const mentionsBySent: Mention[][] = doc.sentences.map(() => []);
	for (const m of mentions) mentionsBySent[m.sent]?.push(m);
	const quantities = findQuantities(doc).filter((q) => !mentions.some((m) => m.start < q.end && q.start < m.end));
	const quantitiesBySent: Quantity[][] = doc.sentences.map(() => []);
	for (const q of quantities) quantitiesBySent[q.sent]?.push(q);

	// "he said" after a quotation: the person the text was last about, as for any "he"
	const lastPersonBefore = (tok: number, gender?: Gender): number | undefined => {
		const si = doc.tokens[tok].sent;
		const d = { tokens: doc.tokens, sentences: doc.sentences, mentionsBySent, entities };
		const here = mentionsBySent[si].filter((m) => m.first < tok && entities[m.entity].cls === 'person' && agrees(d, m.entity, gender));
		if (here.length) return here[0].entity;
		return personBefore(d, si, gender);
	};
	const quotations = findQuotations(doc, entities, mentions, lastPersonBefore);

	const lemmaCount = new Map<string, number>();
	for (const t of doc.tokens) if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN') lemmaCount.set(t.lemma, (lemmaCount.get(t.lemma) ?? 0) + 1);

	const titleBlock = blocks.find((b) => b.kind === 'title');
	const title = opts.title ?? (titleBlock ? text.slice(titleBlock.start, titleBlock.end).trim() : '');
	const topic = findTopic(entities, title);
	const titleLemmas = new Set<string>();
	if (title) {
		const doc2 = nlpDoc(title);
		// (a title is often written in capitals: "Defining Money by Its Functions" speaks of functions)
		for (const t of doc2) if (t.pos === 'NOUN' || t.pos === 'PROPN') titleLemmas.add(t.lemma).add(t.lemma.toLowerCase().replace(/(?<=[^s])s$/, ''));
	}
	return {
		text,
		title,
		blocks,
		tokens: doc.tokens,
		sentences: doc.sentences,
		entities,
		mentions,
		quantities,
		quotations,
		mentionsBySent,
		quantitiesBySent,
		lemmaCount,
		titleLemmas,
		topic,
		paragraphs: Math.max(1, ...doc.sentences.map((s) => s.para + 1))
	};
}

function findTopic(entities: Entity[], title: string): number | undefined {
	const lowerTitle = title.toLowerCase();
	// the name that fills most of the title ("Mali Empire" rather than "Mali")
	const inTitle = entities
		.filter((e) => e.mentions.length && lowerTitle.includes(e.name.toLowerCase()))
		.sort((a, b) => b.name.length - a.name.length || b.mentions.length - a.mentions.length);
	if (inTitle.length) return inTitle[0].id;
	const total = entities.reduce((s, e) => s + e.mentions.length, 0);
	const top = entities.slice().sort((a, b) => b.mentions.length - a.mentions.length)[0];
	return top && top.mentions.length >= 5 && top.mentions.length / Math.max(1, total) > 0.2 ? top.id : undefined;
}
