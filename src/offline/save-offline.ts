// The "save the guide" control's behaviour (markup: SaveOffline.astro). It asks the active worker
// (sw.ts) which list of files it serves, downloads the files not stored yet into the worker's
// cache with their revision keys, showing "212 of 348 files", and keeps the reader's choice where
// the next build's worker reads it (to update the saved copy, or to leave it removed). In an
// installed app (display-mode standalone) it saves on its own, unless the browser asks to save
// data or the reader removed the copy before. Tabs open on the site tell each other when the guide
// is saved or removed, so none of them goes on showing a state that is no longer true.
import {
	CHOICE_CACHE,
	choiceKey,
	failureText,
	FILES_CACHE,
	formatBytes,
	progressText,
	RUNTIME_CACHE,
	runtimesFailureText,
	shouldSaveOnItsOwn,
	type OfflineChoice,
} from '../lib/offline.ts';
import { download, missing, readList, reasonOf, type Entry } from './files.ts';

/** The list URL the active worker serves, asked over a message channel. */
function listOf(worker: ServiceWorker): Promise<string> {
	return new Promise((resolve, reject) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = (event: MessageEvent<string>) => resolve(event.data);
		setTimeout(() => reject(new Error('the offline worker did not answer')), 10_000);
		worker.postMessage('list', [channel.port2]);
	});
}

/** Thrown when no worker is active 10 s after the control asks for one. */
class NoWorker extends Error {}

/**
 * The registration once its worker is active. `ready` never settles when the worker cannot start
 * (its file did not download, or the browser refused it), so the control stops waiting after 10 s.
 */
function activeWorker(): Promise<ServiceWorkerRegistration> {
	return new Promise((resolve, reject) => {
		setTimeout(() => reject(new NoWorker()), 10_000);
		void navigator.serviceWorker.ready.then(resolve);
	});
}

/** What the control says once the copy is removed (here, or in another tab). */
const REMOVED = 'The saved copy is removed. Pages you open are still kept as you read them.';
/** What it says once the runtimes are all kept. */
const RUNTIMES_SAVED = 'Python and PostgreSQL are saved too: the examples run offline.';
/** What a look at the saved copy gives when a newer look, or a saving or removal, began after it. */
const SUPERSEDED = Symbol('superseded');

class SgSaveOffline extends HTMLElement {
	#save = this.querySelector<HTMLButtonElement>('[data-save]')!;
	#remove = this.querySelector<HTMLButtonElement>('[data-remove]')!;
	#progress = this.querySelector<HTMLProgressElement>('[data-progress]')!;
	#status = this.querySelector<HTMLElement>('[data-status]')!;
	#runtimesOffer = this.querySelector<HTMLElement>('[data-runtimes-offer]')!;
	#saveRuntimesButton = this.#runtimesOffer.querySelector('button')!;
	/** The runtimes' list, relative to the worker's scope (empty when the build has none). */
	#runtimesList = this.querySelector<HTMLElement>('[data-runtimes]')?.dataset['runtimes'] ?? '';
	#saving = false;
	/** Stops this tab's saving when another tab removes the copy. */
	#stop: AbortController | undefined;
	/** Tells the other tabs on the site that the guide was saved or removed (not this one: a channel skips its sender). */
	#tabs: BroadcastChannel | undefined;
	/**
	 * Looks at what is saved can overlap (a page back from the back/forward cache, then a removal in
	 * another tab): each takes a number, and only the newest shows what it found, as an older one may
	 * end last. The region is busy while any look is under way.
	 */
	#looks = 0;
	#looking = 0;
	#region = this.querySelector<HTMLElement>('section')!;

	connectedCallback() {
		if (!('serviceWorker' in navigator) || !('caches' in window)) return;
		// A browser that blocks site data (a setting, some private windows) refuses the cache storage, and
		// the worker with it: the paragraph that says saving needs them stays, and no button is offered.
		caches.keys().then(
			() => this.#start(),
			() => {},
		);
	}

