// Where study progress lives: localStorage when the browser allows it, else memory for this visit.
import { readProgressFile } from './progress.ts';
import { emptyProgress, PROGRESS_KEY, type Progress } from './record.ts';

export interface ProgressStore {
	/** False when storage is blocked or full: progress lasts for this visit only. */
	readonly persistent: boolean;
	load(): Progress;
	/** Applies `change` to the stored progress as it is now (another tab may have saved since). */
	update(change: (progress: Progress) => Progress): Progress;
	/** Calls `listener` when another tab changes the progress. */
	onChange(listener: (progress: Progress) => void): void;
}

export function openProgressStore(): ProgressStore {
	let memory = emptyProgress();
	let persistent = true;
	const read = (): Progress => {
		if (!persistent) return memory;
		const stored = localStorage.getItem(PROGRESS_KEY);
		if (!stored) return emptyProgress();
		const result = readProgressFile(stored);
		if ('progress' in result) return result.progress;
		// Never overwrite what cannot be read: study goes on in memory.
		persistent = false;
		return memory;
	};
	try {
		memory = read();
	} catch {
		persistent = false;
	}
	return {
		get persistent() {
			return persistent;
		},
		load() {
			try {
				memory = read();
			} catch {
				persistent = false;
			}
			return memory;
		},
		update(change) {
			memory = change(this.load());
			if (persistent) {
				try {
					localStorage.setItem(PROGRESS_KEY, JSON.stringify(memory));
				} catch {
					persistent = false;
				}
			}
			return memory;
		},
		onChange(listener) {
			addEventListener('storage', (event) => {
				if (event.key === PROGRESS_KEY) listener(this.load());
			});
		},
	};
}
