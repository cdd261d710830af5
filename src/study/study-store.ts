// Where study progress lives: a thin adapter from the pure rules (rules.ts: read, merge, plan) to
// localStorage, falling back to memory for the visit when storage is blocked, full, or holds a
// newer version's data. Nothing stored is ever overwritten unread: every save re-reads storage and
// applies only its change, and a value that cannot be read in full is first kept under a backup key.
import { emptyProgress, readProgress, PROGRESS_KEY, type Progress } from './rules.ts';

/**
 * Where grades go: `stored` (localStorage), or memory for this visit because storage is `blocked`
 * (private mode, settings), `full` (a write failed), or holds progress of a `newer` version of the site.
 */
export type StoreMode = 'stored' | 'blocked' | 'full' | 'newer';

/** A stored value this page could not read in full, kept aside unchanged under its own key. */
export interface Backup {
	key: string;
	/** When it was kept aside (ISO 8601). */
	at: string;
	text: string;
}

export interface ProgressStore {
	/** The progress of this page: what is stored, plus this visit's grades when storage fails. */
	readonly progress: Progress;
	readonly mode: StoreMode;
	/**
	 * What was wrong with the stored value when it was first kept aside, on this page only (the reader
	 * is told once); null when nothing was kept aside here.
	 */
	readonly keptAside: { backup: Backup; problems: string[] } | null;
	/** Every value kept aside so far, oldest first. */
	backups(): Backup[];
	/** Re-reads storage and applies `change` to what is there now (or to memory). */
	update(change: (progress: Progress) => Progress): void;
	/** Re-reads storage after another tab changed it. */
	refresh(): void;
	/** Calls `listener` after every change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
}

/** Keys of the values kept aside: `sg-study-progress-backup-<ISO time>`. */
export const BACKUP_PREFIX = `${PROGRESS_KEY}-backup-`;

/**
 * A store on the storage `getStorage` returns (it may throw: a blocked `localStorage` getter does).
 * Separate from the page so that unit tests can hand it a fake storage.
 */
export function createProgressStore(getStorage: () => Storage, now: () => Date = () => new Date()): ProgressStore {
	let storage: Storage | undefined;
	let mode: StoreMode = 'stored';
	let progress = emptyProgress();
	let keptAside: ProgressStore['keptAside'] = null;
	const listeners = new Set<() => void>();

	const backups = (): Backup[] => {
		if (!storage) return [];
		const found: Backup[] = [];
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (!key?.startsWith(BACKUP_PREFIX)) continue;
			const text = storage.getItem(key);
			if (text !== null) found.push({ key, at: key.slice(BACKUP_PREFIX.length), text });
		}
		return found.sort((a, b) => a.at.localeCompare(b.at));
	};

	/** Keeps `text` under a backup key unless it already is; false when that could not be written. */
	const keepAside = (text: string, problems: string[]): boolean => {
		if (backups().some((backup) => backup.text === text)) return true;
		const backup = { key: `${BACKUP_PREFIX}${now().toISOString()}`, at: now().toISOString(), text };
		try {
			storage!.setItem(backup.key, text);
		} catch {
			return false;
		}
		keptAside = { backup, problems };
		return true;
	};

	/**
	 * What storage holds now (its valid entries), its unreadable parts kept aside first. Switches to
	 * memory when storage cannot be read (undefined), holds a newer version (undefined), or the backup
	 * cannot be written (mode `full`: the value must not be replaced without its backup).
	 */
	const readStored = (): Progress | undefined => {
		let text: string | null;
		try {
			text = storage!.getItem(PROGRESS_KEY);
		} catch {
			mode = 'blocked';
			return undefined;
		}
		const result = readProgress(text);
		if (result.status === 'empty') return emptyProgress();
		if (result.status === 'newer') {
			mode = 'newer';
			return undefined;
		}
		const problems = result.status === 'read' ? result.problems : [result.problem];
		if (problems.length > 0 && !keepAside(text!, problems)) mode = 'full';
		return result.status === 'read' ? result.progress : emptyProgress();
	};

	const notify = () => {
		for (const listener of listeners) listener();
	};

	try {
		storage = getStorage();
		progress = readStored() ?? emptyProgress();
	} catch {
		mode = 'blocked';
	}

	return {
		get progress() {
			return progress;
		},
		get mode() {
			return mode;
		},
		get keptAside() {
			return keptAside;
		},
		backups,
		update(change) {
			const stored = mode === 'stored' ? readStored() : undefined;
			progress = change(stored ?? progress);
			if (mode === 'stored') {
				try {
					storage!.setItem(PROGRESS_KEY, JSON.stringify(progress));
				} catch {
					// Full (QuotaExceededError) or refused: every grade of this visit stays in memory.
					mode = 'full';
				}
			}
			notify();
		},
		refresh() {
			if (mode !== 'stored') return;
			const stored = readStored();
			if (stored) progress = stored;
			notify();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}

let shared: ProgressStore | undefined;

/** The page's one store (the study session and the progress tools share it), following other tabs. */
export function progressStore(): ProgressStore {
	if (!shared) {
		const store = createProgressStore(() => window.localStorage);
		window.addEventListener('storage', (event) => {
			if (event.key === PROGRESS_KEY || event.key === null) store.refresh();
		});
		shared = store;
	}
	return shared;
}

/** The stored progress, read without writing anything (for the marks on the home and section pages). */
export function readStoredProgress(): Progress {
	try {
		const result = readProgress(window.localStorage.getItem(PROGRESS_KEY));
		return result.status === 'read' ? result.progress : emptyProgress();
	} catch {
		return emptyProgress();
	}
}

/** What the reader should know about where their grades are going, or null when all is well. */
export function describeMode(mode: StoreMode): string | null {
	switch (mode) {
		case 'stored':
			return null;
		case 'blocked':
			return 'This browser does not let the site store anything, so your grades last for this visit only. Export them before you leave to keep them.';
		case 'full':
			return 'This browser’s storage is full, so grades given from now on last for this visit only. Export your progress to keep them.';
		case 'newer':
			return 'Your progress was saved by a newer version of this site and is left as it is. Reload the page to update it; until then, grades given here are not kept.';
	}
}
