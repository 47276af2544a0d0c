/**
 * Which IP addresses the server may fetch articles from. Pure: no DNS, no network.
 * Refuses loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
 * documentation and reserved ranges, in IPv4 and IPv6 (including IPv4 addresses
 * carried inside IPv6: mapped, compatible, NAT64 and 6to4).
 */
export function isPublicAddress(ip: string): boolean {
	const v4 = parseIPv4(ip);
	if (v4) return isPublicV4(v4);
	const v6 = parseIPv6(ip);
	if (v6) return isPublicV6(v6);
	return false;
}

export function parseIPv4(s: string): number[] | null {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
	if (!m) return null;
	const parts = m.slice(1).map(Number);
	if (parts.some((p, i) => p > 255 || (m[i + 1].length > 1 && m[i + 1].startsWith('0')))) return null;
	return parts;
}

function isPublicV4([a, b, c]: number[]): boolean {
	if (a === 0 || a === 10 || a === 127) return false;
	if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
	if (a === 169 && b === 254) return false; // link-local
	if (a === 172 && b >= 16 && b <= 31) return false;
	if (a === 192 && b === 168) return false;
	if (a === 192 && b === 0 && (c === 0 || c === 2)) return false; // IETF, TEST-NET-1
	if (a === 192 && b === 88 && c === 99) return false; // 6to4 relay
	if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
	if (a === 198 && b === 51 && c === 100) return false; // TEST-NET-2
	if (a === 203 && b === 0 && c === 113) return false; // TEST-NET-3
	if (a >= 224) return false; // multicast, reserved, broadcast
	return true;
}

/** Eight 16-bit groups, or null when `s` is not an IPv6 address. */
export function parseIPv6(input: string): number[] | null {
	let s = input.trim().replace(/^\[|\]$/g, '');
	const zone = s.indexOf('%');
	if (zone >= 0) s = s.slice(0, zone);
	if (!s.includes(':')) return null;
	let tail: number[] = [];
	const lastColon = s.lastIndexOf(':');
	const maybeV4 = s.slice(lastColon + 1);
	if (maybeV4.includes('.')) {
		const v4 = parseIPv4(maybeV4);
		if (!v4) return null;
		tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
		s = s.slice(0, lastColon + 1) + (s.slice(0, lastColon).endsWith(':') ? '' : '0');
		if (s.endsWith(':0')) s = s.slice(0, -2);
		else if (s.endsWith(':')) s = s.slice(0, -1);
		if (s === '' || s === ':') s = '::';
	}
	const halves = s.split('::');
	if (halves.length > 2) return null;
	const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => (/^[0-9a-f]{1,4}$/i.test(h) ? parseInt(h, 16) : NaN)));
	const head = parse(halves[0]);
	const rest = halves.length === 2 ? parse(halves[1]) : [];
	if ([...head, ...rest].some(Number.isNaN)) return null;
	const want = 8 - tail.length;
	let groups: number[];
	if (halves.length === 2) {
		const fill = want - head.length - rest.length;
		if (fill < 0) return null;
		groups = [...head, ...new Array(fill).fill(0), ...rest, ...tail];
	} else {
		if (head.length !== want) return null;
		groups = [...head, ...tail];
	}
	return groups.length === 8 ? groups : null;
}

function isPublicV6(g: number[]): boolean {
	const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
	const embedded = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255];
	if (g.every((x) => x === 0)) return false; // unspecified
	if (zeroUpTo(7) && g[7] === 1) return false; // loopback
	if (zeroUpTo(5) && g[5] === 0xffff) return isPublicV4(embedded(g[6], g[7])); // IPv4-mapped
	if (zeroUpTo(6)) return isPublicV4(embedded(g[6], g[7])); // IPv4-compatible (deprecated)
	if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPublicV4(embedded(g[6], g[7])); // NAT64
	if (g[0] === 0x2002) return isPublicV4(embedded(g[1], g[2])); // 6to4
	if ((g[0] & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
	if ((g[0] & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
	if ((g[0] & 0xffc0) === 0xfec0) return false; // site-local (deprecated)
	if ((g[0] & 0xff00) === 0xff00) return false; // multicast
	if (g[0] === 0x2001 && g[1] === 0x0db8) return false; // documentation
	if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return false; // discard
	if (g[0] === 0x2001 && g[1] < 0x200) return false; // IETF protocol assignments (Teredo, ORCHID, ...)
	return true;
}
