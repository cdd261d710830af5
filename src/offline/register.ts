// The inline script on every page that registers the offline worker (src/offline/sw.ts). Inline, so
// a page costs no extra request; hashed into the CSP in astro.config.ts from this same string. It
// waits for the page's load, so the worker's download never competes with the first render, and
// registration alone downloads nothing but the worker: the guide is saved only when the reader asks.
// The worker's URL comes from the script's data-worker attribute, so one hash serves any base path.
export const OFFLINE_REGISTER_SCRIPT =
	"{const url=document.currentScript.dataset.worker;if('serviceWorker' in navigator)addEventListener('load',()=>navigator.serviceWorker.register(url,{updateViaCache:'none'}).catch(()=>{}))}";
