/** A reader's theme choice: follow the system, or a fixed light or dark theme. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

/** The localStorage key of the choice (also read by the inline script in ThemeRestore.astro). */
export const THEME_KEY = 'sg-theme';

/** The stored choice; "auto" when none is stored or storage is unavailable. */
export function readStoredTheme(): ThemeChoice {
	try {
		const value = localStorage.getItem(THEME_KEY);
		return value === 'light' || value === 'dark' ? value : 'auto';
	} catch {
		return 'auto';
	}
}

/** Keeps the choice for the next visit; "auto" forgets it. Silently session-only without storage. */
export function storeTheme(choice: ThemeChoice): void {
	try {
		if (choice === 'auto') localStorage.removeItem(THEME_KEY);
		else localStorage.setItem(THEME_KEY, choice);
	} catch {
		// Storage blocked (private mode): the choice lasts for this page only.
	}
}

/**
 * Applies the stored choice before first paint (ThemeRestore.astro inlines it). Kept as a string
 * so that astro.config.ts can put its hash in the Content Security Policy. The key is put in as it is
 * (a JSON.stringify call would keep the unused string in the page's script, which imports this module).
 */
export const THEME_RESTORE_SCRIPT = `try{const t=localStorage.getItem("${THEME_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch{}`;
