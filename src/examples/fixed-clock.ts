// Imported first by the scripts that make a runtime's starting state (make-*.ts), in a process of
// their own: the clock and every source of random bytes give fixed values there, so the same
// runtime gives the same bytes on every build (Python seeds its `random` module at start; PostgreSQL
// names its cluster from the time). Never imported by the site or the build itself.
import nodeCrypto from 'node:crypto';

const fill = <T extends ArrayBufferView | null>(array: T): T => {
	if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(7);
	return array;
};
globalThis.crypto.getRandomValues = fill;
nodeCrypto.randomFillSync = fill as typeof nodeCrypto.randomFillSync;
nodeCrypto.randomBytes = ((size: number) => Buffer.alloc(size, 7)) as typeof nodeCrypto.randomBytes;
Math.random = () => 0.5;
const RealDate = Date;
globalThis.Date = class extends RealDate {
	constructor(...args: ConstructorParameters<DateConstructor> | []) {
		super(...((args.length > 0 ? args : [0]) as [number]));
	}
	static override now() {
		return 0;
	}
} as DateConstructor;
performance.now = () => 0;
process.hrtime = Object.assign(() => [0, 0] as [number, number], { bigint: () => 0n });
