/**
 * A small HTTP client with a cookie jar, for tests against the real server. Form posts
 * carry the Origin header a browser would send, so SvelteKit's CSRF check sees a
 * same-origin request.
 */
export class Client {
	readonly cookies = new Map<string, string>();
	/**
	 * The address this client claims to come from. Servers started with
	 * `trustAddressHeader` read it, so throttling per address can be tested with
	 * many "machines" on loopback.
	 */
	readonly address = `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

	constructor(readonly base: string) {}

	private cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private remember(res: Response): void {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line);
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookies.size) headers.set('cookie', this.cookieHeader());
		if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.address);
		const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
		this.remember(res);
		return res;
	}

	get(path: string, headers: Record<string, string> = {}): Promise<Response> {
		return this.request(path, { headers });
	}

	/** Posts a urlencoded form as a browser without JavaScript would. */
	postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
		return this.request(path, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: {
				origin: this.base,
				accept: 'text/html,application/xhtml+xml',
				'content-type': 'application/x-www-form-urlencoded',
				...headers
			}
		});
	}

	/** Posts as `use:enhance` does: the action answers JSON instead of a page. */
	postAction(path: string, fields: Record<string, string>): Promise<Response> {
		return this.postForm(path, fields, { 'x-sveltekit-action': 'true', accept: 'application/json' });
	}

	async signUp(fields: { name: string; email: string; password: string; role: 'student' | 'teacher' }): Promise<Response> {
		return this.postForm('/signup', fields);
	}

	async logIn(email: string, password: string): Promise<Response> {
		return this.postForm('/login', { email, password });
	}
}
