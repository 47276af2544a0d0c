import type { Client } from './http';

/**
 * What a form action answered to a `use:enhance` request: SvelteKit's JSON envelope
 * ({type, status, data | error | location}), with `data` decoded from devalue's flat format.
 */
export type ActionResult =
	| { type: 'success' | 'failure'; status: number; data: Record<string, unknown> }
	| { type: 'redirect'; status: number; location: string }
	| { type: 'error'; status: number; error: { message?: string } };

/**
 * Decodes devalue's output for the plain data actions return (objects, arrays, strings,
 * numbers, booleans, null): a JSON array whose first entry is the root, and every other
 * value is an index into the array. Negative indexes are devalue's constants.
 */
export function decodeDevalue(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	if (typeof table === 'number') return constant(table);
	const seen = new Map<number, unknown>();
	const hydrate = (index: number): unknown => {
		if (index < 0) return constant(index);
		if (seen.has(index)) return seen.get(index);
		const raw = table[index];
		if (Array.isArray(raw)) {
			if (typeof raw[0] === 'string') throw new Error(`devalue type ${raw[0]} is not decoded here`);
			const out: unknown[] = [];
			seen.set(index, out);
			for (const i of raw as number[]) out.push(hydrate(i));
			return out;
		}
		if (raw && typeof raw === 'object') {
			const out: Record<string, unknown> = {};
			seen.set(index, out);
			for (const [key, i] of Object.entries(raw as Record<string, number>)) out[key] = hydrate(i);
			return out;
		}
		return raw;
	};
	return hydrate(0);
}

function constant(index: number): unknown {
	// devalue: -1 undefined, -2 hole, -3 NaN, -4 Infinity, -5 -Infinity, -6 -0
	return ({ [-1]: undefined, [-2]: undefined, [-3]: NaN, [-4]: Infinity, [-5]: -Infinity, [-6]: -0 } as Record<number, unknown>)[index];
}

/** Parses the body of an enhanced action's response. */
export function parseActionResult(body: string): ActionResult {
	const envelope = JSON.parse(body) as Record<string, unknown>;
	if (envelope.type === 'success' || envelope.type === 'failure') {
		const data = typeof envelope.data === 'string' ? decodeDevalue(envelope.data) : envelope.data;
		return { type: envelope.type, status: Number(envelope.status), data: (data ?? {}) as Record<string, unknown> };
	}
	if (envelope.type === 'redirect') return { type: 'redirect', status: Number(envelope.status), location: String(envelope.location) };
	return { type: 'error', status: Number(envelope.status ?? 500), error: (envelope.error ?? {}) as { message?: string } };
}

/**
 * Posts urlencoded fields as `use:enhance` does; `fields` may repeat a name (an ordering's
 * `order` inputs).
 */
export function postEnhanced(client: Client, path: string, fields: URLSearchParams): Promise<Response> {
	return client.request(path, {
		method: 'POST',
		body: fields,
		headers: {
			origin: client.base,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
}
