// The reader's study settings (browser only): new questions a day and an interview date. Kept
// apart from progress: they are choices for this browser, not a record to export or merge.
import { DEFAULT_NEW_PER_DAY } from './queue.ts';

const SETTINGS_KEY = 'sg-study-settings';

export interface Settings {
	/** New questions a day, whole guide. */
	newPerDay: number;
	/** The interview's day ("YYYY-MM-DD"), or null. */
	interview: string | null;
}

/** The most new questions a day the setting takes: the whole guide in one day. */
export const MAX_NEW_PER_DAY = 100;

/** The stored settings, each value checked; the defaults for what is missing or unreadable. */
export function readSettings(): Settings {
	const settings: Settings = { newPerDay: DEFAULT_NEW_PER_DAY, interview: null };
	try {
		const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Record<string, unknown>;
		const n = stored['newPerDay'];
		if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_NEW_PER_DAY) settings.newPerDay = n;
		const day = stored['interview'];
		if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day))) settings.interview = day;
	} catch {
		// No storage or an unreadable value: the defaults, and nothing is overwritten until the reader changes a setting.
	}
	return settings;
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
