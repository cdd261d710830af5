// What more than one of the benchmarks uses: medians over runs, and the size of a built folder.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const median = (numbers: number[]) => {
	const sorted = [...numbers].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function folderSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const stat = statSync(join(dir, name));
		if (stat.isFile()) {
			bytes += stat.size;
			files++;
		}
	}
	return { bytes, files };
}
