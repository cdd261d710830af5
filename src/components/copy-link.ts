// sg-copy-link (CopyLink.astro): copies the page's address. In the page's one script (Base.astro).
class SgCopyLink extends HTMLElement {
	connectedCallback() {
		const input = this.querySelector('input')!;
		const button = this.querySelector('button')!;
		const status = this.querySelector<HTMLElement>('.status')!;
		// Where the page is really served may differ from the configured site URL.
		input.value = new URL(location.pathname, location.origin).href;
		input.addEventListener('focus', () => input.select());
		button.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(input.value);
				status.textContent = 'Link copied.';
			} catch {
				input.select();
				status.textContent = 'Copying was blocked: the link is selected, press Ctrl+C or ⌘C.';
			}
		});
		button.hidden = false;
	}
}

customElements.define('sg-copy-link', SgCopyLink);
