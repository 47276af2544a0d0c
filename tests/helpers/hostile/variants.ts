import { EVIL_ORIGIN, HUGE_NAME, ONE_MB, PAYLOADS, type Fields, type Sent, type Value } from './requests';
import { unique, type Expect, type Kind, type Target, type Variant } from './table';
import type { World } from './world';

/** Route ids that name nothing: negative, zero, words, fractions, exponents, too big, SQL, NUL. */
const BAD_IDS = ['-1', '0', 'abc', '1.5', '1e3', '99999999999999999999', encodeURIComponent("1' OR '1'='1"), '%00'];

function withField(base: Fields, field: string, value: Value | undefined): Fields {
	const out = { ...base };
	if (value === undefined) delete out[field];
	else out[field] = value;
	return out;
}

/** Payloads for one field and whether each must be refused. */
function fieldPayloads(kind: Kind, required: boolean): [string, Value, Expect][] {
	const emptyExpect: Expect = required ? 'refuse' : 'either';
	const common: [string, Value, Expect][] = [
		['script', PAYLOADS.script, 'either'],
		['SQL OR', PAYLOADS.sqlOr, 'either'],
		['SQL DROP', PAYLOADS.sqlDrop, 'either']
	];
	switch (kind.type) {
		case 'line':
			return [
				['empty', '', emptyExpect],
				['only spaces', PAYLOADS.whitespaceOnly, emptyExpect],
				['only zero-width characters', PAYLOADS.zeroWidthOnly, emptyExpect],
				['10,000 characters', HUGE_NAME, 'refuse'],
				['1 MB', ONE_MB, 'refuse'],
				['NUL', PAYLOADS.nul, 'refuse'],
				['a control character', PAYLOADS.bell, 'refuse'],
				['a C1 control character', PAYLOADS.c1, 'refuse'],
				['a right-to-left override', PAYLOADS.rtlOverride, 'refuse'],
				['a lone surrogate (raw bytes)', PAYLOADS.loneSurrogate, 'refuse'],
				['an invalid byte', PAYLOADS.badByte, 'refuse'],
				['emoji, joiners and combining marks', PAYLOADS.emoji, 'either'],
				...common
			];
		case 'text':
			return [
				['empty', '', emptyExpect],
				['only spaces', PAYLOADS.whitespaceOnly, emptyExpect],
				['one over the limit', 'x'.repeat(kind.max + 1), 'refuse'],
				['1 MB', ONE_MB, 'refuse'],
				['NUL', PAYLOADS.nul, 'refuse'],
				['a lone surrogate (raw bytes)', PAYLOADS.loneSurrogate, 'either'],
				['emoji, joiners and combining marks', PAYLOADS.emoji, 'either'],
				...common
			];
		case 'email':
			return [
				['empty', '', 'refuse'],
				['no at sign', 'not-an-email', 'refuse'],
				['10,000 characters', `${HUGE_NAME}@example.org`, 'refuse'],
				['NUL', 'a\u0000b@example.org', 'refuse'],
				['a right-to-left override', 'gro.elpmaxe@\u202Eab', 'refuse'],
				['a lone surrogate (raw bytes)', PAYLOADS.loneSurrogate, 'refuse'],
				['script', `${PAYLOADS.script}@example.org`, 'refuse'],
				['SQL OR', `${PAYLOADS.sqlOr}@example.org`, 'refuse'],
				['an apostrophe', `o'brien-${unique()}@example.org`, 'either'],
				['non-ASCII', `zoë-${unique()}@exämple.org`, 'either']
			];
		case 'secret':
			return [
				['empty', '', 'refuse'],
				['10,000 characters', HUGE_NAME, 'refuse'],
				['NUL', PAYLOADS.nul, 'either'],
				...common
			];
		case 'number':
			return [
				['empty', '', required ? 'refuse' : 'either'],
				...(['abc', '-1', '1e999', 'Infinity', 'NaN', '9'.repeat(400), '0x10', '1,5', PAYLOADS.sqlOr, PAYLOADS.script] as const).map(
					(v): [string, Value, Expect] => [`not a number we take: ${v.slice(0, 20)}`, v, kind.lenient ? 'either' : 'refuse']
				)
			];
		case 'id':
			return [
				['empty', '', 'refuse'],
				...(['abc', '-1', '0', '1.5', '99999999999999999999', "1 OR 1=1", PAYLOADS.script] as const).map((v): [string, Value, Expect] => [`id ${v.slice(0, 20)}`, v, 'refuse'])
			];
		case 'enum':
			return [
				['empty', '', required ? 'refuse' : 'either'],
				['not one of the choices', 'bogus', 'refuse'],
				['script', PAYLOADS.script, 'refuse'],
				['SQL OR', PAYLOADS.sqlOr, 'refuse'],
				['1 MB', ONE_MB, 'refuse']
			];
		case 'code':
			return [
				['empty', '', 'refuse'],
				['unknown', 'NOPE2345', 'refuse'],
				['10,000 characters', HUGE_NAME, 'refuse'],
				['NUL', PAYLOADS.nul, 'refuse'],
				...common.map(([n, v]): [string, Value, Expect] => [n, v, 'refuse'])
			];
		case 'datetime':
			return [
				['words', 'next tuesday', 'refuse'],
				['impossible', '2026-13-45T99:99', 'refuse'],
				['year 99999', '99999-01-01T00:00', 'refuse'],
				['script', PAYLOADS.script, 'refuse'],
				['10,000 characters', HUGE_NAME, 'refuse']
			];
		case 'flag':
			return [['script', PAYLOADS.script, 'either']];
		case 'url':
		case 'free':
			return [['script', PAYLOADS.script, 'either']];
	}
}

