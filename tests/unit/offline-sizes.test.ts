// The offline step's kept gzip sizes (src/offline/build.ts): what a rebuild trusts from the last one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DownloadSizes } from '../../src/offline/build.ts';

const page = Buffer.from('<!doctype html><title>Q</title>'.repeat(40));
const gzipped = gzipSync(page, { level: 6 }).length;
const sizeFile = (content?: string) => {
	const file = join(mkdtempSync(join(tmpdir(), 'offline-sizes-')), 'offline-sizes.json');
	if (content !== undefined) writeFileSync(file, content);
	return file;
};

describe('the kept download sizes', () => {
	test('are kept by zlib version and revision, and only those a build used', () => {
		const file = sizeFile();
		const first = new DownloadSizes(file);
		expect(first.of('a.html', page, 'rev-a')).toBe(gzipped);
		expect(first.of('b.png', page, 'rev-b')).toBe(page.length); // not compressed by hosts: no entry
		first.save();
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ [`${process.versions.zlib}:rev-a`]: gzipped });
		// A kept size is used as it is: the next build compresses nothing it has seen.
		writeFileSync(file, JSON.stringify({ [`${process.versions.zlib}:rev-a`]: 7, 'old:rev-z': 9 }));
		const second = new DownloadSizes(file);
		expect(second.of('a.html', page, 'rev-a')).toBe(7);
		second.save();
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ [`${process.versions.zlib}:rev-a`]: 7 });
	});

	test.each([
		['not JSON', '{"half'],
		['a list', '[1, 2]'],
		['null', 'null'],
		['sizes that are not whole numbers', JSON.stringify({ [`${process.versions.zlib}:rev-a`]: '12' })],
		['another zlib', JSON.stringify({ 'zlib-0.0:rev-a': 12 })],
	])('unreadable or foreign (%s): every size is worked out again and the file rewritten whole', (_, content) => {
		const file = sizeFile(content);
		const sizes = new DownloadSizes(file);
		expect(sizes.of('a.html', page, 'rev-a')).toBe(gzipped);
		sizes.save();
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ [`${process.versions.zlib}:rev-a`]: gzipped });
	});
});
