import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { createSession, generateSessionToken } from '../../src/lib/server/auth';
import { insertClass, insertSet, insertUser } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';

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

/** A browser context logged in as the user (a session written into the server's database). */
async function contextFor(userId: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
	const token = generateSessionToken();
	createSession(db, token, userId);
	const context = await browser.newContext(options);
	await context.addCookies([{ name: 'session', value: token, url: server.url }]);
	return context;
}

describe('taking a quiz in a browser', () => {
	it('practises a set: answers, reloads without losing anything, submits and reads the results', async () => {
		const student = insertUser(db, 'student', 'Pat Practice');
		const { set } = insertSet(db, student.id);
		const context = await contextFor(student.id);
		const page = await context.newPage();

		await page.goto(`${server.url}/sets/${set.id}/practice`);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Start practice' }).click();
		await page.waitForURL(/\/attempts\/\d+\/1$/);
		const attemptPath = new URL(page.url()).pathname.replace(/\/1$/, '');

		// 1. Multiple choice: saved as soon as it is chosen.
		await page.getByLabel('1979').check();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'quiz-question-choice');
		await page.getByRole('button', { name: 'Save and next' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/2`);

		// 2. Cloze: saved when the field is left; then the page is reloaded.
		await page.getByLabel('Your answer').fill('garments');
		await page.getByLabel('Your answer').press('Tab');
		await expect.poll(() => page.getByText('Saved.').count()).toBe(1);
		await page.reload();
		expect(await page.getByLabel('Your answer').inputValue()).toBe('garments');
		expect(await page.getByText('2 of 6 answered').count()).toBe(1);
		await page.goto(`${server.url}${attemptPath}/1`);
		expect(await page.getByLabel('1979').isChecked()).toBe(true);
		await page.getByRole('link', { name: 'Question 3, not answered' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/3`);

		// 3. True or false, without waiting for the autosave: the button saves too.
		await page.getByLabel('False').check();
		await page.getByRole('button', { name: 'Save and next' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/4`);

		// 4. Numeric.
		await page.getByLabel('Your answer').fill('830,000');
		await page.getByRole('button', { name: 'Save and next' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/5`);

		// 5. Who said it: skipped.
		await page.getByRole('link', { name: 'Skip', exact: true }).click();
		await page.waitForURL(`${server.url}${attemptPath}/6`);

		// 6. Ordering, one position at a time.
		await page.getByLabel('First').selectOption('Vietnam invades Cambodia');
		await page.getByLabel('Second').selectOption('The border marker is inaugurated');
		await page.getByLabel('Third').selectOption('The ASEAN summit meets in Phnom Penh');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'quiz-question-ordering');
		await page.getByRole('button', { name: 'Save and review' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/submit`);

		// The submit step lists the unanswered question.
		expect(await page.getByText('One question is not answered yet.').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Question 5', exact: true }).count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'quiz-submit');
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/results`);

		// The results: score, each question right or wrong, the correct answer, the sentence.
		await expect.poll(() => page.getByText('5 of 6').count()).toBe(1);
		const missed = page.getByRole('article').filter({ hasText: 'Question 5' });
		expect(await missed.getByText('Wrong').count()).toBe(1);
		expect(await missed.getByText('not answered').count()).toBe(1);
		expect(await missed.getByText('Hun Sen', { exact: true }).count()).toBe(1);
		expect(await missed.getByText('“I will question our friend Vietnam,” Hun Sen said.').count()).toBe(1);
		expect(await page.getByText('Right', { exact: true }).count()).toBe(5);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'quiz-results');

		// Going back to an answered question after submission says so instead of editing it.
		await page.goto(`${server.url}${attemptPath}/1`);
		expect(await page.getByText('This attempt has been submitted').count()).toBe(1);
		await context.close();
	});

	it('an assigned quiz with a time limit and feedback after each answer, on a phone', async () => {
		const teacher = insertUser(db, 'teacher');
		const student = insertUser(db, 'student', 'Phoebe Phone');
		const { set, questions } = insertSet(db, teacher.id);
		const cls = insertClass(db, teacher.id, [student.id]);
		const assignment = insertAssignment(db, {
			classId: cls.id,
			setId: set.id,
			questionIds: questions.map((q) => q.id),
			title: 'Cambodia check',
			feedback: 'each',
			timeLimitSeconds: 600,
			dueAt: new Date(Date.now() + 86_400_000)
		});
		const context = await contextFor(student.id, { viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(server.url);
		await page.getByRole('link', { name: 'Cambodia check' }).click();
		await page.waitForURL(`${server.url}/assignments/${assignment.id}`);
		expect(await page.getByText('10 minutes').count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'quiz-assignment-intro-phone');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/attempts\/\d+\/1$/);
		expect(await page.getByRole('timer').textContent()).toMatch(/^(10:00|9:5\d)$/);

		// Choosing does not lock the answer in; "Check answer" does, and shows the verdict.
		await page.getByLabel('1985').check();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect.poll(() => page.getByText('Wrong', { exact: true }).count()).toBe(1);
		expect(await page.getByText('Vietnam invaded Cambodia in 1979 and deposed the Khmer Rouge.').count()).toBe(1);
		expect(await page.getByLabel('1979').isDisabled()).toBe(true);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'quiz-feedback-each-phone');
		await page.getByRole('link', { name: 'Next question' }).click();
		await page.waitForURL(/\/attempts\/\d+\/2$/);
		expect(await page.getByText('garments').count()).toBe(0);
		await context.close();
	});

	it('works without JavaScript: plain form posts save the answers', async () => {
		const student = insertUser(db, 'student');
		const { set } = insertSet(db, student.id);
		const context = await contextFor(student.id, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${server.url}/sets/${set.id}/practice`);
		await page.getByRole('button', { name: 'Start practice' }).click();
		await page.waitForURL(/\/attempts\/\d+\/1$/);
		const attemptPath = new URL(page.url()).pathname.replace(/\/1$/, '');
		await page.getByLabel('1975').check();
		await page.getByRole('button', { name: 'Save and next' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/2`);
		await page.getByLabel('Your answer').fill('shoes');
		await page.getByRole('button', { name: 'Save and next' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/3`);
		await page.goto(`${server.url}${attemptPath}/1`);
		expect(await page.getByLabel('1975').isChecked()).toBe(true);
		expect(await page.getByText('2 of 6 answered').count()).toBe(1);
		await page.goto(`${server.url}${attemptPath}/submit`);
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await page.waitForURL(`${server.url}${attemptPath}/results`);
		expect(await page.getByText('0 of 6').count()).toBe(1);
		await context.close();
	});
});