/**
 * The hostile variants of one table entry, each with what must happen: the valid request,
 * cross-site and Origin-less posts, wrong bodies, an unknown action, a visitor and the
 * wrong users, bad and foreign ids in the address, and per field the payloads above.
 */
export function variantsOf(t: Target): Variant[] {
	const method = t.method ?? 'POST';
	const base = (w: World): Sent => ({ method, path: t.path(w), body: t.base ? { kind: 'form', fields: t.base(w) } : undefined });
	const out: Variant[] = [];
	const fieldsOf = (w: World) => t.base?.(w) ?? {};
	const baseExpect: Expect = t.baseRefused ? 'refuse' : 'either';

	if (t.kind === 'json') {
		out.push({ name: 'valid', expect: baseExpect, req: (w) => ({ method, path: t.path(w), body: { kind: 'json', text: JSON.stringify(Object.fromEntries(Object.entries(fieldsOf(w)).map(([k, v]) => [k, Number(v)]))) } }) });
	} else {
		out.push({ name: 'valid', expect: baseExpect, req: base });
	}
	if (method === 'POST') {
		out.push({ name: 'cross-site (Origin: https://evil.example)', expect: 'refuse', req: (w) => ({ ...out[0].req(w, t), origin: EVIL_ORIGIN }) });
		if (t.kind === 'action') {
			out.push({ name: 'no Origin header', expect: 'refuse', req: (w) => ({ ...base(w), origin: null }) });
			out.push({ name: 'a JSON body', expect: 'refuse', req: (w) => ({ method, path: t.path(w), body: { kind: 'json', text: JSON.stringify(fieldsOf(w)) } }) });
			out.push({ name: 'an unknown action', expect: 'refuse', req: (w) => ({ method, path: t.path(w).replace(/\?\/\w+$/, '') + '?/nope', body: base(w).body }) });
			const needsFields = (t.required ?? []).length > 0;
			const incomplete: Expect = needsFields ? 'refuse' : t.baseRefused ? 'refuse' : 'either';
			out.push({ name: 'an empty body', expect: incomplete, req: (w) => ({ method, path: t.path(w), body: { kind: 'form', fields: {} } }) });
			out.push({
				name: 'a broken urlencoded body',
				expect: incomplete,
				req: (w) => ({ method, path: t.path(w), body: { kind: 'raw', contentType: 'application/x-www-form-urlencoded', bytes: Buffer.from('%%%=%E0%A4%A&&==&\u0000') } })
			});
			out.push({
				name: 'a broken multipart body',
				expect: incomplete,
				req: (w) => ({ method, path: t.path(w), body: { kind: 'raw', contentType: 'multipart/form-data; boundary=xyz', bytes: Buffer.from('--xyz\r\nContent-Disposition: form-data\r\n\r\nno end') } })
			});
			out.push({ name: 'the fields as multipart', expect: baseExpect, req: (w) => ({ method, path: t.path(w), body: { kind: 'multipart', fields: fieldsOf(w) } }) });
		}
	}
	if (t.who !== 'anon') {
		const expect: Expect = t.anonymousAllowed ? 'either' : t.kind === 'json' ? 'refuse' : 'login';
		out.push({ name: 'not logged in', expect, who: 'anon', req: (w) => out[0].req(w, t) });
	}
	for (const intruder of t.intruders ?? []) out.push({ name: `as ${intruder}`, expect: 'refuse', who: intruder, req: (w) => out[0].req(w, t) });
	for (const [param, foreign] of Object.entries(t.params ?? {})) {
		for (const bad of BAD_IDS) {
			out.push({ name: `${param} = ${decodeURIComponent(bad).slice(0, 20)}`, expect: 'refuse', req: (w) => ({ ...out[0].req(w, t), path: t.path(w, { [param]: bad }) }) });
		}
		out.push({ name: `${param} = someone else’s`, expect: 'refuse', req: (w) => ({ ...out[0].req(w, t), path: t.path(w, { [param]: foreign(w) }) }) });
	}
	for (const [field, kind] of Object.entries(t.kinds ?? {})) {
		const required = (t.required ?? []).includes(field);
		// A repeated field (the options of a question) gets the payload in its first place.
		const placed = (w: World, value: Value | undefined): Value | undefined => {
			const current = fieldsOf(w)[field];
			return Array.isArray(current) && value !== undefined && !Array.isArray(value) && typeof value === 'string' ? [value, ...current.slice(1)] : value;
		};
		const form = (w: World, value: Value | undefined): Sent => ({ method, path: t.path(w), body: { kind: 'form', fields: withField(fieldsOf(w), field, placed(w, value)) } });
		if (required) out.push({ name: `${field}: missing`, expect: 'refuse', req: (w) => form(w, undefined) });
		out.push({
			name: `${field}: a file instead of text`,
			expect: required ? 'refuse' : 'either',
			req: (w) => ({ method, path: t.path(w), body: { kind: 'multipart', fields: withField(fieldsOf(w), field, { file: 'text in a file' }) } })
		});
		out.push({
			name: `${field}: given twice`,
			expect: 'either',
			req: (w) => {
				const first = fieldsOf(w)[field];
				return form(w, [...(Array.isArray(first) ? first : typeof first === 'string' ? [first] : []), PAYLOADS.script]);
			}
		});
		if (kind.type === 'id' && kind.foreign) {
			const foreign = kind.foreign;
			out.push({ name: `${field}: someone else’s`, expect: 'refuse', req: (w) => form(w, foreign(w)) });
		}
		for (const [name, value, expect] of fieldPayloads(kind, required)) {
			const blank = typeof value === 'string' && !value.replace(/[\s\u200B-\u200D\u2060]/g, '');
			out.push({
				name: `${field}: ${name}`,
				// One blank option among four leaves three: that may be a valid question.
				expect: t.baseRefused ? 'refuse' : blank && kind.type === 'line' && kind.repeated ? 'either' : expect,
				req: (w) => form(w, value)
			});
		}
	}
	return [...out, ...(t.extra ?? [])];
}