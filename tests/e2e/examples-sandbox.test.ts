// What reader code cannot do (docs/security.md): each test is an attack that worked before the
// runners moved into the sandbox frame, and checks that it fails now while the page goes on.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Route } from '@playwright/test';
import { editCode, example, expect, LOAD, output, pageWithOfflineWorker, PYTHON, runToEnd, SQL, status, test } from '../helpers/example-page.ts';
import { at, BASE } from '../helpers/site.ts';

test.setTimeout(LOAD + 60_000);

/** A listener on another local port that counts every request and WebSocket upgrade it gets. */
async function listener(): Promise<{ port: number; hits: string[]; server: Server }> {
	const hits: string[] = [];
	const server = createServer((request, response) => {
		hits.push(`${request.method} ${request.url}`);
		response.writeHead(200, { 'access-control-allow-origin': '*' }).end('reached');
	});
	server.on('upgrade', (request, socket) => {
		hits.push(`upgrade ${request.url}`);
		socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { port: (server.address() as AddressInfo).port, hits, server };
}

test.describe('reader code in a Python example', () => {
	test('cannot reach another address (XHR, fetch, open_url, WebSocket) or open the site’s IndexedDB, Cache Storage or local storage', async ({ page }) => {
		const { port, hits, server } = await listener();
		try {
			await page.goto(PYTHON);
			await page.evaluate(() => localStorage.setItem('sg-sandbox-probe', 'the page’s'));
			const target = `127.0.0.1:${port}`;
			await editCode(
				page,
				`import asyncio, js
from pyodide.ffi import create_proxy

def attempt(name, action):
    try:
        action()
        print(name, "sent")
    except Exception as error:
        print(name, "refused")

def xhr():
    request = js.XMLHttpRequest.new()
    request.open("GET", "http://${target}/xhr", False)
    request.send()

def open_url():
    from pyodide.http import open_url as fetch_sync
    fetch_sync("http://${target}/open_url")

attempt("xhr", xhr)
attempt("open_url", open_url)

async def main():
    try:
        await js.fetch("http://${target}/fetch")
        print("fetch sent")
    except Exception:
        print("fetch refused")
    ended = asyncio.get_running_loop().create_future()
    def end(event):
        if not ended.done():
            ended.set_result(event.type)
    socket = js.WebSocket.new("ws://${target}/ws")
    socket.onerror = create_proxy(end)
    socket.onclose = create_proxy(end)
    socket.onopen = create_proxy(end)
    print("websocket", await ended)

asyncio.run(main())

attempt("indexedDB", lambda: js.indexedDB.open("sg-sandbox-probe"))
attempt("caches", lambda: js.caches.keys())
attempt("localStorage", lambda: js.localStorage.getItem("sg-sandbox-probe"))
print(js.self.origin)`,
			);
			await runToEnd(page);
			// An opaque origin ("null"): no storage of the site's, and no worker's storage API at all for localStorage.
			await expect(output(page)).toHaveText(
				'xhr refused\nopen_url refused\nfetch refused\nwebsocket error\nindexedDB refused\ncaches refused\nlocalStorage refused\nnull\n',
			);
			expect(hits).toEqual([]);
			expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).not.toContain('sg-sandbox-probe');
		} finally {
			server.close();
		}
	});

	test('cannot forge the end of its run, and one that ends the interpreter (os._exit) ends only its own', async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(
			page,
			`import js
from pyodide.ffi import to_js
forged = to_js({"type": "done", "failed": False}, dict_converter=js.Object.fromEntries)
js.postMessage(forged)
js.self.postMessage(forged)
print("forged")
while True:
    pass`,
		);
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page)).toHaveText('forged\n', { timeout: LOAD });
		await expect(status(page)).toHaveText('Running…');
		await expect(example(page).getByRole('button', { name: 'Stop' })).toBeVisible();
		await example(page).getByRole('button', { name: 'Stop' }).click();
		await expect(status(page)).toHaveText('Stopped.');

		// The next run works, and ends its interpreter.
		await example(page).getByRole('textbox').fill('import os\nprint("before")\nos._exit(1)');
		await runToEnd(page);
		await expect(status(page)).toContainText('Ended with an error');
		await expect(output(page)).toContainText('before');
		// And the run after that works.
		await example(page).getByRole('textbox').fill('print("after")');
		await runToEnd(page);
		await expect(status(page)).toContainText('Finished in');
		await expect(output(page)).toHaveText('after\n');
	});

	test('leaves nothing behind: a run that replaced print does not change the next run or Reset', async ({ page }) => {
		await page.goto(PYTHON);
		const recorded = await output(page).textContent();
		await editCode(page, 'import builtins, sys\nbuiltins.print = lambda *args, **kwargs: None\nsys.modules["math"] = None\nsys.stdout.write("replaced\\n")');
		await runToEnd(page);
		await expect(output(page)).toHaveText('replaced\n');
		await example(page).getByRole('textbox').fill('import math\nprint(math.floor(2.5))');
		await runToEnd(page);
		await expect(output(page)).toHaveText('2\n');
		// Reset, then the example as written prints what it was recorded printing.
		await example(page).getByRole('button', { name: 'Reset' }).click();
		await runToEnd(page);
		await expect(status(page)).toContainText('Finished in');
		await expect(output(page)).toHaveText(recorded!);
	});
});

