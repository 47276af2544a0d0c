// The colour bands of the mastery heat map; apart from mastery.ts so pages can use them without ts-fsrs.

/** The heat-map band a recall value falls in, for the colour and the legend; null = not studied. */
export const MASTERY_BANDS = [
	{ min: 0.9, label: '90% or more', tone: 'strong' },
	{ min: 0.7, label: '70–89%', tone: 'good' },
	{ min: 0.5, label: '50–69%', tone: 'fair' },
	{ min: 0, label: 'under 50%', tone: 'weak' }
] as const;

export type MasteryTone = (typeof MASTERY_BANDS)[number]['tone'] | 'none';
export const NOT_STUDIED_LABEL = 'not studied yet';

export function masteryTone(value: number | null): MasteryTone {
	if (value === null) return 'none';
	return MASTERY_BANDS.find((b) => value >= b.min)?.tone ?? 'none';
}
