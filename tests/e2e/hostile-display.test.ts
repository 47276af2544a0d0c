import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { articles, attempts, cards, classes, questions, users } from '../../src/lib/server/db/schema';
import { readFileSync } from 'node:fs';
import { insertSet } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';

// Script payloads stored wherever users type text, then shown on every page that displays
// them: they must appear as text, and none may run. The pages' Content-Security-Policy is
// the second line of defence: an inline script without the page's nonce is blocked.

const PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const MALI = readFileSync('tests/fixtures/articles/02-mali-empire.txt', 'utf8');
const STUDENT_NAME = '"><svg onload="window.__xss=3"><script>window.__xss=4</script>';

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

async function newPage(): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return { context, page, dialogs };
}

async function signUp(page: Page, name: string, email: string, role: 'Teacher' | 'Student') {
	await page.goto(`${server.url}/signup`);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(`${role} password 123`);
	await page.getByLabel(role).check();
	await page.getByRole('button', { name: 'Sign up' }).click();
	await page.waitForURL(`${server.url}/`);
}

/**
 * The page shows each text literally, no payload ran (window.__xss is unset, no alert),
 * and no element the payloads would create exists.
 */
async function expectInert(page: Page, where: string, texts: string[], dialogs: string[]) {
	const body = await page.locator('body').innerText();
	for (const text of texts) expect(body, `${where} shows ${text} as text`).toContain(text);
	expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), where).toBeUndefined();
	expect(await page.locator('img[src="x"], svg[onload]').count(), where).toBe(0);
	expect(dialogs, where).toEqual([]);
}

