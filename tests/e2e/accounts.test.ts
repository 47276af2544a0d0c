import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer({ trustAddressHeader: false });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.dispose();
});

describe('accounts in a browser', () => {
	it('signs up, sees the dashboard, logs out and logs back in', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(server.url);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole('link', { name: 'Create a free account' }).click();

		await page.getByLabel('Name').fill('Rosalind Franklin');
		await page.getByLabel('E-mail').fill('rosalind@example.org');
		await page.getByLabel('Password').fill('photo 51 x-ray');
		await page.getByLabel('Teacher').check();
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Sign up' }).click();

		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello, Rosalind Franklin');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await screenshot(page, 'dashboard-teacher');

		await page.getByRole('button', { name: 'Log out' }).click();
		await expect.poll(() => page.getByRole('link', { name: 'Create a free account' }).isVisible()).toBe(true);

		await page.getByRole('link', { name: 'Log in' }).first().click();
		await page.getByLabel('E-mail').fill('rosalind@example.org');
		await page.getByLabel('Password').fill('wrong password');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong e-mail address or password.');
		expect(await page.getByLabel('E-mail').inputValue()).toBe('rosalind@example.org');
		expect(await seriousA11yViolations(page)).toEqual([]);

		await page.getByLabel('Password').fill('photo 51 x-ray');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello, Rosalind Franklin');
		await context.close();
	});

	it('works without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${server.url}/login`);
		await page.getByLabel('E-mail').fill('student@factdeck.example');
		await page.getByLabel('Password').fill('factdeck-student');
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL(`${server.url}/`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello, Demo Student');
		await page.goto(`${server.url}/settings`);
		await page.getByLabel('New cards per day').fill('35');
		await page.getByRole('button', { name: 'Save study settings' }).click();
		expect(await page.getByRole('status').textContent()).toContain('saved');
		expect(await page.getByLabel('New cards per day').inputValue()).toBe('35');
		await screenshot(page, 'settings');
		await context.close();
	});
});
