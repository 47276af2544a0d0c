import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { isAbbreviationOf } from '../../../src/lib/generation/analysis/entities';
import { article } from './helpers';

const find = (text: string, name: string) => {
	const a = analyse(text);
	return { a, e: a.entities.find((x) => x.name === name && x.mentions.length) };
};

describe('entities', () => {
	it('reads abbreviations as initials, and refuses what is not', () => {
		expect(isAbbreviationOf('CNRP', ['Cambodia', 'National', 'Rescue', 'Party'])).toBe(true);
		expect(isAbbreviationOf('DOE', ['US', 'Department', 'of', 'Energy'])).toBe(false);
		expect(isAbbreviationOf('DOE', ['Department', 'of', 'Energy'])).toBe(true);
		expect(isAbbreviationOf('Asean', ['Association', 'of', 'Southeast', 'Asian', 'Nations'])).toBe(true);
		expect(isAbbreviationOf('L', ['Hun', 'Sen'])).toBe(false);
		expect(isAbbreviationOf('UN', ['United', 'Nations'])).toBe(true);
	});

	it('finds people, places and organisations of the seed article with their short forms', () => {
		const { text } = article('00');
		const a = analyse(text);
		const by = (n: string) => a.entities.find((e) => e.name === n && e.mentions.length);
		expect(by('Cambodia National Rescue Party')?.cls).toBe('org');
		expect(by('Cambodia National Rescue Party')?.aliases).toContain('CNRP');
		expect(by('Hun Sen')?.cls).toBe('person');
		expect(by('Hun Sen')?.roles).toContain('prime minister');
		expect(by('Keo Vanthan')?.cls).toBe('person');
		// "Vanthan said ..." is the same man
		expect(by('Keo Vanthan')!.mentions.length).toBeGreaterThanOrEqual(2);
		expect(by('Vietnam')?.cls).toBe('place');
		expect(by('Vietnam')?.placeKind).toBe('country');
		expect(by('Phnom Penh')?.placeKind).toBe('city');
		expect(by('United Nations')?.aliases).toContain('UN');
	});

	it('classifies names by their last word and by the titles before them', () => {
		const text =
			'The Boston Port Act shut down the harbour in 1774. Dutch explorer Abel Tasman sailed past the Niger River. ' +
			'The East India Company was near bankruptcy, and Lord North insisted the loss be repaid. The Songhai Empire grew.';
		const a = analyse(text);
		const cls = (n: string) => a.entities.find((e) => e.name === n)?.cls;
		expect(cls('Boston Port Act')).toBe('law');
		expect(cls('Abel Tasman')).toBe('person');
		expect(cls('Niger River')).toBe('place');
		expect(cls('East India Company')).toBe('org');
		expect(cls('Lord North')).toBe('person');
		expect(cls('Songhai Empire')).toBe('polity');
	});

	it('does not take a capitalised common word at the start of a sentence for a name', () => {
		const { e } = find('Trade between the two countries grew. The trade in tea was taxed by Parliament in London. Government insiders say the government is divided.', 'Trade');
		expect(e).toBeUndefined();
	});
});
