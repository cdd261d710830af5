import { describe, expect, test } from 'vitest';
import { renderInline, toPlainText } from '../../src/markdown/inline.ts';

describe('renderInline', () => {
	test('renders inline code and escapes HTML', () => {
		expect(renderInline('What is the `__init__.py` file?')).toBe('What is the <code>__init__.py</code> file?');
		expect(renderInline('Is `<b>` & "x" safe?')).toBe('Is <code>&lt;b&gt;</code> &amp; &quot;x&quot; safe?');
	});

	test('shows links and HTML in a title as their text only', () => {
		expect(renderInline('A [link](https://example.com) and <i>tag</i>')).toBe('A link and tag');
	});
});

describe('toPlainText', () => {
	test('returns the text without Markdown', () => {
		expect(toPlainText('What does `if __name__ == "__main__":` mean?')).toBe('What does if __name__ == "__main__": mean?');
	});
});
