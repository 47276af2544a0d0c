/** FNV-1a hash of a string, so any seed (number or text) gives a 32-bit state. */
export function hashSeed(seed: number | string): number {
	const s = String(seed);
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export type Random = () => number;

/** mulberry32: small, fast and good enough for shuffling options. */
export function mulberry32(state: number): Random {
	let a = state >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A generator derived from the seed and a key, so one question's choices do not depend on how many came before. */
export function randomFor(seed: number | string, key: string): Random {
	return mulberry32(hashSeed(`${seed}\u0000${key}`));
}

export function shuffle<T>(items: readonly T[], rand: Random): T[] {
	const a = items.slice();
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}
