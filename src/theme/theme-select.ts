// sg-theme-select (ThemeSelect.astro): the theme picker; shown once this has run. In the page's one script (Base.astro).
import { readStoredTheme, storeTheme, type ThemeChoice } from './theme.ts';

class SgThemeSelect extends HTMLElement {
	connectedCallback() {
		const select = this.querySelector('select')!;
		select.value = readStoredTheme();
		select.addEventListener('change', () => {
			const choice = select.value as ThemeChoice;
			storeTheme(choice);
			if (choice === 'auto') delete document.documentElement.dataset.theme;
			else document.documentElement.dataset.theme = choice;
		});
		this.hidden = false;
	}
}

customElements.define('sg-theme-select', SgThemeSelect);
