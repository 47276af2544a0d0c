import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { clientFor } from '../helpers/session';
import { Client } from '../helpers/http';
import { insertSet, insertUser } from '../helpers/fixtures';
import { cardById, logsOf, studentWithCards } from '../helpers/review';
import { cards, reviewLogs } from '../../src/lib/server/db/schema';

let server: RunningServer;
let db: DB;
beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

const rateJson = (client: Client, body: unknown, contentType = 'application/json') =>
	client.request('/api/review/rate', {
		method: 'POST',
		body: typeof body === 'string' ? body : JSON.stringify(body),
		headers: { 'content-type': contentType }
	});

describe('the JSON rating endpoint', () => {
	it('rates a card and refuses the same version again with 409', async () => {
		const { user, cards: all } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		const ok = await rateJson(client, { cardId: all[0].id, version: 0, rating: 3, durationMs: 2500 });
		expect(ok.status).toBe(200);
		const body = await ok.json();
		expect(body).toMatchObject({ cardId: all[0].id, version: 1, state: 1 });
		expect(cardById(db, all[0].id).version).toBe(1);
		expect(logsOf(db, user.id)).toHaveLength(1);
		expect(logsOf(db, user.id)[0].durationMs).toBe(2500);

		const stale = await rateJson(client, { cardId: all[0].id, version: 0, rating: 1 });
		expect(stale.status).toBe(409);
		expect((await stale.json()).message).toMatch(/changed since it was shown/);
		expect(cardById(db, all[0].id).version).toBe(1);
		expect(logsOf(db, user.id)).toHaveLength(1);
	});

	it('answers bad input with 400, other people’s cards with 404, and nobody with 401', async () => {
		const { user, cards: all } = studentWithCards(db, new Date());
		const other = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		expect((await rateJson(client, { cardId: all[0].id, version: 0, rating: 5 })).status).toBe(400);
		expect((await rateJson(client, { cardId: all[0].id, rating: 3 })).status).toBe(400);
		expect((await rateJson(client, '{not json')).status).toBe(400);
		expect((await rateJson(client, [1, 2])).status).toBe(400);
		// A form-like body: SvelteKit's origin check refuses it cross-site; same-site it is still not JSON.
		expect((await rateJson(client, 'cardId=1', 'text/plain')).status).toBe(403);
		const sameSite = await client.request('/api/review/rate', {
			method: 'POST',
			body: 'cardId=1',
			headers: { 'content-type': 'text/plain', origin: server.url }
		});
		expect(sameSite.status).toBe(415);
		expect((await rateJson(client, { cardId: other.cards[0].id, version: 0, rating: 3 })).status).toBe(404);
		expect((await rateJson(new Client(server.url), { cardId: all[0].id, version: 0, rating: 3 })).status).toBe(401);
		expect(cardById(db, other.cards[0].id).version).toBe(0);
		expect(logsOf(db, user.id)).toHaveLength(0);
	});
});

