/** Offers `text` as a file download named `name` (export, and values kept aside). */
export function downloadText(text: string, name: string): void {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	link.download = name;
	link.click();
	URL.revokeObjectURL(link.href);
}
