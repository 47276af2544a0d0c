const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const zoned = new Map<string, Intl.DateTimeFormat>();
const zonedDates = new Map<string, Intl.DateTimeFormat>();

/** In `timeZone` when given (the user's setting), else in the runtime's zone. */
export function formatDateTime(value: Date | number, timeZone?: string): string {
	if (!timeZone) return dateTime.format(value);
	let f = zoned.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
		zoned.set(timeZone, f);
	}
	return f.format(value);
}

export function formatDate(value: Date | number, timeZone?: string): string {
	if (!timeZone) return dateOnly.format(value);
	let f = zonedDates.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone });
		zonedDates.set(timeZone, f);
	}
	return f.format(value);
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
