// The reader's study settings (browser only): new questions a day, an interview date, minutes a day,
// today's "learn N more", and whether "what does this print?" cards are studied. Kept apart from
// progress: they are choices for this browser, not a record to export or merge.
import type { Limits } from './pace.ts';
import { DEFAULT_NEW_PER_DAY } from './queue.ts';

export const SETTINGS_KEY = 'sg-study-settings';

export type Settings = Limits & {
	/** False: the study queue leaves out the "what does this print?" cards (they are in it unless turned off). */
	predictions?: false | undefined;
};

/** The most new questions a day the setting takes: the whole guide in one day. */
export const MAX_NEW_PER_DAY = 100;

const isDay = (day: unknown): day is string => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day));
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_NEW_PER_DAY;
/** Minutes a day the setting takes: from a short sitting to a working day. */
export const MINUTES_RANGE = { min: 5, max: 480 } as const;
const isMinutes = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= MINUTES_RANGE.min && n <= MINUTES_RANGE.max;

/**
 * The stored settings, each value checked; the defaults for what is missing. Where storage cannot
 * be read (blocked), `unreadable`: the settings this page has kept in memory, else the defaults.
 */
export function readSettings(unreadable?: Settings): Settings {
	const settings: Settings = { newPerDay: DEFAULT_NEW_PER_DAY, interview: null, extra: null };
	try {
		const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Record<string, unknown>;
		if (isCount(stored['newPerDay'])) settings.newPerDay = stored['newPerDay'];
		if (isDay(stored['interview'])) settings.interview = stored['interview'];
		if (isMinutes(stored['minutes'])) settings.minutes = stored['minutes'];
		if (stored['predictions'] === false) settings.predictions = false;
		const extra = stored['extra'] as Record<string, unknown> | null | undefined;
		if (extra && isDay(extra['day']) && isCount(extra['count'])) settings.extra = { day: extra['day'], count: extra['count'] };
	} catch {
		// No storage or an unreadable value: nothing is overwritten until the reader changes a setting.
		return unreadable ?? settings;
	}
	return settings;
}

/**
 * Applies `change` to the settings stored now (another tab may have changed them since this page
 * read them), or to `current` where storage cannot be read, and keeps the result. Returns it, and
 * whether it was kept (false: it lasts for this page).
 */
export function updateSettings(change: Partial<Settings>, current: Settings): { settings: Settings; kept: boolean } {
	const settings = { ...readSettings(current), ...change };
	return { settings, kept: saveSettings(settings) };
}

/** Keeps the settings; false when storage refuses (they then last for this page). */
export function saveSettings(settings: Settings): boolean {
	try {
		localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
		return true;
	} catch {
		return false;
	}
}
