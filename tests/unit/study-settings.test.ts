import { afterEach, describe, expect, test, vi } from 'vitest';
import { readSettings, saveSettings, updateSettings } from '../../src/study/settings.ts';

/** A localStorage holding `items`; `blocked` makes every access throw as a blocked storage does. */
function storage(items: Record<string, string>, blocked = false) {
	const check = () => {
		if (blocked) throw new DOMException('blocked', 'SecurityError');
	};
	return {
		getItem: (key: string) => (check(), items[key] ?? null),
		setItem: (key: string, value: string) => (check(), (items[key] = value)),
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('readSettings', () => {
	test('reads the stored limit, interview date and extra new questions for a day', () => {
		vi.stubGlobal('localStorage', storage({ 'sg-study-settings': '{"newPerDay":4,"interview":"2026-12-10","extra":{"day":"2026-12-05","count":10}}' }));
		expect(readSettings()).toEqual({ newPerDay: 4, interview: '2026-12-10', extra: { day: '2026-12-05', count: 10 } });
	});

	test('reads the minutes a day for the interview-day plan', () => {
		vi.stubGlobal('localStorage', storage({ 'sg-study-settings': '{"newPerDay":4,"interview":"2026-12-10","minutes":25}' }));
		expect(readSettings()).toEqual({ newPerDay: 4, interview: '2026-12-10', extra: null, minutes: 25 });
	});

	test('reads "what does this print?" cards turned off; anything but false leaves them on', () => {
		vi.stubGlobal('localStorage', storage({ 'sg-study-settings': '{"predictions":false}' }));
		expect(readSettings()).toEqual({ newPerDay: 10, interview: null, extra: null, predictions: false });
		vi.stubGlobal('localStorage', storage({ 'sg-study-settings': '{"predictions":"no"}' }));
		expect(readSettings()).toEqual({ newPerDay: 10, interview: null, extra: null });
	});

	test.each([
		['nothing stored', {}],
		['a value that is not JSON', { 'sg-study-settings': '{' }],
		['a limit out of range and a date that is not one', { 'sg-study-settings': '{"newPerDay":500,"interview":"soon"}' }],
		['a fractional limit', { 'sg-study-settings': '{"newPerDay":2.5}' }],
		['an extra without its day', { 'sg-study-settings': '{"extra":{"count":5}}' }],
		['an extra of a negative count', { 'sg-study-settings': '{"extra":{"day":"2026-12-05","count":-5}}' }],
		['minutes out of range', { 'sg-study-settings': '{"minutes":2}' }],
		['minutes that are not whole', { 'sg-study-settings': '{"minutes":"20"}' }],
	])('falls back to 10 a day, no date and no extra for %s', (_, items) => {
		vi.stubGlobal('localStorage', storage(items));
		expect(readSettings()).toEqual({ newPerDay: 10, interview: null, extra: null });
	});
});

describe('saveSettings', () => {
	test('keeps the settings, or says it could not', () => {
		const items: Record<string, string> = {};
		vi.stubGlobal('localStorage', storage(items));
		expect(saveSettings({ newPerDay: 3, interview: null, extra: null })).toBe(true);
		expect(readSettings()).toEqual({ newPerDay: 3, interview: null, extra: null });
		vi.stubGlobal('localStorage', storage({}, true));
		expect(saveSettings({ newPerDay: 3, interview: null, extra: null })).toBe(false);
		expect(readSettings()).toEqual({ newPerDay: 10, interview: null, extra: null });
	});
});

describe('updateSettings', () => {
	test('applies a change to what is stored now, so another tab’s change is kept', () => {
		const items: Record<string, string> = { 'sg-study-settings': '{"newPerDay":10,"interview":"2026-12-10"}' };
		vi.stubGlobal('localStorage', storage(items));
		// This page read the settings before the other tab set the date.
		const stale = { newPerDay: 10, interview: null, extra: null };
		expect(updateSettings({ newPerDay: 12 }, stale)).toEqual({ settings: { newPerDay: 12, interview: '2026-12-10', extra: null }, kept: true });
		expect(readSettings()).toEqual({ newPerDay: 12, interview: '2026-12-10', extra: null });
	});

	test('with storage blocked, applies it to the settings this page holds, and says they were not kept', () => {
		vi.stubGlobal('localStorage', storage({}, true));
		const current = { newPerDay: 4, interview: '2026-12-10', extra: null };
		expect(updateSettings({ newPerDay: 5 }, current)).toEqual({ settings: { ...current, newPerDay: 5 }, kept: false });
	});
});
