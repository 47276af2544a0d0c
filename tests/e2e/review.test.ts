import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { createSession, generateSessionToken } from '../../src/lib/server/auth';
import { insertSyntheticHistory, logsOf, studentWithCards } from '../helpers/review';

let server: RunningServer;
let browser: Browser;
let db: DB;

beforeAll(async () => {
	server = await startServer({ trustAddressHeader: false });
	db = openDatabase(server.dbPath);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	db?.$client.close();
	await server?.dispose();
});

async function loggedIn(userId: string, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) {
	const token = generateSessionToken();
	createSession(db, token, userId);
	const context = await browser.newContext(options);
	await context.addCookies([{ name: 'session', value: token, url: server.url }]);
	return context;
}

const front = (page: Page) => page.locator('#card-front');

async function expectFront(page: Page, text: string) {
	await expect.poll(() => front(page).textContent()).toContain(text);
}

describe('reviewing with the keyboard only', () => {
	let context: BrowserContext;
	afterAll(() => context?.close());

	it('shows, rates, grades a typed answer, undoes — all from the keyboard — with no serious a11y problem', async () => {
		const { user } = studentWithCards(db, new Date());
		context = await loggedIn(user.id);
		const page = await context.newPage();
		await page.goto(`${server.url}/review`);
		await expectFront(page, 'In what year did Vietnam invade Cambodia');
		expect(await page.locator('.counts').textContent()).toMatch(/6\s*new/);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'review-front');

		// Space shows the answer; the back has the source sentence with the answer marked.
		await page.keyboard.press('Space');
		await expect.poll(() => page.locator('mark').first().textContent()).toBe('1979');
		await expect.poll(() => page.getByRole('button', { name: /^Good/ }).evaluate((b) => b === document.activeElement)).toBe(true);
		for (const label of ['Again', 'Hard', 'Good', 'Easy']) {
			expect(await page.getByRole('button', { name: new RegExp(`^${label}`) }).textContent()).toMatch(/\d+(\.\d)? (min|h|d|mo|y)/);
		}
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'review-back');

		// 3 rates Good; the next card is the cloze, with the answer field focused.
		await page.keyboard.press('3');
		await expectFront(page, 'biggest exports are _____ and footwear');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer');
		await page.keyboard.type('garmets');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Correct — small differences forgiven.');
		expect(await page.locator('.verdict ins').first().textContent()).toBe('n');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'review-typed-answer');
		await page.keyboard.press('3');

		// Enter shows the answer too; 1 rates Again.
		await expectFront(page, '730,000 Chinese tourists');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.back-text').textContent()).toBe('False');
		await page.keyboard.press('1');
		await expectFront(page, 'How many Chinese tourists visited Cambodia in 2016?');
		await expect.poll(() => logsOf(db, user.id).length).toBe(3);

		// U undoes the last rating (Escape first: the numeric card's answer field has the focus).
		await page.keyboard.press('Escape');
		await page.keyboard.press('u');
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your “Again” rating was undone.');
		await expectFront(page, '730,000 Chinese tourists');
		expect(logsOf(db, user.id).map((l) => l.rating)).toEqual([3, 3]);
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expectFront(page, 'How many Chinese tourists visited Cambodia in 2016?');
		await expect.poll(() => logsOf(db, user.id).map((l) => l.rating)).toEqual([3, 3, 4]);

		// A wrong typed number pre-selects Again, but the student may still choose.
		await page.keyboard.type('700000');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Not quite.');
		await expect.poll(() => page.getByRole('button', { name: /^Again/ }).evaluate((b) => b === document.activeElement)).toBe(true);
		await page.keyboard.press('2');
		await expect.poll(() => logsOf(db, user.id).map((l) => l.rating)).toEqual([3, 3, 4, 2]);
		expect(logsOf(db, user.id).every((l) => l.durationMs > 0)).toBe(true);
	});

	it('tells the student when a card changed in another tab and loads it fresh', async () => {
		const { user } = studentWithCards(db, new Date());
		const ctx = await loggedIn(user.id);
		const first = await ctx.newPage();
		const second = await ctx.newPage();
		await first.goto(`${server.url}/review`);
		await second.goto(`${server.url}/review`);
		await expectFront(first, 'In what year did Vietnam invade Cambodia');
		await expectFront(second, 'In what year did Vietnam invade Cambodia');
		await first.keyboard.press('Space');
		await first.keyboard.press('3');
		await expectFront(first, 'biggest exports are');
		await second.keyboard.press('Space');
		await second.keyboard.press('4');
		await expect.poll(() => second.getByRole('alert').textContent()).toContain('This card changed since it was shown');
		expect(logsOf(db, user.id).map((l) => l.rating)).toEqual([3]);
		await ctx.close();
	});

	it('shows progress with charts, tables and no serious a11y problem', async () => {
		const now = new Date();
		const { user, cards } = studentWithCards(db, now, { sets: 4 });
		insertSyntheticHistory(db, user.id, cards.slice(0, 20).map((c) => c.id), { reviews: 160, start: new Date(now.getTime() - 150 * 86_400_000) });
		const ctx = await loggedIn(user.id);
		const page = await ctx.newPage();
		await page.goto(`${server.url}/review/stats`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your progress');
		expect(await page.locator('.lc-root-container svg').count()).toBeGreaterThan(0);
		expect(await page.locator('.heat rect').count()).toBeGreaterThan(100);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'review-stats');
		await page.getByText('Show the forecast as a table').click();
		await page.getByText('Show the reviews per day as a table').click();
		expect(await page.getByRole('table').count()).toBe(2);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.setViewportSize({ width: 390, height: 800 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await screenshot(page, 'review-stats-phone');
		await ctx.close();
	});

	it('optimizes the schedule from the settings page and shows the result when it is ready', async () => {
		const { user, cards } = studentWithCards(db, new Date(), { sets: 10 });
		insertSyntheticHistory(db, user.id, cards.map((c) => c.id), { reviews: 420, start: new Date(Date.now() - 365 * 86_400_000) });
		const ctx = await loggedIn(user.id);
		const page = await ctx.newPage();
		await page.goto(`${server.url}/settings`);
		await page.getByRole('button', { name: 'Optimize my schedule' }).click();
		// The page looks again by itself every few seconds until the fit is done.
		await expect.poll(() => page.getByText('Log loss before').count(), { timeout: 60_000 }).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.locator('#optimize-heading').scrollIntoViewIfNeeded();
		await screenshot(page, 'settings-optimize');
		await ctx.close();
	});

	it('crams a deck with the keyboard without touching the schedule', async () => {
		const { user, sets } = studentWithCards(db, new Date(), { newPerDay: 0 });
		const ctx = await loggedIn(user.id);
		const page = await ctx.newPage();
		await page.goto(`${server.url}/review`);
		await expect.poll(() => page.getByRole('heading', { name: 'All done for today' }).count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'review-all-done');
		await page.getByRole('link', { name: sets[0].set.title }).click();
		await expectFront(page, 'In what year did Vietnam invade Cambodia');
		await page.keyboard.press('Space');
		await page.keyboard.press('2'); // got it
		await expectFront(page, 'biggest exports are');
		await page.keyboard.type('rice');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('link', { name: /Missed it/ }).evaluate((a) => a === document.activeElement)).toBe(true);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'cram');
		await page.keyboard.press('Enter'); // the suggested "Missed it"
		await expect.poll(() => page.getByLabel(/Card 3 of 6/).count()).toBe(1);
		expect(await page.locator('.progress').textContent()).toContain('1 known · 1 missed');
		expect(logsOf(db, user.id)).toHaveLength(0);
		await ctx.close();
	});

	it('fits a phone and works without JavaScript', async () => {
		const { user } = studentWithCards(db, new Date());
		const ctx = await loggedIn(user.id, { javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
		const page = await ctx.newPage();
		await page.goto(`${server.url}/review`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expectFront(page, 'biggest exports are');
		await page.getByLabel('Your answer').fill('rice');
		await page.getByRole('button', { name: 'Check' }).click();
		expect(await page.locator('.verdict').textContent()).toContain('Not quite.');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await screenshot(page, 'review-phone-no-js');
		await page.getByRole('button', { name: /^Again/ }).click();
		expect(logsOf(db, user.id).map((l) => l.rating)).toEqual([3, 1]);
		await ctx.close();
	});
});
