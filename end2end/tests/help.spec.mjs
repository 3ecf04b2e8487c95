import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

for (const mode of jsModes) {
  test(`ask for help, get an answer, delete everything (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const parent = await context.newPage();
    const problems = watchForErrors(parent);
    await parent.goto('/');
    await parent.getByRole('link', { name: /Vraag hulp/ }).click();
    // The crisis block of /help (the footer carries the same numbers on every page).
    await expect(parent.locator('.crisis').getByRole('link', { name: '0800-2000' })).toBeVisible();
    await expectNoAxeViolations(parent, mode);

    // A mistake first: no theme.
    await parent.getByLabel('Je vraag').fill('Ik red het niet met geld deze maand.');
    await parent.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await expect(parent.getByRole('alert')).toContainText('Kies waar je vraag over gaat.');
    await expect(parent.getByLabel('Je vraag')).toHaveValue('Ik red het niet met geld deze maand.');
    await parent.getByText('Geld en schulden').click();
    await parent.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    const code = (await parent.locator('.pickup-code').innerText()).trim();
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(parent.url()).not.toContain(code.slice(0, 4) + code.slice(5, 9));
    // The card says where the answer is read.
    await expect(parent.locator('.code-card')).toContainText('/help/reply');
    await expectNoAxeViolations(parent, mode);
    const keep = parent.getByRole('button', { name: 'Bewaar de code op deze telefoon' });
    if (mode.javaScriptEnabled) {
      await screenshot(parent, 'help-code-nl');
      await keep.click();
      await expect(parent.getByText('De code staat nu op deze telefoon.')).toBeVisible();
      expect(await parent.evaluate(() => localStorage.getItem('doorstart-code'))).toBe(code.replace(/ /g, ''));
    } else {
      await expect(keep).toBeHidden();
    }

    // A volunteer answers.
    const helper = await (await browser.newContext()).newPage();
    await helper.goto('/admin/login');
    await helper.getByLabel('E-mailadres').fill(email);
    await helper.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await helper.getByRole('button', { name: 'Inloggen' }).click();
    await helper.getByRole('link', { name: 'Hulpvragen' }).click();
    await expectNoAxeViolations(helper);
    // Other journeys' questions may wait in the inbox too: this one is about money.
    await helper.locator('.inbox-item', { hasText: 'Geld en schulden' }).first().getByRole('link').click();
    await expect(helper.locator('.messages')).toContainText('Ik red het niet met geld');
    await helper.getByLabel('Je antwoord').fill('Dat is zwaar. Je gemeente heeft gratis schuldhulp. Zal ik uitleggen hoe?');
    await helper.getByRole('button', { name: 'Verstuur' }).click();
    await expectNoAxeViolations(helper);

    // The parent reads the answer with the code (kept on the phone, or typed).
    await parent.goto('/help/reply');
    if (mode.javaScriptEnabled) {
      await expect(parent.getByLabel('Je ophaalcode')).toHaveValue(code.replace(/ /g, ''));
      await expect(parent.getByText('De code van deze telefoon staat al in het vak.')).toBeVisible();
    }
    await parent.getByLabel('Je ophaalcode').fill('1234 5678');
    await parent.getByRole('button', { name: 'Bekijk' }).click();
    await expect(parent.getByRole('alert')).toContainText('Deze code kennen we niet.');
    await parent.getByLabel('Je ophaalcode').fill(code);
    await parent.getByRole('button', { name: 'Bekijk' }).click();
    await expect(parent.locator('.messages')).toContainText('gratis schuldhulp');
    await expectNoAxeViolations(parent, mode);
    if (mode.javaScriptEnabled) await screenshot(parent, 'help-reply-nl');

    // In a second tab the parent deletes everything; in the first, a message typed after that
    // is not lost: the code form comes back with the words kept.
    const other = await context.newPage();
    await other.goto('/help/reply');
    await other.getByLabel('Je ophaalcode').fill(code);
    await other.getByRole('button', { name: 'Bekijk' }).click();
    await other.getByRole('button', { name: 'Wis alles nu' }).click();
    await expect(other.locator('h1')).toHaveText('Alles is gewist');
    if (mode.javaScriptEnabled) {
      expect(await other.evaluate(() => localStorage.getItem('doorstart-code'))).toBeNull();
    }
    await parent.getByLabel('Je antwoord').fill('Ja graag, hoe werkt dat?');
    await parent.getByRole('button', { name: 'Verstuur' }).click();
    await expect(parent.getByRole('alert')).toContainText('Deze code kennen we niet.');
    await expect(parent.getByLabel(/Je antwoord/)).toHaveValue('Ja graag, hoe werkt dat?');
    await expectNoAxeViolations(parent, mode);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('help page in Arabic, right to left', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/help?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('طلب المساعدة دون ذكر اسمك');
  await expectNoAxeViolations(page);
  await screenshot(page, 'help-ar');
});
