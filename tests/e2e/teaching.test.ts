import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { assignments, attempts, cards, classes, questions, type Question } from '../../src/lib/server/db/schema';
import { createSession, generateSessionToken } from '../../src/lib/server/auth';
import { studentMastery } from '../../src/lib/teaching/mastery';
import { insertSet, insertUser } from '../helpers/fixtures';
import { markReviewed } from '../helpers/teaching-fixtures';

const ARTICLE = readFileSync('tests/fixtures/articles/02-mali-empire.txt', 'utf8');

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

async function signUp(page: Page, name: string, email: string, role: 'Teacher' | 'Student') {
	await page.goto(`${server.url}/signup`);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(`${role} password 123`);
	await page.getByLabel(role).check();
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Hello, ${name}`);
}

async function noSeriousA11yProblems(page: Page) {
	expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Answers the question on screen: right, or — when `wrong` — deliberately wrong. */
async function answer(page: Page, q: Question, wrong: boolean) {
	if (q.type === 'multiple_choice' || q.type === 'who_said' || q.type === 'true_false') {
		const pick = wrong ? q.options!.find((o) => o !== q.answer)! : (q.answer as string);
		await page.getByLabel(pick, { exact: true }).check();
	} else if (q.type === 'ordering') {
		const items = [...(q.answer as string[])];
		if (wrong) items.reverse();
		const ordinals = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'];
		for (const [i, item] of items.entries()) await page.getByLabel(ordinals[i], { exact: true }).selectOption(item);
	} else {
		await page.getByLabel('Your answer').fill(wrong ? 'no idea at all' : (q.answer as string));
	}
}

describe('teaching in a browser', () => {
	it('a teacher builds and assigns a quiz, a student takes it, the teacher reads the results and the CSV', async () => {
		// ── The teacher: a class, a set generated from an article, one edit, approve, assign.
		const teacherContext = await browser.newContext({ acceptDownloads: true });
		const teacher = await teacherContext.newPage();
		await signUp(teacher, 'Tess Teacher', 'tess@example.org', 'Teacher');

		await teacher.goto(`${server.url}/classes/new`);
		await teacher.getByLabel('Class name').fill('History 9B');
		await teacher.getByRole('button', { name: 'Create class' }).click();
		await teacher.waitForURL(/\/classes\/\d+$/);
		const classUrl = teacher.url();
		const shownCode = (await teacher.locator('.code').textContent())!.trim();
		expect(shownCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		await noSeriousA11yProblems(teacher);

		await teacher.goto(`${server.url}/articles/new`);
		await teacher.getByLabel('Title (optional)').fill('The Mali Empire');
		await teacher.getByLabel('Article text').fill(ARTICLE);
		await teacher.getByRole('button', { name: 'Make questions' }).click();
		await teacher.waitForURL(/\/articles\/\d+$/);
		const editLink = teacher.getByRole('link', { name: 'Edit and assign' });
		await editLink.waitFor({ timeout: 60_000 });
		await editLink.click();
		await teacher.waitForURL(/\/sets\/\d+$/);
		const setId = Number(/\/sets\/(\d+)/.exec(teacher.url())![1]);
		await noSeriousA11yProblems(teacher);
		await screenshot(teacher, 'teaching-set-editor');

		// Edit the first question's wording (every type has a prompt).
		const first = teacher.locator('article.q').first();
		const firstId = Number((await first.getAttribute('id'))!.slice(2));
		await first.locator('summary').click();
		const prompt = first.locator('textarea[name="prompt"]');
		const edited = `${(await prompt.inputValue()).trim()} (checked by Tess)`;
		await prompt.fill(edited);
		await first.getByRole('button', { name: 'Save question 1' }).click();
		await expect.poll(() => teacher.locator(`#q-${firstId} .prompt`).textContent()).toBe(edited);
		expect(await teacher.locator(`#q-${firstId}`).getByText('Edited', { exact: true }).count()).toBe(1);
		expect(db.select().from(questions).where(eq(questions.id, firstId)).get()).toMatchObject({ prompt: edited, origin: 'edited' });

		await teacher.getByRole('button', { name: /^Approve all \d+ drafts$/ }).click();
		await expect.poll(() => teacher.getByText('0 to check').count()).toBe(1);
		await noSeriousA11yProblems(teacher);

		await teacher.goto(classUrl);
		await teacher.getByLabel('Question set').selectOption(String(setId));
		await teacher.getByLabel('Quiz', { exact: true }).check();
		await teacher.getByLabel('Title (optional)').fill('Mali quiz');
		await teacher.getByRole('button', { name: 'Assign', exact: true }).click();
		await expect.poll(() => teacher.getByText('Assigned “Mali quiz”.').count()).toBe(1);
		const assignment = db.select().from(assignments).where(eq(assignments.title, 'Mali quiz')).get()!;
		expect(assignment).toMatchObject({ kind: 'quiz', setId, attemptsAllowed: 1 });
		await noSeriousA11yProblems(teacher);

		// ── The student: joins with the code (typed in lower case), takes the quiz.
		const studentContext = await browser.newContext();
		const student = await studentContext.newPage();
		await signUp(student, 'Sam Student', 'sam@example.org', 'Student');
		await student.getByRole('link', { name: 'Join a class' }).first().click();
		await student.getByLabel('Join code').fill(shownCode.toLowerCase());
		await student.getByRole('button', { name: 'Join class' }).click();
		await student.waitForURL(classUrl);
		await student.getByRole('link', { name: 'Mali quiz' }).click();
		await student.getByRole('button', { name: 'Start the quiz' }).click();
		await student.waitForURL(/\/attempts\/\d+\/1$/);
		const attemptId = Number(/\/attempts\/(\d+)\//.exec(student.url())![1]);
		const order = db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.questionOrder;
		const byId = new Map(db.select().from(questions).orderBy(asc(questions.id)).all().map((q) => [q.id, q]));
		// Every answer right except the one to the question the teacher edited.
		for (const [i, questionId] of order.entries()) {
			await answer(student, byId.get(questionId)!, questionId === firstId);
			await student.getByRole('button', { name: /^Save and (next|review)$/ }).click();
			await student.waitForURL(i + 1 < order.length ? new RegExp(`/attempts/${attemptId}/${i + 2}$`) : new RegExp(`/attempts/${attemptId}/submit$`));
		}
		await student.getByRole('button', { name: 'Submit answers' }).click();
		await student.waitForURL(new RegExp(`/attempts/${attemptId}/results$`));
		const total = order.length;
		await expect.poll(() => student.getByText(`${total - 1} of ${total}`).count()).toBeGreaterThan(0);
		const expectedPercent = Math.round(((total - 1) / total) * 100);

		// ── The teacher: the gradebook, the item analysis and the CSV.
		await teacher.goto(`${server.url}/classes`);
		await noSeriousA11yProblems(teacher);
		await screenshot(teacher, 'teaching-classes');
		await teacher.getByRole('link', { name: 'History 9B' }).click();
		await teacher.waitForURL(classUrl);
		const gradebook = teacher.getByRole('region', { name: 'Gradebook' });
		const samRow = gradebook.getByRole('row', { name: /Sam Student/ });
		await expect.poll(() => samRow.getByText(`${expectedPercent}%`).count()).toBe(1);
		expect(await samRow.getByText('1 of 1 attempt').count()).toBe(1);
		await noSeriousA11yProblems(teacher);
		await screenshot(teacher, 'teaching-class');

		const [download] = await Promise.all([teacher.waitForEvent('download'), gradebook.getByRole('link', { name: 'Download CSV' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^history-9b-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = readFileSync((await download.path())!, 'utf8');
		const expectedScore = Math.round(((total - 1) / total) * 1000) / 10;
		expect(csv).toBe(
			'Student,E-mail,Mali quiz (quiz): best score %,Mali quiz (quiz): attempts submitted of 1\r\n' +
				`Sam Student,sam@example.org,${expectedScore},1\r\n`
		);

		await gradebook.getByRole('link', { name: 'Mali quiz' }).click();
		await teacher.waitForURL(`${server.url}/assignments/${assignment.id}`);
		const analysis = teacher.getByRole('region', { name: 'Item analysis' });
		expect(await analysis.getByText('Not enough data to flag questions yet').count()).toBe(1);
		// The edited question is the set's first, so the assignment's Q1: the one Sam got wrong.
		const editedRow = analysis.getByRole('row', { name: /^Q1 · / });
		expect(await editedRow.getByText(edited.slice(0, 60)).count()).toBe(1);
		expect(await editedRow.getByRole('cell', { name: '0%', exact: true }).count()).toBe(1);
		const otherRow = analysis.getByRole('row', { name: /^Q2 · / });
		expect(await otherRow.getByRole('cell', { name: '100%', exact: true }).count()).toBe(1);
		expect(await teacher.getByRole('row', { name: /Sam Student/ }).getByText(`${expectedPercent}%`).count()).toBeGreaterThan(0);
		await noSeriousA11yProblems(teacher);
		await screenshot(teacher, 'teaching-assignment-results');

		await teacherContext.close();
		await studentContext.close();
	});
});

describe('review decks and class mastery in a browser, on a phone', () => {
	it('assigns a review deck; joining students get the cards; the teacher sees the mastery heat map', async () => {
		const teacherUser = insertUser(db, 'teacher', 'Dee Deck');
		const studentUser = insertUser(db, 'student', 'Rory Review');
		const { set, questions: qs } = insertSet(db, teacherUser.id, { title: 'Cambodia facts' });
		const contextFor = async (userId: string) => {
			const token = generateSessionToken();
			createSession(db, token, userId);
			const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
			await context.addCookies([{ name: 'session', value: token, url: server.url }]);
			return context;
		};

		const teacherContext = await contextFor(teacherUser.id);
		const teacher = await teacherContext.newPage();
		await teacher.goto(`${server.url}/classes/new`);
		await teacher.getByLabel('Class name').fill('Geography 7A');
		await teacher.getByRole('button', { name: 'Create class' }).click();
		await teacher.waitForURL(/\/classes\/\d+$/);
		const classId = Number(/\/classes\/(\d+)$/.exec(teacher.url())![1]);
		await teacher.getByRole('radio', { name: /Review deck/ }).check();
		// Quiz settings disappear for a review deck.
		await expect.poll(() => teacher.getByLabel('Attempts allowed').count()).toBe(0);
		await teacher.getByLabel('Question set').selectOption(String(set.id));
		await teacher.getByRole('button', { name: 'Assign', exact: true }).click();
		await expect.poll(() => teacher.getByText('Assigned “Cambodia facts”.').count()).toBe(1);
		await teacher.goto(`${server.url}/sets`);
		await noSeriousA11yProblems(teacher);

		// The student joins through the join link and confirms.
		const code = db.select().from(classes).where(eq(classes.id, classId)).get()!.joinCode!;
		const studentContext = await contextFor(studentUser.id);
		const student = await studentContext.newPage();
		await student.goto(`${server.url}/classes/join?code=${code}`);
		expect(await student.getByText('This code is for Geography 7A, taught by Dee Deck.', { exact: false }).count()).toBe(1);
		expect(await student.getByLabel('Join code').inputValue()).toBe(code);
		await noSeriousA11yProblems(student);
		await student.getByRole('button', { name: 'Join class' }).click();
		await student.waitForURL(`${server.url}/classes/${classId}`);
		expect(await student.getByRole('link', { name: 'Cambodia facts' }).count()).toBe(1);
		await noSeriousA11yProblems(student);
		const mine = db.select().from(cards).where(eq(cards.userId, studentUser.id)).all();
		expect(mine.map((c) => c.questionId).sort()).toEqual(qs.map((q) => q.id).sort());

		// Two cards reviewed (one just now, one with a short memory a while ago).
		markReviewed(db, studentUser.id, qs[0].id, 10, new Date());
		markReviewed(db, studentUser.id, qs[1].id, 1, new Date(Date.now() - 20 * 86_400_000));

		await teacher.goto(`${server.url}/classes/${classId}`);
		const heat = teacher.getByRole('region', { name: 'Class mastery' });
		const row = heat.getByRole('row', { name: /Rory Review/ });
		// The mean over six cards, four not studied (0): what FSRS predicts for the two reviewed.
		const byQuestion = new Map(db.select().from(cards).where(eq(cards.userId, studentUser.id)).all().map((c) => [c.questionId, c]));
		const expected = studentMastery(qs.map((q) => q.id), byQuestion, new Date());
		expect(expected.reviewed).toBe(2);
		await expect.poll(() => row.getByRole('cell').first().textContent()).toBe(`${Math.round(expected.mastery * 100)}%`);
		expect(await heat.getByText('not studied yet').count()).toBeGreaterThan(0);
		await noSeriousA11yProblems(teacher);
		await screenshot(teacher, 'teaching-class-phone');

		await heat.getByRole('link', { name: 'Cambodia facts' }).click();
		await teacher.waitForURL(/\/assignments\/\d+$/);
		const perCard = teacher.getByRole('row', { name: /Rory Review/ });
		expect(await perCard.getByRole('cell', { name: '100%' }).count()).toBe(1);
		await noSeriousA11yProblems(teacher);
		await screenshot(teacher, 'teaching-review-deck-phone');
		await teacherContext.close();
		await studentContext.close();
	});
});
