// The sandbox reader code runs in (docs/security.md): a frame with an opaque origin
// (`sandbox="allow-scripts"`, no `allow-same-origin`) made from a `srcdoc` document, and in it a
// worker made from a `blob:` script. The frame's origin is no site's, so nothing in it can open the
// site's Cache Storage, IndexedDB, localStorage, cookies or service worker; its policy allows no
// connection at all, and the worker inherits that policy. The page hands the runtime's bytes in
// (the runtimes never fetch), and removing the frame ends the worker, whatever it is doing.
// Pure: the build turns this into the document's text (with the script's hash), the page uses it.

/**
 * The frame's one script. It takes the page's first message (from the page, not from the worker),
 * starts the runner from the script text the page fetched, hands the runner its port (the files
 * come on it), and reports on its own port when the runner fails to start or throws (without the
 * error's text, which reader code writes). It does nothing outside an opaque origin: the site's own pages allow
 * its hash, and on the site's origin it would start a worker with the site's storage. Workers from a `blob:` URL
 * must be classic ones here: Chromium refuses a module worker's script in an opaque-origin frame.
 */
export const SANDBOX_SCRIPT = `onmessage=function(e){if(origin!=="null"||e.source!==parent)return;onmessage=null;var c=e.ports[0],d=e.data;try{var w=new Worker(URL.createObjectURL(new Blob([d.source],{type:"text/javascript"})),{name:d.name});w.onerror=function(x){x.preventDefault();c.postMessage({type:"crashed"})};w.postMessage(null,[e.ports[1]])}catch(x){c.postMessage({type:"crashed"})}};`;

/**
 * The frame's own policy, enforced with the page's (a `srcdoc` document inherits its parent's):
 * no fetch, XHR, WebSocket, EventSource or beacon to any address; no script but its own and the
 * runner's `blob:`; WebAssembly compiled from bytes. `scriptHash` is SANDBOX_SCRIPT's (sha256-…).
 */
export const sandboxPolicy = (scriptHash: string) => `default-src 'none'; script-src '${scriptHash}' 'wasm-unsafe-eval'; worker-src blob:`;

/** The frame's document, as the build writes it into the page's controls. */
export const sandboxDocument = (scriptHash: string) =>
	`<!doctype html><meta http-equiv="content-security-policy" content="${sandboxPolicy(scriptHash)}"><script>${SANDBOX_SCRIPT}</script>`;

/**
 * What the page's own policy adds on a page with runnable examples: the frame inherits it, and makes
 * its runner from a `blob:` URL ('self' is the offline worker's registration).
 */
export const PAGE_WORKER_SOURCES = "worker-src 'self' blob:";

/**
 * The address the runtimes' loaders are told their files are at. Nothing is fetched from it: in the
 * runner, fetch() answers those names from the bytes the page handed in and refuses every other.
 */
export const RUNNER_BASE = 'https://runtime.invalid/';
