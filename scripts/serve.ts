// Serves a built site as a static host does (GitHub Pages, Netlify, nginx with `try_files`):
// a folder's address without its trailing slash is redirected to the slashed one (/q/7 -> /q/7/),
// a missing file gets dist/404.html with status 404, text is gzipped when the browser accepts it,
// and nothing outside the folder or the base path is served. `npm start` runs it after the build,
// and the browser tests and the benchmark use the same server, so what they measure is what a
// reader gets from a host. Astro's own `astro preview` answers a bare 404 for /q/7 when
// trailingSlash is 'always', and keeps one lock per project (.astro/preview.json).
//
// Usage: node scripts/serve.ts [--dir dist] [--port 4321] [--host 127.0.0.1]
// The base path is BASE_PATH, as for the build ("/" when unset).
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { lookup } from 'mrmime';

/** Text types worth compressing on the fly, as hosts do. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json))|\+xml$/;

export interface StaticServerOptions {
	/** The built site's folder. */
	root: string;
	/** The base path the site was built with: "/" or "/guide/". */
	base?: string;
}

/** What a request for `pathname` gets: a file, a redirect to the slashed folder, or the 404 page. */
export type Resolution =
	| { kind: 'file'; file: string; status: 200 | 404 }
	| { kind: 'redirect'; location: string }
	| { kind: 'missing' };

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Decides what a static host answers for a URL path (already split from its query). */
export function resolveRequest(pathname: string, { root, base = '/' }: StaticServerOptions): Resolution {
	const folder = resolve(root);
	const notFound = (): Resolution => {
		const page = join(folder, '404.html');
		return isFile(page) ? { kind: 'file', file: page, status: 404 } : { kind: 'missing' };
	};
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return notFound();
	}
	// The base path without its slash ("/guide") is the site's root, as hosts treat it.
	// "//host/..." would make the slash redirect below point at another site.
	if (decoded.startsWith('//')) return notFound();
	if (`${decoded}/` === base) return { kind: 'redirect', location: base };
	if (!decoded.startsWith(base) || decoded.includes('\0')) return notFound();
	const target = resolve(folder, `.${sep}${decoded.slice(base.length)}`);
	if (target !== folder && !target.startsWith(folder + sep)) return notFound();
	if (isFolder(target)) {
		if (!decoded.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
		const index = join(target, 'index.html');
		return isFile(index) ? { kind: 'file', file: index, status: 200 } : notFound();
	}
	return isFile(target) ? { kind: 'file', file: target, status: 200 } : notFound();
}

/** A Node HTTP server for a built site; call listen() on it. */
export function createStaticServer(options: StaticServerOptions): Server {
	return createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://host');
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const answer = resolveRequest(url.pathname, options);
		if (answer.kind === 'redirect') {
			response.writeHead(301, { location: answer.location + url.search }).end();
			return;
		}
		if (answer.kind === 'missing') {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
			return;
		}
		const type = lookup(extname(answer.file)) ?? 'application/octet-stream';
		const headers: Record<string, string> = {
			'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
			'x-content-type-options': 'nosniff',
		};
		const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		if (gzip) {
			headers['content-encoding'] = 'gzip';
			headers.vary = 'Accept-Encoding';
		} else {
			headers['content-length'] = String(statSync(answer.file).size);
		}
		response.writeHead(answer.status, headers);
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		const body = createReadStream(answer.file);
		(gzip ? body.pipe(createGzip({ level: 9 })) : body).pipe(response);
	});
}

// Run as a command: serve the build and say where.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { values } = parseArgs({
		options: {
			dir: { type: 'string', default: process.env.OUT_DIR ?? 'dist' },
			port: { type: 'string', default: process.env.PORT ?? '4321' },
			host: { type: 'string', default: '127.0.0.1' },
		},
	});
	const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
	if (!isFile(join(values.dir, 'index.html'))) {
		console.error(`serve: ${values.dir}/index.html is missing: build the site first (npm run build).`);
		process.exit(1);
	}
	const server = createStaticServer({ root: values.dir, base });
	server.on('error', (error: NodeJS.ErrnoException) => {
		console.error(
			error.code === 'EADDRINUSE' ? `serve: port ${values.port} is in use; choose another with PORT=…` : `serve: ${error.message}`,
		);
		process.exit(1);
	});
	server.listen(Number(values.port), values.host, () => {
		console.log(`Serving ${values.dir}/ at http://${values.host}:${values.port}${base} (Ctrl+C stops it)`);
	});
}