describe('the review page without JavaScript', () => {
	it('shows a card, reveals it with a GET, rates it with a POST and moves on', async () => {
		const { user, cards: all } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		const page = await (await client.get('/review')).text();
		expect(page).toContain('In what year did Vietnam invade Cambodia');
		expect(page).toContain('Show answer');
		expect(page).toMatch(/6<\/strong> new/);

		const back = await (await client.get(`/review?card=${all[0].id}&show=1`)).text();
		expect(back).toContain('From the article');
		expect(back).toContain('<mark>1979</mark>');
		expect(back).toMatch(/name="rating" value="3"/);

		const res = await client.postForm('/review?/rate', { cardId: String(all[0].id), version: '0', rating: '3', shownAt: String(Date.now() - 3000) });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/review');
		const log = logsOf(db, user.id)[0];
		expect(log).toMatchObject({ cardId: all[0].id, rating: 3, state: 0 });
		expect(log.durationMs).toBeGreaterThanOrEqual(2000);
		const next = await (await client.get('/review')).text();
		expect(next).toContain('Cambodia’s biggest exports are _____ and footwear.');
	});

	it('shows the stale message and the fresh card when a rating is stale (409)', async () => {
		const { user, cards: all } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		await client.postForm('/review?/rate', { cardId: String(all[0].id), version: '0', rating: '3' });
		const stale = await client.postForm('/review?/rate', { cardId: String(all[0].id), version: '0', rating: '1' });
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain('This card changed since it was shown');
		const enhanced = await client.postAction('/review?/rate', { cardId: String(all[0].id), version: '0', rating: '1' });
		const result = await enhanced.json();
		expect(result).toMatchObject({ type: 'failure', status: 409 });
		expect(logsOf(db, user.id)).toHaveLength(1);
		const bad = await client.postForm('/review?/rate', { cardId: String(all[0].id), version: '1', rating: '9' });
		expect(bad.status).toBe(400);
	});

	it('grades a typed answer leniently and shows the difference', async () => {
		const { user, cards: all } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		const cloze = all[1]; // "Cambodia’s biggest exports are _____ and footwear."
		const front = await (await client.get(`/review?card=${cloze.id}`)).text();
		expect(front).toMatch(/<label for="answer">Your answer<\/label>/);
		const close = await (await client.get(`/review?card=${cloze.id}&show=1&answer=Garmets`)).text();
		expect(close).toContain('Correct — small differences forgiven.');
		expect(close).toMatch(/<ins[^>]*>n<\/ins>/);
		const wrong = await (await client.get(`/review?card=${cloze.id}&show=1&answer=rice`)).text();
		expect(wrong).toContain('Not quite.');
		expect(wrong).toContain('Suggested: Again');
		const numeric = all[3];
		const near = await (await client.get(`/review?card=${numeric.id}&show=1&answer=${encodeURIComponent('825,000')}`)).text();
		expect(near).toContain('Correct');
	});

	it('undoes the last rating and shows that card again', async () => {
		const { user, cards: all } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		await client.postForm('/review?/rate', { cardId: String(all[0].id), version: '0', rating: '4' });
		const res = await client.postForm('/review?/undo', {});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/review?card=${all[0].id}&undone=4`);
		expect(cardById(db, all[0].id)).toMatchObject({ state: 0, reps: 0, version: 2 });
		expect(logsOf(db, user.id)).toHaveLength(0);
		const page = await (await client.get(res.headers.get('location')!)).text();
		expect(page).toContain('Your “Easy” rating was undone.');
		const nothing = await client.postForm('/review?/undo', {});
		expect(nothing.status).toBe(404);
		expect(await nothing.text()).toContain('There is no recent rating to undo.');
	});

	it('says what comes next when the day’s work is done', async () => {
		const { user } = studentWithCards(db, new Date(), { newPerDay: 0 });
		const page = await (await clientFor(db, server.url, user.id).get('/review')).text();
		expect(page).toContain('All done for today');
		expect(page).toContain('6 new cards wait for the coming days');
		expect(page).toContain('href="/articles/new"');
		expect(page).toContain('Cram a deck');
	});

	it('agrees with the dashboard', async () => {
		const { user } = studentWithCards(db, new Date(), { newPerDay: 4 });
		const dashboard = await (await clientFor(db, server.url, user.id).get('/')).text();
		expect(dashboard).toMatch(/0 <span class="muted[^"]*">due<\/span> · 4 <span class="muted[^"]*">new<\/span>/);
	});

	it('confirms the cards added from an article', async () => {
		const { user } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		expect(await (await client.get('/review?added=6')).text()).toContain('6 new cards were added to your reviews.');
		expect(await (await client.get('/review?added=0')).text()).toContain('These cards were already in your reviews.');
		expect(await (await client.get('/review?added=abc')).text()).not.toContain('added to your reviews');
	});

	it('sends a visitor to log in', async () => {
		const res = await new Client(server.url).get('/review');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?redirectTo=%2Freview');
	});
});

describe('cram mode', () => {
	const totals = () => ({
		logs: db.select({ n: count() }).from(reviewLogs).get()!.n,
		cards: db.select({ n: count() }).from(cards).get()!.n
	});

	it('goes through a deck, grading answers, and writes nothing', async () => {
		const { user, sets, cards: all } = studentWithCards(db, new Date());
		const client = clientFor(db, server.url, user.id);
		const before = totals();
		const base = `/review/cram/${sets[0].set.id}`;
		const first = await (await client.get(base)).text();
		expect(first).toContain('Card 1 of 6');
		expect(first).toContain('In what year did Vietnam invade Cambodia');
		const revealed = await (await client.get(`${base}?i=1&right=1&show=1&answer=garments`)).text();
		expect(revealed).toContain('Correct.');
		expect(revealed).toContain(`href="${base}?i=2&amp;right=2"`);
		expect(revealed).toContain(`href="${base}?i=2&amp;right=1&amp;missed=${all[1].questionId}"`);
		const end = await (await client.get(`${base}?i=6&right=4&missed=${all[1].questionId},${all[3].questionId}`)).text();
		expect(end).toContain('You knew <strong>4</strong> of 6 cards.');
		expect(end).toContain(`only=${all[1].questionId}%2C${all[3].questionId}`);
		const missedOnly = await (await client.get(`${base}?only=${all[1].questionId},${all[3].questionId}`)).text();
		expect(missedOnly).toContain('Card 1 of 2');
		expect(totals()).toEqual(before);
		expect(all.every((c) => cardById(db, c.id).version === 0)).toBe(true);
	});

	it('lets a set’s owner cram it, and nobody else without cards from it', async () => {
		const teacher = insertUser(db, 'teacher');
		const { set } = insertSet(db, teacher.id);
		expect((await clientFor(db, server.url, teacher.id).get(`/review/cram/${set.id}`)).status).toBe(200);
		const stranger = insertUser(db, 'student');
		expect((await clientFor(db, server.url, stranger.id).get(`/review/cram/${set.id}`)).status).toBe(404);
		expect((await clientFor(db, server.url, stranger.id).get('/review/cram/999999')).status).toBe(404);
		expect((await clientFor(db, server.url, stranger.id).get('/review/cram/abc')).status).toBe(404);
	});
});

describe('progress', () => {
	it('shows the forecast, retention, heat map, states and streak', async () => {
		const now = new Date();
		const { user, cards: all } = studentWithCards(db, now);
		const client = clientFor(db, server.url, user.id);
		for (const c of all.slice(0, 3)) await rateJson(client, { cardId: c.id, version: 0, rating: 4 });
		const res = await client.get('/review/stats');
		expect(res.status).toBe(200);
		const page = await res.text();
		expect(page).toContain('Due in the next 30 days');
		expect(page).toContain('lc-root-container'); // the layerchart chart, rendered on the server
		expect(page).toMatch(/<svg viewBox="0 0 \d+ \d+" role="img"/); // the heat map
		expect(page).toContain('3 reviews on 1 day in the last 26 weeks');
		expect(page).toContain('1 day</p>'); // streak
		expect(page).toMatch(/Review <strong>3<\/strong>/);
		expect(page).toMatch(/New <strong>3<\/strong>/);
		expect(db.select().from(cards).where(eq(cards.userId, user.id)).all()).toHaveLength(6);
	});
});
