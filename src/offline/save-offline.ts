// The "save the guide" control's behaviour (markup: SaveOffline.astro). It talks to the worker
// (src/offline/sw.ts) through messages: asks for the state, asks it to save or remove the guide, and
// shows the progress and the outcome the worker reports. In an installed app (display-mode
// standalone) it asks the worker to save on its own, unless the browser asks to save data.
import { failureText, formatBytes, progressText, shouldSaveOnItsOwn, type FromWorker, type ToWorker } from '../lib/offline.ts';

class SgSaveOffline extends HTMLElement {
	#save = this.querySelector<HTMLButtonElement>('[data-save]')!;
	#remove = this.querySelector<HTMLButtonElement>('[data-remove]')!;
	#progress = this.querySelector<HTMLProgressElement>('[data-progress]')!;
	#status = this.querySelector<HTMLElement>('[data-status]')!;
	#size = this.querySelector<HTMLElement>('[data-offline-size]')!;

	connectedCallback() {
		if (!('serviceWorker' in navigator)) return;
		this.querySelector('[data-unsupported]')!.toggleAttribute('hidden', true);
		this.querySelector('[data-controls]')!.toggleAttribute('hidden', false);
		navigator.serviceWorker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.#show(event.data));
		this.#save.addEventListener('click', () => this.#send({ type: 'save' }, 'Starting…'));
		this.#remove.addEventListener('click', () => this.#send({ type: 'remove' }, 'Removing…'));
		void this.#send({ type: 'status' });
		const saveData = Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);
		// The worker also checks the reader's earlier choice: a removed copy is not saved again unasked.
		if (shouldSaveOnItsOwn({ standalone: matchMedia('(display-mode: standalone)').matches, saveData })) {
			void this.#send({ type: 'save', auto: true });
		}
	}

	/** Sends a message once a worker is active (on a first visit, once it has installed). */
	async #send(message: ToWorker, pending?: string) {
		if (pending) this.#busy(pending);
		try {
			const registration = await navigator.serviceWorker.ready;
			registration.active?.postMessage(message);
		} catch {
			this.#status.textContent = 'Saving is not available in this browser.';
		}
	}

	#busy(text: string) {
		this.#save.disabled = true;
		this.#remove.disabled = true;
		this.#status.textContent = text;
	}

	#settle({ saved }: { saved: boolean }) {
		this.#save.disabled = false;
		this.#remove.disabled = false;
		this.#save.hidden = saved;
		this.#remove.hidden = !saved;
		this.#progress.hidden = true;
	}

	#show(message: FromWorker) {
		const bytes = Number(this.#size.dataset['bytes']);
		const size = Number.isFinite(bytes) && bytes > 0 ? ` (${formatBytes(bytes)})` : '';
		switch (message.type) {
			case 'status': {
				const saved = message.choice === 'saved';
				this.#settle({ saved });
				if (saved && message.total > 0 && message.stored < message.total) {
					this.#save.hidden = false;
					this.#save.textContent = 'Save the missing files';
					this.#status.textContent = `The saved copy is incomplete: ${progressText(message.stored, message.total)} are saved.`;
				} else {
					this.#status.textContent = saved ? `The guide is available offline in this browser${size}.` : '';
				}
				break;
			}
			case 'progress':
				this.#busy(`Saving the guide: ${progressText(message.done, message.total)}.`);
				this.#progress.hidden = false;
				this.#progress.max = message.total;
				this.#progress.value = message.done;
				break;
			case 'saved':
				this.#settle({ saved: true });
				this.#status.textContent = `The guide is available offline in this browser${size}.`;
				break;
			case 'failed':
				this.#settle({ saved: false });
				this.#save.textContent = 'Try again';
				this.#status.textContent = failureText(message.file, message.reason);
				break;
			case 'removed':
				this.#settle({ saved: false });
				this.#save.textContent = 'Save the guide for offline reading';
				this.#status.textContent = 'The saved copy is removed. Pages you open are still kept as you read them.';
				break;
		}
	}
}

customElements.define('sg-save-offline', SgSaveOffline);
