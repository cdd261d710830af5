// sg-code-copy (CodeCopy.astro): a "Copy code" button on each code block. In the page's one script (Base.astro).
class SgCodeCopy extends HTMLElement {
	connectedCallback() {
		// Code blocks only (Shiki's), not a runnable example's output.
		for (const pre of this.querySelectorAll('pre.astro-code')) {
			const wrapper = document.createElement('div');
			wrapper.className = 'code-block';
			pre.before(wrapper);

			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'no-print';
			button.textContent = 'Copy code';
			button.addEventListener('click', async () => {
				const code = pre.querySelector('code')?.textContent ?? pre.textContent ?? '';
				try {
					await navigator.clipboard.writeText(code);
					button.textContent = 'Copied';
				} catch {
					button.textContent = 'Copy blocked';
				}
				setTimeout(() => (button.textContent = 'Copy code'), 2000);
			});
			// Above the code, as its header, never over a line of it; first in tab order, as it is on screen.
			wrapper.append(button, pre);
		}
	}
}

customElements.define('sg-code-copy', SgCodeCopy);