test.describe('reader code that attacks the page through its own output', () => {
	test('cannot get past the output cap by replacing String’s slice', async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'import js, sys\njs.String.prototype.slice = js.String.prototype.split\nsys.stdout.write("B" * 5_000_000)');
		await runToEnd(page);
		await expect(output(page).locator('.example-count')).toHaveText('(output cut after 64 KB)');
		expect((await output(page).locator('.example-stream').textContent())!.length).toBeLessThanOrEqual(64 * 1024);
	});

	test('a flood of empty and tiny writes is drawn once and cut, without stalling the page', async ({ page }) => {
		await page.goto(PYTHON);
		const longest = await watchLongTasks(page);
		await editCode(page, 'import os, sys\nfor _ in range(200_000):\n    os.write(1, b"")\nfor _ in range(20_000):\n    sys.stdout.write("a")\n    sys.stdout.flush()\n    sys.stderr.write("b")\n    sys.stderr.flush()');
		await runToEnd(page);
		await expect(output(page).locator('.example-count')).toHaveText('(output cut after 64 KB)');
		await expect(output(page).getByText('Prints nothing.')).toHaveCount(0);
		expect(await longest()).toBeLessThan(1000);
	});

	test('an error it throws outside its run ends the run with the page’s own words, not the error’s', async ({ page }) => {
		await page.goto(PYTHON);
		const longest = await watchLongTasks(page);
		await editCode(
			page,
			'import asyncio, js\nfrom pyodide.ffi import create_proxy\ndef boom():\n    raise Exception("Z" * 50_000_000)\njs.setTimeout(create_proxy(boom), 0)\nasync def main():\n    while True:\n        await asyncio.sleep(0.05)\nasyncio.run(main())',
		);
		await runToEnd(page);
		await expect(status(page)).toHaveText('The example stopped its runtime. Run it again to start a fresh one.');
		expect(await longest()).toBeLessThan(1000);
	});
});

/** The longest task the page's main thread ran from now on (Long Tasks API), read by `longest()`. */
async function watchLongTasks(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { __longest: number };
		w.__longest = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
		}).observe({ type: 'longtask' });
	});
	return () => page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}

