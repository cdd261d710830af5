// Where study progress lives: localStorage when the browser allows it, else memory for this visit.
import { emptyProgress, parseProgress, PROGRESS_KEY, type Progress } from './rules.ts';

export interface ProgressStore {
	/** False when storage is blocked (private mode, settings): progress lasts for this page only. */
	persistent: boolean;
	load(): Progress;
	save(progress: Progress): void;
}

export function openProgressStore(): ProgressStore {
	let memory = emptyProgress();
	let persistent = true;
	try {
		localStorage.setItem(`${PROGRESS_KEY}-probe`, '1');
		localStorage.removeItem(`${PROGRESS_KEY}-probe`);
	} catch {
		persistent = false;
	}
	return {
		persistent,
		load() {
			if (!persistent) return memory;
			const stored = localStorage.getItem(PROGRESS_KEY);
			if (!stored) return emptyProgress();
			const parsed = parseProgress(stored);
			return 'progress' in parsed ? parsed.progress : emptyProgress();
		},
		save(progress) {
			memory = progress;
			if (persistent) localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
		},
	};
}
