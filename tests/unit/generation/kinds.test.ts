import { describe, expect, it } from 'vitest';
import { allCandidates, generate } from '../../../src/lib/generation/generate';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { viewSentence, type SentenceView } from '../../../src/lib/generation/analysis/references';
import { findEnumerations } from '../../../src/lib/generation/questions/lists';
import { removableParts } from '../../../src/lib/generation/questions/trim';
import { storyPerson } from '../../../src/lib/generation/questions/distractors';
import { norm } from './helpers';

// Short made-up texts in the patterns of real articles: each test names the rule it checks.

const built = (text: string) => allCandidates(analyse(text), 0);
const views = (text: string) => {
	const a = analyse(text);
	const memo = new Map<number, SentenceView>();
	return { a, views: a.sentences.map((s) => viewSentence(a, s.index, memo)) };
};

describe('lists asked as a whole', () => {
	it('asks the list of names with one item changed in each wrong choice', () => {
		const text =
			'Languages of Freedonia\n\nFreedonia is an island country in the Pacific Ocean. The official languages are English, Māori, and Freedonian Sign Language. ' +
			'Most people speak English at home, and Māori is taught in every school. Freedonian Sign Language became official in 2006.';
		const q = built(text).find((c) => c.fact.endsWith(':list'));
		expect(q, 'a list question').toBeTruthy();
		expect(q!.answer).toBe('English, Māori, and Freedonian Sign Language');
		expect(q!.options).toContain(q!.answer);
		for (const o of q!.options.filter((x) => x !== q!.answer)) {
			// every wrong list keeps the shape and changes exactly one item
			const wrong = o.split(/, and |, /);
			const right = (q!.answer as string).split(/, and |, /);
			expect(wrong.length).toBe(right.length);
			expect(wrong.filter((x, i) => x !== right[i]).length).toBe(1);
		}
	});

	it('does not ask a list of plain things, nor an item inside a longer phrase', () => {
		const { a, views: v } = views('Photosynthesis\n\nPhotosynthesis requires sunlight, carbon dioxide, and water as starting reactants. Plants release oxygen.');
		expect(findEnumerations(a, v).length).toBe(1);
		expect(built('Photosynthesis\n\nPhotosynthesis requires sunlight, carbon dioxide, and water as starting reactants. Plants release oxygen and sugars.').some((c) => c.fact.endsWith(':list'))).toBe(false);
		const { a: b, views: w } = views('Reactors\n\nThe final machine will help scientists work out the safety, security and reliability requirements for the stockpile.');
		expect(findEnumerations(b, w)).toEqual([]);
	});
});

describe('what a thing allows, and long complements', () => {
	it('asks what an act allowed someone to do, with what other acts did as wrong choices', () => {
		const text =
			'The Acts\n\nThe Tea Act of 1773 gave the British East India Company the ability to export its tea directly to the colonies without paying duties. ' +
			'The Boston Port Act shut down Boston Harbor until the company was repaid. The Quartering Act allowed British troops to be housed in occupied buildings. ' +
			'The Quebec Act expanded the boundaries of Quebec westward.';
		const q = built(text).find((c) => c.prompt.startsWith('What did the Tea Act of 1773 allow'));
		expect(q, 'an allow question').toBeTruthy();
		expect(q!.prompt).toBe('What did the Tea Act of 1773 allow the British East India Company to do?');
		expect(q!.answer).toBe('export its tea directly to the colonies without paying duties');
		// the wrong choices are other acts' deeds in the same form
		expect(q!.options).toContain('expand the boundaries of Quebec westward');
	});

	it('asks a long complement with the article’s other descriptions as choices', () => {
		const text =
			'Money\n\nFiat money has no intrinsic value, but is declared by a government to be legal tender. ' +
			'Commodity-backed currencies are dollar bills or other currencies with values backed up by gold held at a bank. ' +
			'Barter—literally trading one good or service for another—is inefficient. ' +
			'The only backing of our money is universal faith and trust that the currency has value, and nothing more.';
		const q = built(text).find((c) => /only backing/.test(c.prompt) && c.type === 'multiple_choice');
		expect(q, 'a complement question').toBeTruthy();
		expect(q!.answer).toBe('universal faith and trust that the currency has value');
		expect(q!.options.length).toBeGreaterThanOrEqual(3);
	});
});