test.describe('reader code in an SQL example', () => {
	test('starts on a fresh database each time: a schema or role made by one run is gone in the next', async ({ page }) => {
		await page.goto(SQL);
		await editCode(page, 'CREATE SCHEMA keep; CREATE TABLE keep.t (x int); CREATE ROLE intruder; SET search_path TO keep;');
		await runToEnd(page);
		await expect(status(page)).toContainText('Finished in');
		await example(page).getByRole('textbox').fill(
			"SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = 'keep') AS schemas, (SELECT count(*) FROM pg_roles WHERE rolname = 'intruder') AS roles, current_setting('search_path') AS path;",
		);
		await runToEnd(page);
		await expect(output(page).getByRole('cell')).toHaveText(['0', '0', /sample/]);
	});

	// 50 times what is drawn: the cut is the same as for more, and the query stays well inside the
	// 10 s limit on a busy machine (300,000 rows once took longer there and were stopped).
	test('50,000 rows are cut to what can be read, without stalling the page', async ({ page }) => {
		await page.goto(SQL);
		const longest = await watchLongTasks(page);
		await editCode(page, 'SELECT g AS n FROM generate_series(1, 50000) AS g;');
		await runToEnd(page);
		await expect(status(page)).toContainText('Finished in');
		await expect(output(page).locator('.example-count')).toHaveText('(first 1,000 of 50,000 rows)');
		await expect(output(page).getByRole('row')).toHaveCount(1001);
		expect(await longest()).toBeLessThan(1000);
	});

	test('a wide table of empty values is cut to what can be drawn, without stalling the page', async ({ page }) => {
		await page.goto(SQL);
		const longest = await watchLongTasks(page);
		await editCode(
			page,
			"DO $$BEGIN EXECUTE 'CREATE TABLE w(' || (SELECT string_agg('c' || i || ' int', ',') FROM generate_series(1, 1600) AS i) || ')'; END$$;\nSELECT w.* FROM generate_series(1, 1000) LEFT JOIN w ON false;",
		);
		await runToEnd(page);
		await expect(status(page)).toContainText('Finished in');
		await expect(output(page).locator('.example-count').last()).toHaveText(/^\(first \d+ of 1,000 rows; first 100 of 1,600 columns\)$/);
		expect(await longest()).toBeLessThan(1000);
	});

	test('a 100 MB value is cut before it reaches the page, and the tab lives', async ({ page }) => {
		await page.goto(SQL);
		await editCode(page, "SELECT repeat('x', 100000000) AS big;");
		await runToEnd(page);
		await expect(status(page)).toContainText('Finished in');
		await expect(output(page).locator('.example-count')).toHaveText('(1 row; 1 long value cut)');
		expect(await page.evaluate(() => document.querySelector('td')!.textContent!.length)).toBeLessThan(10_000);
	});
});

test.describe('on a host that sends public/_headers', () => {
	test('an example runs under the header policy too (frame-ancestors and all)', async ({ page }) => {
		const policy = /Content-Security-Policy: (.+)/.exec(readFileSync('public/_headers', 'utf8'))![1]!;
		await page.route(/\/$/, async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
		});
		await page.goto(PYTHON);
		await editCode(page, 'print("ran")');
		await runToEnd(page);
		await expect(output(page)).toHaveText('ran\n');
	});
});

