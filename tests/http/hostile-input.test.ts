import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../helpers/server';
import { changedTables, snapshot, type DbSnapshot } from '../helpers/db-snapshot';
import { pageMessages, readAnswer, send, unclearMessage, type Answer, type Style } from '../helpers/hostile/requests';
import { buildWorld, clientOf, type World } from '../helpers/hostile/world';
import { noPendingArticles, PAGES, TARGETS, type Target } from '../helpers/hostile/table';
import { variantsOf } from '../helpers/hostile/variants';
import { scannedRoutes } from '../helpers/hostile/routes';
import { openDatabase, type DB } from '../../src/lib/server/db/client';

// Every form action and endpoint of the app (the table in tests/helpers/hostile/table.ts),
// attacked with missing fields, wrong types, huge values, odd Unicode, HTML and script,
// SQL-looking strings, broken bodies, bad and foreign ids, cross-site posts and the wrong
// user (tests/helpers/hostile/variants.ts). A refusal must be a 4xx with a clear message
// — shown on the page too when the form is posted without JavaScript — and must write
// nothing; anything the app accepts must never be a 5xx and may only touch the tables that
// action writes. The last test fails when an action or endpoint exists that the table
// does not cover. HOSTILE_LOG=file appends every problem found to that file.

let server: RunningServer;
let db: DB;

let world: World | null = null;
/** A world is used until a request changes something in the database; then a fresh one is built. */
async function currentWorld(): Promise<World> {
	world ??= await buildWorld(db, server.url);
	return world;
}

// Running a variant: send it (as the enhanced form and, when refused, as a plain form
// too), read the answer, compare the database before and after.

let lastSnapshot: { version: number; snap: DbSnapshot } | null = null;
function snap(): DbSnapshot {
	// data_version changes when another connection (the server) commits: cheap "did anything change?".
	const version = db.$client.pragma('data_version', { simple: true }) as number;
	if (lastSnapshot && lastSnapshot.version === version) return lastSnapshot.snap;
	const s = snapshot(db);
	lastSnapshot = { version, snap: s };
	return s;
}

async function runTarget(t: Target): Promise<{ problems: string[]; ran: number }> {
	const problems: string[] = [];
	let ran = 0;
	for (const v of variantsOf(t)) {
		const w = await currentWorld();
		lastSnapshot = null;
		const who = v.who ?? t.who;
		const req = v.req(w, t);
		const styles: Style[] = t.kind === 'action' ? (v.expect === 'either' ? ['enhanced'] : ['enhanced', 'plain']) : t.kind === 'page' ? ['plain'] : ['endpoint'];
		let enhancedMessage: string | null = null;
		let enhancedStatus: number | null = null;
		for (const style of styles) {
			const label = `${t.key}${t.scenario ? ` (${t.scenario})` : ''} — ${v.name} [${style}]`;
			const before = snap();
			let answer: Answer;
			try {
				answer = await readAnswer(await send(clientOf(w, who, server.url), req, style), style);
			} catch (err) {
				problems.push(`${label}: the request failed: ${err}`);
				continue;
			}
			ran++;
			const changed = changedTables(before, snap());
			if (changed.length) {
				world = null;
				await t.settle?.(db);
			}
			const status = answer.status;
			if (status >= 500) {
				problems.push(`${label}: ${status} ${answer.body.slice(0, 300)}`);
				continue;
			}
			if (v.expect === 'login') {
				if (!(answer.type === 'redirect' && answer.location?.startsWith('/login'))) problems.push(`${label}: expected a redirect to log in, got ${status} ${answer.type}`);
				if (changed.length) problems.push(`${label}: wrote ${changed.join(', ')} for a visitor who is not logged in`);
				continue;
			}
			const refused = status >= 400 || answer.type === 'failure' || answer.type === 'error';
			if (v.expect === 'refuse' && !refused) {
				problems.push(`${label}: expected a 4xx, got ${status} ${answer.type}${answer.location ? ` → ${answer.location}` : ''}; wrote ${changed.join(', ') || 'nothing'}`);
				continue;
			}
			if (refused) {
				if (status < 400) problems.push(`${label}: refused with status ${status}`);
				const unclear = unclearMessage(answer.message);
				if (unclear) problems.push(`${label}: ${status} with ${unclear}`);
				const wrote = changed.filter((table) => !(t.refusalWrites ?? []).includes(table));
				if (wrote.length) problems.push(`${label}: refused (${status}) but wrote ${wrote.join(', ')}`);
				if (style === 'enhanced') {
					enhancedMessage = answer.type === 'failure' ? answer.message : null;
					enhancedStatus = status;
				} else if (style === 'plain') {
					if (enhancedStatus !== null && status !== enhancedStatus) problems.push(`${label}: the page answered ${status}, the enhanced form ${enhancedStatus}`);
					// When the page itself cannot be shown (the load refuses too), its error page speaks instead.
					const errorPage = answer.body.includes('class="card error-page');
					if (enhancedMessage && answer.type === 'page' && !errorPage && !pageMessages(answer.body).includes(enhancedMessage)) {
						problems.push(`${label}: the page does not show the message "${enhancedMessage}" (it shows ${JSON.stringify(pageMessages(answer.body))})`);
					}
				}
			} else {
				const stray = changed.filter((table) => !t.writes.includes(table));
				if (stray.length) problems.push(`${label}: accepted but wrote ${stray.join(', ')}, which it should not touch`);
			}
		}
	}
	return { problems, ran };
}

beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
	// The demo article generates its questions in the background at the first start; let it finish.
	await noPendingArticles(db);
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

describe('hostile input to every action and endpoint', () => {
	for (const target of [...TARGETS, ...PAGES]) {
		it(`${target.key}${target.scenario ? ` (${target.scenario})` : ''}`, async () => {
			const { problems, ran } = await runTarget(target);
			if (process.env.HOSTILE_LOG) appendFileSync(process.env.HOSTILE_LOG, problems.map((p) => p + '\n').join(''));
			expect(ran).toBeGreaterThan(0);
			expect(problems).toEqual([]);
		});
	}

	it('logged no server error while answering all of it', () => {
		expect(server.output()).not.toMatch(/Error/);
	});
});

describe('the table of actions and endpoints', () => {
	it('covers every form action, endpoint and page in src/routes, and nothing that is gone', () => {
		const covered = [...new Set([...TARGETS, ...PAGES].map((t) => t.key))].sort();
		const routes = scannedRoutes();
		expect(routes.length).toBeGreaterThan(30);
		expect(routes.filter((k) => !covered.includes(k)), 'actions or endpoints missing from the hostile-input table').toEqual([]);
		expect(covered.filter((k) => !routes.includes(k)), 'table entries for routes that no longer exist').toEqual([]);
	});
});
