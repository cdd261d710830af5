// Registers the offline worker (src/offline/sw.ts) from the page's one script (Base.astro): no
// inline script of its own, and so no hash in every page's policy. It waits for the page's load, so
// the worker's download never competes with the first render, and registration alone downloads
// nothing but the worker: the guide is saved only when the reader asks. The worker's address is the
// body's data-worker, made at build time: importing the links module would put it in a chunk of its
// own, shared with the lazy chunks (one more request on every page). `astro dev` has no worker.

const worker = document.body.dataset['worker'];
if (worker && 'serviceWorker' in navigator) {
	addEventListener('load', () => void navigator.serviceWorker.register(worker, { updateViaCache: 'none' }).catch(() => {}));
}