test.describe('a tab whose examples cannot load', { tag: '@base' }, () => {
	test('left open across a deploy says to reload, and keeps the recorded output', async ({ page }) => {
		await page.goto(PYTHON);
		const recorded = await output(page).textContent();
		// A newer deploy renamed the controls' bundle and the runner: this page's names are gone.
		await page.route(/\/_astro\/examples-controls\.|\/runtimes\/.*\/runner\./, (route) => route.fulfill({ status: 404, body: 'Not found' }));
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toHaveText('This page is out of date — reload to run examples.');
		await expect(output(page)).toHaveText(recorded!);
	});

	test('whose runner’s file is gone after the controls loaded says to reload', async ({ page }) => {
		await page.goto(PYTHON);
		// Gone before Edit: a pointer over Edit already asks for the runtime (intent), and fails quietly.
		await page.route(/\/runtimes\/.*\/runner\./, (route) => route.fulfill({ status: 404, body: 'Not found' }));
		await example(page).getByRole('button', { name: 'Edit' }).click();
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toHaveText('This page is out of date — reload to run examples.');
	});

	test('offline with the runtime never kept says so in one line, and keeps the recorded output', async ({ browser }) => {
		// A context of its own: the shared one has the runtime in its HTTP cache.
		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PORT ?? 4321}${BASE}`, serviceWorkers: 'block' });
		try {
			const page = await context.newPage();
			await page.goto(at('/intermediate-python/difference-deepcopy-copy/'));
			const recorded = await output(page).textContent();
			// The controls load with Edit; then the connection goes. The runtime never comes: a pointer over
			// Edit already asks for it (intent), and that download fails quietly.
			await context.route('**/runtimes/**', (route) => route.abort('internetdisconnected'));
			await example(page).getByRole('button', { name: 'Edit' }).click();
			await context.setOffline(true);
			await example(page).getByRole('button', { name: 'Run' }).click();
			await expect(status(page)).toHaveText('Python 3.14 is not saved for offline use: run an example once while online, and it runs offline after that.');
			await example(page).getByRole('button', { name: 'Reset' }).click();
			await expect(output(page)).toHaveText(recorded!);
		} finally {
			await context.close();
		}
	});
});

test.describe('a download begun on intent that fails', () => {
	test('is not kept: the Run tries again, and runs once the connection is back', async ({ browser }) => {
		// A context of its own: the shared one has the runtime in its HTTP cache.
		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PORT ?? 4321}${BASE}`, serviceWorkers: 'block' });
		try {
			const page = await context.newPage();
			await page.goto(at('/intermediate-python/difference-deepcopy-copy/'));
			// The runtime's requests are held, so the runner started on intent is seen waiting for them;
			// then the connection drops (they fail), then it is back.
			const held: Route[] = [];
			let connection: 'held' | 'dropped' | 'back' = 'held';
			await context.route('**/runtimes/**', (route) =>
				connection === 'held' ? void held.push(route) : connection === 'dropped' ? route.abort('internetdisconnected') : route.fallback(),
			);
			await example(page).getByRole('button', { name: 'Run' }).hover();
			const runners = page.locator('iframe[title="Python 3.14 runner"]');
			await expect(runners).toHaveCount(1);
			await expect.poll(() => held.length).toBeGreaterThan(0);
			connection = 'dropped';
			for (const route of held) await route.abort('internetdisconnected');
			// The runner that waited for those files goes with them.
			await expect(runners).toHaveCount(0);
			connection = 'back';
			await runToEnd(page);
			await expect(status(page)).toHaveText(/^Finished in/);
		} finally {
			await context.close();
		}
	});
});

test.describe('offline before any example was pressed', { tag: '@base' }, () => {
	test('a Run says the examples were not kept, and the recorded output stays', async ({ browser }) => {
		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PORT ?? 4321}${BASE}`, serviceWorkers: 'block' });
		try {
			const page = await context.newPage();
			await page.goto(PYTHON);
			const recorded = await output(page).textContent();
			await context.setOffline(true);
			await example(page).getByRole('button', { name: 'Run' }).click();
			await expect(status(page)).toHaveText('Offline: examples were not kept.');
			await expect(output(page)).toHaveText(recorded!);
		} finally {
			await context.close();
		}
	});
});

test.describe('a poisoned cache', { tag: '@base' }, () => {
	test('reader code cannot replace the site’s cached script: after a reload the page runs its own', async ({ browser }) => {
		const { context, page } = await pageWithOfflineWorker(browser, PYTHON);
		try {
			// A second page view: the offline worker keeps what the first visit read, scripts included.
			await page.reload();
			const title = await page.title();
			await editCode(
				page,
				`import asyncio, js
async def main():
    try:
        names = await js.caches.keys()
    except Exception as error:
        print("caches refused")
        return
    for name in names:
        cache = await js.caches.open(name)
        for request in await cache.keys():
            if request.url.endswith(".js"):
                await cache.put(request, js.Response.new("document.title = 'PWNED'"))
    print("poisoned")
asyncio.run(main())`,
			);
			await runToEnd(page);
			await expect(output(page)).toHaveText('caches refused\n');
			await page.reload();
			await expect(example(page).getByRole('button', { name: 'Run' })).toBeVisible();
			expect(await page.title()).toBe(title);
			const poisoned = await page.evaluate(async () => {
				let count = 0;
				for (const name of await caches.keys()) {
					const cache = await caches.open(name);
					for (const request of await cache.keys()) if ((await (await cache.match(request))!.text()).includes('PWNED')) count += 1;
				}
				return count;
			});
			expect(poisoned).toBe(0);
		} finally {
			await context.close();
		}
	});
});
