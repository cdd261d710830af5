// A content file that is a YAML list (the search vocabulary, the confusable questions): read with
// errors that name the file; its items are then checked one by one by that file's own rules.
import { parse } from 'yaml';

/**
 * The items of `text`; fails naming `file` when it is not YAML or not a list (`shape` says a list
 * of what, as the error should: "groups (- id: …)").
 */
export function yamlList(text: string, file: string, shape: string): unknown[] {
	let data: unknown;
	try {
		data = parse(text);
	} catch (error) {
		throw new Error(`${file}: not valid YAML (${(error as Error).message})`, { cause: error });
	}
	if (!Array.isArray(data)) throw new Error(`${file}: must be a list of ${shape}`);
	return data;
}
