/** A text field of a submitted form: '' when it is missing or is a file. */
export function textField(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Reads the form, answering bad bodies (wrong content type, broken encoding) with null. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (err) {
		if (err instanceof TypeError || err instanceof SyntaxError) return null;
		throw err;
	}
}
