// Calendar days as the reader lives them: a card due at any time of a day is due all that day.

/**
 * The reader's calendar day of `date` ("2026-11-26"), given their offset from UTC in minutes (east
 * positive, the opposite sign of `Date#getTimezoneOffset`). A card due at any time of a day counts
 * as due all that day, so a card graded yesterday evening is there this morning.
 */
export function dayOf(date: Date, offsetMinutes: number): string {
	return new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The day `days` after `day` ("2026-11-26" + 1 = "2026-11-27"). */
export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The reader's clock: the time, and their offset from UTC, so that "today" is their day. */
export interface Clock {
	now: Date;
	offset: number;
}

/** "today", "tomorrow", "in 3 days" (from `today` to `day`, both "YYYY-MM-DD"). */
export function relativeDay(today: string, day: string): string {
	const days = daysBetween(today, day);
	if (days <= 0) return 'today';
	return days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** "Friday 27 November": a day for sentences, in English like the rest of the site. */
export function longDay(day: string): string {
	return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

