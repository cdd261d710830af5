// localStorage in memory, for the progress store's tests; `full` makes every write throw as a full
// storage does. Two stores given one FakeStorage behave as two tabs.
export class FakeStorage implements Storage {
	items = new Map<string, string>();
	full = false;
	get length() {
		return this.items.size;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	clear() {
		this.items.clear();
	}
}
