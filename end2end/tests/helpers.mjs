import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';

/**
 * axe-core must find nothing on the page as it is now. axe runs as a script, so in a context
 * without JavaScript it cannot run; the server sends the same HTML either way, and every page
 * is also checked in a journey with JavaScript.
 */
export async function expectNoAxeViolations(page, mode = { javaScriptEnabled: true }) {
  if (!mode.javaScriptEnabled) return;
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Fails the test on any CSP report or page error (for example a script without its nonce). */
export function watchForErrors(page) {
  const problems = [];
  page.on('console', (msg) => {
    // A 4xx document is an answer the test itself checks (400 for bad input, 404).
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
      problems.push(msg.text());
    }
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  return problems;
}

/** Neutral site for the quick exit: answered locally, this machine has no internet. */
export async function fakeNeutralSite(context) {
  await context.route('https://www.google.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<html><head><title>Neutral</title></head><body>neutral</body></html>' }));
}

export async function screenshot(page, name) {
  const dir = path.resolve(process.cwd(), '..', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Both ways every journey must work. */
export const jsModes = [
  { name: 'with JavaScript', javaScriptEnabled: true },
  { name: 'without JavaScript', javaScriptEnabled: false },
];

/** Signs in on the facilitator side and waits for the inbox. */
export async function signIn(page, who, secret) {
  await page.goto('/admin/login');
  await page.getByLabel('E-mailadres').fill(who);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
