import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, screenshot, seriousA11yViolations } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';

// One student's first session, from an article they paste to the results of a practice
// quiz, on the real generator: nothing here is inserted behind the app's back.
const ARTICLE = readFileSync(resolve('tests/fixtures/articles/02-mali-empire.txt'), 'utf8');

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

const reviewCount = (email: string) =>
	db.$client.prepare('SELECT count(*) FROM review_logs r JOIN users u ON u.id = r.user_id WHERE u.email = ?').pluck().get(email) as number;

/** Answers whatever kind of question is on screen, the way a student would. */
async function answerCurrentQuestion(page: Page): Promise<string> {
	const choices = page.getByRole('radio');
	if (await choices.count()) {
		const label = (await choices.first().getAttribute('value')) ?? '';
		await choices.first().check();
		return label;
	}
	const text = page.getByLabel('Your answer');
	if (await text.count()) {
		await text.fill('a guess');
		return 'a guess';
	}
	const first = page.getByLabel('First');
	const options = await first.locator('option').allTextContents();
	const items = options.filter((o) => o.trim() && !/choose/i.test(o));
	for (const [i, name] of ['First', 'Second', 'Third', 'Fourth', 'Fifth'].slice(0, items.length).entries()) {
		await page.getByLabel(name, { exact: true }).selectOption(items[i]);
	}
	return items[0];
}

describe('a student’s first session', () => {
	it('adds an article, studies its cards by keyboard, practises, reloads, submits and reads the results', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const email = 'musa@example.org';
		await page.goto(`${server.url}/signup`);
		await page.getByLabel('Name').fill('Musa Student');
		await page.getByLabel('E-mail').fill(email);
		await page.getByLabel('Password').fill('timbuktu 1324');
		await page.getByRole('button', { name: 'Sign up' }).click();
		await page.waitForURL(`${server.url}/`);

		// Add the article by pasting it; the questions appear beside the highlighted text.
		await page.getByRole('link', { name: 'Add an article' }).first().click();
		await page.getByLabel('Article text').fill(ARTICLE);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Make questions' }).click();
		await page.waitForURL(/\/articles\/\d+$/);
		await page.getByRole('button', { name: 'Study these' }).waitFor({ timeout: 30_000 });
		expect(await page.locator('mark[id^="src-"]').count()).toBeGreaterThan(5);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'journey-article');
		const articleUrl = page.url();

		// Study three cards with the keyboard only.
		await page.getByRole('button', { name: 'Study these' }).click();
		await page.waitForURL(/\/review/);
		for (let i = 0; i < 3; i++) {
			const front = await page.locator('#card-front').textContent();
			const typed = await page.evaluate(() => document.activeElement?.id === 'answer');
			if (typed) {
				await page.keyboard.type('a guess');
				await page.keyboard.press('Enter');
			} else {
				await page.keyboard.press('Space');
			}
			await page.getByRole('button', { name: /^Good/ }).waitFor();
			await page.keyboard.press(typed ? '1' : '3');
			await expect.poll(() => reviewCount(email)).toBe(i + 1);
			await expect.poll(() => page.locator('#card-front').textContent()).not.toBe(front);
		}
		expect(await seriousA11yViolations(page)).toEqual([]);

		// Practise the set as a quiz; a reload in the middle loses nothing.
		await page.goto(articleUrl);
		await page.getByRole('link', { name: 'Practise as a quiz' }).click();
		await page.getByRole('button', { name: 'Start practice' }).click();
		await page.waitForURL(/\/attempts\/\d+\/1$/);
		const attemptPath = new URL(page.url()).pathname.replace(/\/1$/, '');
		const given = await answerCurrentQuestion(page);
		await page.getByRole('button', { name: /^Save and (next|review)$/ }).click();
		await page.waitForURL(new RegExp(`${attemptPath}/(2|submit)$`));
		await page.reload();
		expect(await page.getByText('1 of').first().textContent()).toMatch(/1 of \d+ answered/);
		await page.goto(`${server.url}${attemptPath}/1`);
		const kept = page.getByRole('radio', { checked: true });
		if (await page.getByRole('radio').count()) expect(await kept.getAttribute('value')).toBe(given);
		else if (await page.getByLabel('Your answer').count()) expect(await page.getByLabel('Your answer').inputValue()).toBe(given);

		await page.goto(`${server.url}${attemptPath}/submit`);
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/results`);
		const results = page.getByRole('article');
		expect(await results.count()).toBeGreaterThanOrEqual(10);
		// Each result says right or wrong and quotes the sentence from the article.
		const first = results.first();
		expect(await first.getByText(/^(Right|Wrong)$/).count()).toBe(1);
		const quoted = await first.locator('blockquote').first().textContent();
		expect(ARTICLE).toContain((quoted ?? '').trim().slice(0, 40));
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'journey-results');
		await context.close();
	});
});