describe('script payloads are shown as text', () => {
	it('on every page that displays what users typed', async () => {
		// ── The teacher: a name, a class, an article and a question edit, all through the forms.
		const t = await newPage();
		await signUp(t.page, PAYLOAD, 'payload-teacher@example.org', 'Teacher');
		const teacher = db.select().from(users).where(eq(users.email, 'payload-teacher@example.org')).get()!;
		expect(teacher.name).toBe(PAYLOAD);
		await expectInert(t.page, 'teacher dashboard and header', [`Hello, ${PAYLOAD}`], t.dialogs);
		expect(await t.page.locator('header .who').innerText()).toContain(PAYLOAD);

		await t.page.goto(`${server.url}/classes/new`);
		await t.page.getByLabel('Class name').fill(PAYLOAD);
		await t.page.getByRole('button', { name: 'Create class' }).click();
		await t.page.waitForURL(/\/classes\/\d+$/);
		const cls = db.select().from(classes).where(eq(classes.teacherId, teacher.id)).get()!;
		expect(cls.name).toBe(PAYLOAD);

		await t.page.goto(`${server.url}/articles/new`);
		await t.page.getByLabel('Title (optional)').fill(PAYLOAD);
		await t.page.getByLabel('Article text').fill(`${MALI}\n\nA poster in the capital read ${PAYLOAD} in large letters.`);
		await t.page.getByRole('button', { name: 'Make questions' }).click();
		await t.page.waitForURL(/\/articles\/\d+$/);
		const article = db.select().from(articles).where(eq(articles.ownerId, teacher.id)).get()!;
		expect(article.title).toBe(PAYLOAD);
		await t.page.reload();
		await expectInert(t.page, 'article page', [PAYLOAD, `read ${PAYLOAD} in large letters`], t.dialogs);

		const fixture = insertSet(db, teacher.id, { title: PAYLOAD });
		await t.page.goto(`${server.url}/sets/${fixture.set.id}`);
		const first = t.page.locator('article.q').first();
		const firstId = Number((await first.getAttribute('id'))!.slice(2));
		await first.locator('summary').click();
		const editedPrompt = `${PAYLOAD} In what year did Vietnam invade Cambodia?`;
		await first.locator('textarea[name="prompt"]').fill(editedPrompt);
		await first.getByRole('button', { name: 'Save question 1' }).click();
		await expect.poll(() => db.select().from(questions).where(eq(questions.id, firstId)).get()!.prompt).toBe(editedPrompt);
		await t.page.reload();
		await expectInert(t.page, 'set editor', [editedPrompt, PAYLOAD], t.dialogs);

		const assignment = insertAssignment(db, {
			classId: cls.id,
			setId: fixture.set.id,
			questionIds: fixture.questions.map((q) => q.id),
			title: PAYLOAD
		});

		// ── The student: a name, joins the class, types a payload as an answer.
		const s = await newPage();
		await signUp(s.page, STUDENT_NAME, 'payload-student@example.org', 'Student');
		const student = db.select().from(users).where(eq(users.email, 'payload-student@example.org')).get()!;
		await s.page.goto(`${server.url}/classes/join?code=${cls.joinCode}`);
		await s.page.getByRole('button', { name: 'Join class' }).click();
		await s.page.waitForURL(/\/classes\/\d+$/);
		await expectInert(s.page, 'class page (student)', [PAYLOAD], s.dialogs);
		await s.page.goto(`${server.url}/`);
		await expectInert(s.page, 'student dashboard and header', [`Hello, ${STUDENT_NAME}`, PAYLOAD], s.dialogs);

		await s.page.goto(`${server.url}/assignments/${assignment.id}`);
		await expectInert(s.page, 'assignment intro', [PAYLOAD], s.dialogs);
		await s.page.getByRole('button', { name: 'Start the quiz' }).click();
		await s.page.waitForURL(/\/attempts\/\d+\/1$/);
		const attemptId = Number(/\/attempts\/(\d+)\//.exec(s.page.url())![1]);
		await expectInert(s.page, 'quiz question', [editedPrompt], s.dialogs);
		await s.page.goto(`${server.url}/attempts/${attemptId}/2`);
		await s.page.getByLabel('Your answer').fill(PAYLOAD);
		await s.page.getByRole('button', { name: 'Save and next' }).click();
		await s.page.waitForURL(`${server.url}/attempts/${attemptId}/3`);
		await s.page.goto(`${server.url}/attempts/${attemptId}/2`);
		expect(await s.page.getByLabel('Your answer').inputValue()).toBe(PAYLOAD);
		await expectInert(s.page, 'quiz question with the saved answer', [], s.dialogs);

		await s.page.goto(`${server.url}/attempts/${attemptId}/submit`);
		await s.page.getByRole('button', { name: 'Submit answers' }).click();
		await s.page.waitForURL(`${server.url}/attempts/${attemptId}/results`);
		expect(db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.submittedAt).not.toBeNull();
		await expectInert(s.page, 'quiz results', [editedPrompt, PAYLOAD], s.dialogs);

		// The wrongly answered question is now a card whose front is the edited prompt.
		const card = db.select().from(cards).where(and(eq(cards.userId, student.id), eq(cards.questionId, firstId))).get()!;
		await s.page.goto(`${server.url}/review?card=${card.id}`);
		await expectInert(s.page, 'review card', [editedPrompt], s.dialogs);

		// ── Back to the teacher: the class page with its gradebook, and the assignment's results.
		await t.page.goto(`${server.url}/classes/${cls.id}`);
		await expectInert(t.page, 'class page and gradebook (teacher)', [PAYLOAD, STUDENT_NAME], t.dialogs);
		expect(await t.page.locator('table').filter({ hasText: STUDENT_NAME }).count()).toBeGreaterThan(0);
		await t.page.goto(`${server.url}/assignments/${assignment.id}`);
		await expectInert(t.page, 'assignment results (teacher)', [PAYLOAD, STUDENT_NAME, editedPrompt], t.dialogs);

		await t.context.close();
		await s.context.close();
	});

	it('and the Content-Security-Policy blocks an inline script or handler that slipped in', async () => {
		const { context, page } = await newPage();
		const response = await page.goto(`${server.url}/login`);
		const csp = response!.headers()['content-security-policy'];
		const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)![1];
		expect(scriptSrc).toMatch(/^'self' 'nonce-[^']+'$/);
		expect(csp).toContain("frame-ancestors 'none'");

		const result = await page.evaluate(async () => {
			const violations: string[] = [];
			document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
			const script = document.createElement('script');
			script.textContent = 'window.__csp = "script ran"';
			document.body.append(script);
			const img = document.createElement('img');
			img.setAttribute('onerror', 'window.__csp = "handler ran"');
			img.src = 'data:,broken';
			document.body.append(img);
			// The violation reports arrive as events: wait for both (bounded), whatever the speed.
			for (let i = 0; i < 100 && violations.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
			return { ran: (window as unknown as { __csp?: string }).__csp ?? null, violations };
		});
		expect(result.ran).toBeNull();
		expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
		await context.close();
	});
});