describe('second questions on a sentence', () => {
	it('may leave a person unnamed behind their role, or a second predicate out', () => {
		const { a, views: v } = views('Exploration\n\nIn 1642, Dutch explorer Abel Tasman became the first European to sight the islands. The empire was founded by Sundiata Keita and became renowned for the wealth of its rulers, especially Mansa Musa.');
		const parts0 = removableParts(a, 0, v[0]);
		expect(parts0.some((p) => p.text === 'a Dutch explorer')).toBe(true);
		const parts1 = removableParts(a, 1, v[1]);
		expect(parts1.some((p) => a.text.slice(a.tokens[p.first].start, a.tokens[p.last - 1].end).startsWith('and became renowned'))).toBe(true);
		const year = built(a.text).find((c) => c.prompt.startsWith('In what year did a Dutch explorer'));
		expect(year, 'the year asked without the name').toBeTruthy();
	});

	it('asks a contrasting clause after "while" on its own', () => {
		const qs = built('Cities\n\nAustralia is a country in the southern hemisphere with many deserts. Australia’s official capital city is Canberra, while its most populous city is Sydney. Sydney has a harbour.');
		expect(qs.some((q) => q.prompt === 'Australia’s most populous city is _____.')).toBe(true);
		expect(qs.some((q) => q.prompt === 'Australia’s official capital city is _____.')).toBe(true);
	});
});

describe('who counts as a person of the text', () => {
	it('tells the people of a teaching story from historical figures named alone', () => {
		const story = analyse(
			'Modeling\n\nConsider Claire’s experience. Claire’s nine-year-old son, Jay, was getting into trouble at school. You might wonder why. After their mother left the room, Allison was tempted to play, but she did not.'
		);
		const name = (n: string) => story.entities.find((e) => e.name === n)!;
		expect(storyPerson(story, name('Jay'))).toBe(true);
		expect(storyPerson(story, name('Allison'))).toBe(true);
		const history = analyse('Rome\n\nThe laws of Augustus controlled manumission. Augustus ruled after the civil wars, and his adopted son Tiberius followed him. Spartacus led a revolt.');
		expect(storyPerson(history, history.entities.find((e) => e.name === 'Augustus')!)).toBe(false);
	});

	it('counts authors named only in a citation as nobody', () => {
		const a = analyse('Learning\n\nAlbert Bandura studied modeling in children (Bandura, Ross, & Ross, 1961). Albert Bandura later wrote about self-efficacy.');
		expect(a.entities.some((e) => e.name === 'Ross' && e.mentions.length)).toBe(false);
	});
});

describe('the list as a whole', () => {
	it('never asks for a name two other prompts of the list show', () => {
		const text =
			'Rome\n\nSpartacus was trained as a gladiator in Capua. The Roman general Crassus defeated Spartacus in battle in 71 BCE. ' +
			'Spartacus eventually raised an army of seventy thousand. A few decades later, Spartacus instigated the most famous slave revolt.';
		const qs = generate(text, { count: 20 }).questions.filter((q) => q.type !== 'true_false');
		for (const q of qs) {
			if (norm(q.answer as string) !== 'spartacus') continue;
			// (a second question on its own sentence may show it in a text this short: too few questions otherwise)
			const shown = qs.filter((o) => o !== q && o.sources[0].start !== q.sources[0].start && norm(o.prompt).includes('spartacus')).length;
			expect(shown).toBeLessThan(2);
		}
	});

	it('reads years of an era as years, and offers years of that era', () => {
		const a = analyse('Rome\n\nThe first games in the city occurred in 264 BCE, with three pairs of gladiators fighting. The amphitheater opened in 80 CE.');
		expect(a.quantities.filter((q) => q.kind === 'year').map((q) => q.text)).toEqual(['264 BCE', '80 CE']);
		for (const q of built(a.text).filter((c) => c.answer === '264 BCE' && c.type === 'multiple_choice')) for (const o of q.options) expect(o).toMatch(/ BCE$/);
	});
});
