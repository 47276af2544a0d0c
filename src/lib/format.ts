const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const zoned = new Map<string, Intl.DateTimeFormat>();

/** A formatter for a given time zone (the student's), so server and browser print the same. */
function inZone(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${timeZone}|${JSON.stringify(options)}`;
	let f = zoned.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
		zoned.set(key, f);
	}
	return f;
}

export function formatDateTime(value: Date | number, timeZone?: string): string {
	return timeZone ? inZone(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(value) : dateTime.format(value);
}

export function formatDate(value: Date | number, timeZone?: string): string {
	return timeZone ? inZone(timeZone, { dateStyle: 'medium' }).format(value) : dateOnly.format(value);
}

/** "3 min", "2 h", "5 d", "1.5 mo", "2 y": how the review buttons show the next interval. */
export function formatInterval(ms: number): string {
	const minutes = ms / 60_000;
	if (minutes < 1) return '<1 min';
	if (minutes < 60) return `${Math.round(minutes)} min`;
	const hours = minutes / 60;
	if (hours < 24) return `${Math.round(hours)} h`;
	const days = hours / 24;
	if (days < 30) return `${Math.round(days)} d`;
	const months = days / 30.44;
	if (months < 12) return `${Math.round(months * 10) / 10} mo`;
	return `${Math.round((days / 365.25) * 10) / 10} y`;
}

export function percent(value: number, digits = 0): string {
	return `${(value * 100).toFixed(digits)}%`;
}
