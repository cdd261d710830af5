// The progress picture on /study/: grades given per day, and questions falling due per day.
import type { Grade, Progress } from './record.ts';
import { addDays, dayOf, type Clock } from './days.ts';

export interface DayCount {
	day: string;
	count: number;
}

/** Grades given on each of the last `days` days (today last), from the log. */
export function reviewsPerDay(progress: Progress, clock: Clock, days = 30): DayCount[] {
	const today = dayOf(clock.now, clock.offset);
	const counts = new Map(Array.from({ length: days }, (_, i) => [addDays(today, i - days + 1), 0]));
	for (const review of progress.log) {
		const day = dayOf(new Date(review.at), clock.offset);
		if (counts.has(day)) counts.set(day, counts.get(day)! + 1);
	}
	return [...counts].map(([day, count]) => ({ day, count }));
}

/** Questions among `slugs` falling due on each of the next `days` days (today first, overdue counted today). */
export function dueForecast(progress: Progress, slugs: readonly string[], clock: Clock, days = 14): DayCount[] {
	const today = dayOf(clock.now, clock.offset);
	const counts = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
	for (const slug of slugs) {
		const card = progress.cards[slug];
		if (!card) continue;
		const day = dayOf(new Date(card.due), clock.offset);
		const index = day <= today ? 0 : counts.findIndex((entry) => entry.day === day);
		if (index >= 0) counts[index]!.count++;
	}
	return counts;
}

/** The first day after today with questions due among `slugs`, and how many; undefined when none is scheduled. */
export function nextDue(progress: Progress, slugs: readonly string[], clock: Clock): DayCount | undefined {
	const today = dayOf(clock.now, clock.offset);
	const byDay = new Map<string, number>();
	for (const slug of slugs) {
		const card = progress.cards[slug];
		if (!card) continue;
		const day = dayOf(new Date(card.due), clock.offset);
		if (day > today) byDay.set(day, (byDay.get(day) ?? 0) + 1);
	}
	const day = [...byDay.keys()].sort()[0];
	return day ? { day, count: byDay.get(day)! } : undefined;
}

/** How many of each grade `reviews` hold. */
export function countGrades(reviews: readonly { grade: Grade }[]): Record<Grade, number> {
	const counts = { again: 0, hard: 0, good: 0, easy: 0 };
	for (const review of reviews) counts[review.grade]++;
	return counts;
}

/** A bar of a chart, in the SVG's own units. */
export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Bars for `values` in a `width` x `height` box, scaled to the largest value (at least 1, so a
 * day of zero draws nothing and one grade is not a full bar on an empty chart), with a gap of
 * `gap` between bars.
 */
export function bars(values: readonly number[], width: number, height: number, gap = 2): Bar[] {
	const max = Math.max(1, ...values);
	const step = width / values.length;
	return values.map((value, i) => {
		const h = (value / max) * height;
		return { x: i * step + gap / 2, y: height - h, width: Math.max(step - gap, 1), height: h };
	});
}