	#start() {
		this.querySelector('[data-unsupported]')!.toggleAttribute('hidden', true);
		this.querySelector('[data-controls]')!.toggleAttribute('hidden', false);
		this.#save.addEventListener('click', () => void this.#saveGuide());
		this.#remove.addEventListener('click', () => void this.#removeGuide());
		this.#saveRuntimesButton.addEventListener('click', () => void this.#saveRuntimes());
		this.#listen();
		// An open channel keeps the page out of some browsers' back/forward cache: it is closed as the
		// page is left, and opened again, with the state shown afresh, if the page comes back from there.
		addEventListener('pagehide', () => this.#tabs?.close());
		addEventListener('pageshow', (event) => {
			if (!event.persisted) return;
			this.#listen();
			void this.#changedElsewhere();
		});
		void this.#showState()
			.then(async (choice) => {
				const saveData = Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);
				if (choice === undefined && shouldSaveOnItsOwn({ standalone: matchMedia('(display-mode: standalone)').matches, saveData })) {
					await this.#saveGuide();
				}
			})
			// No worker started: the control stays as the page drew it, and Save says why it cannot.
			.catch(() => {});
	}

	/** "(about 1.4 MB)", as the build wrote it. */
	get #size() {
		const about = this.querySelector<HTMLElement>('[data-offline-size]')?.textContent?.match(/about [\d.]+ \w+/)?.[0];
		return about ? ` (${about})` : '';
	}

	/** The worker's scope and list (on a first visit, once the worker has installed). */
	async #list(): Promise<{ scope: string; entries: Map<string, Entry> }> {
		const registration = await activeWorker();
		const url = await listOf(registration.active!);
		return { scope: registration.scope, entries: await readList(await fetch(url), registration.scope) };
	}

	/** This build's runtime files, and those not kept yet; null when the build has none. */
	async #runtimesLeft(): Promise<{ entries: Map<string, Entry>; todo: Entry[] } | null> {
		if (!this.#runtimesList) return null;
		const { scope } = await activeWorker();
		const response = await fetch(new URL(this.#runtimesList, scope));
		// A newer deploy renamed the list: this page's offer is out of date.
		if (response.status === 404) throw new Error('the site was updated since this page was opened; reload the page');
		const entries = await readList(response, scope);
		// Asked before opened: opening makes the cache, and a reader who never ran an example has none.
		const todo = (await caches.has(RUNTIME_CACHE)) ? await missing(entries, await caches.open(RUNTIME_CACHE)) : [...entries.values()];
		return { entries, todo };
	}

	/**
	 * Offers the runtimes once the guide is saved, unless they are all kept already (then says so).
	 * After a deploy that changed some of their files, the offer is to update them, with what that costs.
	 */
	async #showRuntimes(isCurrent = () => true) {
		this.#runtimesOffer.hidden = true;
		try {
			const left = await this.#runtimesLeft();
			if (!left || !isCurrent()) return;
			if (left.todo.length === 0) {
				this.#status.textContent += ` ${RUNTIMES_SAVED}`;
				return;
			}
			if (left.todo.length < left.entries.size) {
				const bytes = left.todo.reduce((sum, entry) => sum + entry.size, 0);
				this.#saveRuntimesButton.textContent = `Update Python and PostgreSQL to run the examples offline: about ${formatBytes(bytes)}`;
			}
			this.#runtimesOffer.hidden = false;
		} catch {
			// Offline, the list cannot be fetched: nothing to offer now.
		}
	}

	/** Downloads `todo` (of `total` files) into `cache`, showing "Saving the guide: 212 of 348 files."; the first failure, if any. */
	async #download(what: string, todo: Entry[], total: number, cache: Cache, signal: AbortSignal) {
		let done = total - todo.length;
		const show = () => {
			this.#progress.max = total;
			this.#progress.value = done;
			this.#status.textContent = `Saving ${what}: ${progressText(done, total)}.`;
		};
		this.#progress.hidden = false;
		show();
		return download(
			todo,
			cache,
			() => {
				done++;
				show();
			},
			signal,
		);
	}

	async #saveRuntimes() {
		if (this.#saving) return;
		this.#saving = true;
		const stop = (this.#stop = new AbortController());
		this.#busy('Starting…');
		const button = this.#saveRuntimesButton;
		button.disabled = true;
		let failure: { file: string; reason: string } | undefined;
		try {
			const { entries, todo } = (await this.#runtimesLeft())!;
			const cache = await caches.open(RUNTIME_CACHE);
			failure = await this.#download('Python and PostgreSQL', todo, entries.size, cache, stop.signal);
			// An earlier deploy's runtime files, kept as read or saved before: not on this list, never used again.
			if (!failure && !stop.signal.aborted) {
				for (const request of await cache.keys()) if (!entries.has(request.url)) await cache.delete(request);
			}
		} catch (error) {
			failure = { file: 'the list of files', reason: reasonOf(error) };
		} finally {
			this.#saving = false;
			button.disabled = false;
			this.#tabs?.postMessage('changed');
		}
		if (stop.signal.aborted) {
			// Another tab removed the copy meanwhile: what this one downloaded goes too.
			await caches.delete(RUNTIME_CACHE);
			this.#settle(false);
			this.#status.textContent = 'The saved copy was removed in another tab. Pages you open are still kept as you read them.';
			return;
		}
		this.#settle(true);
		if (failure) {
			button.textContent = 'Try saving Python and PostgreSQL again';
			this.#status.textContent = runtimesFailureText(failure.file, failure.reason);
		} else {
			this.#runtimesOffer.hidden = true;
			this.#status.textContent = `The guide is available offline in this browser${this.#size}. ${RUNTIMES_SAVED}`;
			// The pressed button is gone: the focus goes to the control that is left, not to the page's start.
			this.#remove.focus();
		}
	}

	async #choice(): Promise<OfflineChoice | undefined> {
		const { scope } = await activeWorker();
		return (await (await caches.match(choiceKey(scope), { cacheName: CHOICE_CACHE }))?.text()) as OfflineChoice | undefined;
	}

	async #choose(choice: OfflineChoice) {
		const { scope } = await activeWorker();
		await (await caches.open(CHOICE_CACHE)).put(choiceKey(scope), new Response(choice));
	}

	/** Shows whether the guide is saved, and whether all of this build's files are there. */
	async #showState(): Promise<OfflineChoice | undefined | typeof SUPERSEDED> {
		const look = ++this.#looks;
		const isCurrent = () => look === this.#looks;
		this.#looking++;
		this.#region.setAttribute('aria-busy', 'true');
		try {
			const choice = await this.#choice();
			if (!isCurrent()) return SUPERSEDED;
			this.#settle(choice === 'saved');
			if (choice !== 'saved') return choice;
			try {
				const { entries } = await this.#list();
				const total = entries.size;
				const left = (await missing(entries, await caches.open(FILES_CACHE))).length;
				if (!isCurrent()) return SUPERSEDED;
				if (left > 0) {
					this.#save.hidden = false;
					this.#save.textContent = 'Save the missing files';
					this.#status.textContent = `The saved copy is incomplete: ${progressText(total - left, total)} are saved.`;
					return choice;
				}
			} catch {
				// Offline, the list cannot be fetched; what was saved is there all the same.
				if (!isCurrent()) return SUPERSEDED;
			}
			this.#status.textContent = `The guide is available offline in this browser${this.#size}.`;
			await this.#showRuntimes(isCurrent);
			return choice;
		} finally {
			if (--this.#looking === 0) this.#region.removeAttribute('aria-busy');
		}
	}

	#listen() {
		this.#tabs = new BroadcastChannel('sg-offline');
		this.#tabs.addEventListener('message', () => void this.#changedElsewhere());
	}

	/** Another tab saved or removed the guide: show what is true now; a removal stops this tab's saving. */
	async #changedElsewhere() {
		if (this.#saving) {
			if ((await this.#choice()) === 'removed') this.#stop?.abort();
			return;
		}
		if ((await this.#showState()) === 'removed') this.#status.textContent = REMOVED;
	}

	async #saveGuide() {
		if (this.#saving) return;
		this.#saving = true;
		const stop = (this.#stop = new AbortController());
		this.#busy('Starting…');
		try {
			await this.#choose('saved');
			const { entries } = await this.#list();
			const cache = await caches.open(FILES_CACHE);
			const failure = await this.#download('the guide', await missing(entries, cache), entries.size, cache, stop.signal);
			this.#settle(!failure && !stop.signal.aborted);
			if (stop.signal.aborted) {
				this.#save.textContent = 'Save the guide for offline reading';
				this.#status.textContent = 'The saved copy was removed in another tab. Pages you open are still kept as you read them.';
			} else if (failure) {
				this.#save.textContent = 'Try again';
				this.#status.textContent = failureText(failure.file, failure.reason);
			} else {
				this.#status.textContent = `The guide is available offline in this browser${this.#size}.`;
				await this.#showRuntimes();
			}
		} catch (error) {
			this.#settle(false);
			this.#save.textContent = 'Try again';
			this.#status.textContent =
				error instanceof NoWorker
					? 'The guide could not be saved: the offline worker did not start (its file did not download, or this browser does not allow it). The site works online as before; try again later.'
					: failureText('the list of files', reasonOf(error));
		} finally {
			this.#saving = false;
			this.#tabs?.postMessage('changed');
		}
	}

	async #removeGuide() {
		this.#busy('Removing…');
		await this.#choose('removed');
		// The runtimes go with the copy: tens of MB a reader removing it expects back.
		await Promise.all([caches.delete(FILES_CACHE), caches.delete(RUNTIME_CACHE)]);
		this.#settle(false);
		this.#save.textContent = 'Save the guide for offline reading';
		this.#status.textContent = REMOVED;
		this.#tabs?.postMessage('changed');
	}

	#busy(text: string) {
		// A look at the saved copy under way would show what this saving or removal changes.
		this.#looks++;
		this.#save.disabled = true;
		this.#remove.disabled = true;
		this.#status.textContent = text;
	}

	#settle(saved: boolean) {
		this.#save.disabled = false;
		this.#remove.disabled = false;
		this.#save.hidden = saved;
		this.#remove.hidden = !saved;
		this.#progress.hidden = true;
		if (!saved) this.#runtimesOffer.hidden = true;
	}
}

customElements.define('sg-save-offline', SgSaveOffline);
