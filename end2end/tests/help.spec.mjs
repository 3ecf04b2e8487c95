import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

/**
 * Right after sending: the code is on the first screen (360 px wide), above the crisis lines,
 * and with JavaScript the region with the code has the focus.
 */
async function codeOnFirstScreen(page, mode) {
  const code = page.locator('.pickup-code');
  await expect(code).toBeVisible();
  const box = await code.boundingBox();
  const screen = page.viewportSize();
  expect(box.y + box.height, 'the code is within the first screen').toBeLessThan(screen.height);
  const crisis = await page.locator('.crisis').boundingBox();
  expect(box.y, 'the code comes before the crisis lines').toBeLessThan(crisis.y);
  if (mode.javaScriptEnabled) {
    await expect(page.locator('#help-sent')).toBeFocused();
  }
  return (await code.innerText()).trim();
}

/** On /help the short crisis lines leave room: the form's first question starts on the first screen. */
async function formOnFirstScreen(page) {
  const legend = await page.locator('#theme legend').boundingBox();
  expect(legend.y, 'the form starts within the first screen').toBeLessThan(page.viewportSize().height);
}

/** The coordinator signs in, in a context of its own (with or without JavaScript). */
async function volunteer(browser, mode) {
  const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return { context, page };
}

/** "Mark as solved" asks first; the volunteer confirms and is back at the list. */
async function markSolved(helper, mode) {
  await helper.getByRole('button', { name: 'Markeer als opgelost' }).click();
  await expect(helper.getByRole('heading', { name: 'Deze vraag op opgelost zetten?' })).toBeVisible();
  await expectNoAxeViolations(helper, mode);
  await helper.getByRole('button', { name: 'Ja, markeer als opgelost' }).click();
  await expect(helper).toHaveURL(/\/admin\/help$/);
}

for (const mode of jsModes) {
  test(`ask for help, get an answer, delete everything (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const parent = await context.newPage();
    const problems = watchForErrors(parent);
    await parent.goto('/');
    await expect(parent.locator('main a[href="/help/reply"]')).toHaveText('Ik heb een code: lees mijn antwoord');
    await parent.getByRole('link', { name: /Vraag hulp/ }).click();
    // The short crisis lines of /help (the footer carries the longer ones on every page).
    await expect(parent.locator('.crisis').getByRole('link', { name: '0800-2000' })).toBeVisible();
    await expect(parent.locator('main a[href="/help/reply"]')).toBeVisible();
    await formOnFirstScreen(parent);
    await expectNoAxeViolations(parent, mode);

    // A mistake first: no theme.
    await parent.getByLabel('Je vraag').fill('Ik red het niet met geld deze maand.');
    await parent.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await expect(parent.getByRole('alert')).toContainText('Kies waar je vraag over gaat.');
    await expect(parent.getByLabel('Je vraag')).toHaveValue('Ik red het niet met geld deze maand.');
    await parent.getByText('Geld en schulden').click();
    await parent.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    const code = await codeOnFirstScreen(parent, mode);
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

    // A volunteer answers: the card says language, wait and call-back, the page says the
    // parent's language; the parent's message is labelled "Ouder".
    const { context: helperContext, page: helper } = await volunteer(browser, mode);
    await helper.getByRole('link', { name: 'Hulpvragen' }).click();
    await expectNoAxeViolations(helper, mode);
    // Other journeys' questions may wait in the inbox too: this one is about money.
    const card = helper.locator('.inbox-item', { hasText: 'Geld en schulden' }).filter({ hasText: 'Wacht op antwoord' }).first();
    await expect(card).toContainText('Nederlands');
    await expect(card).toContainText(/Wacht (korter dan een uur|\d+ uur)/);
    await expect(card).toContainText('Wil een geschreven antwoord');
    await card.getByRole('link').click();
    await expect(helper.locator('.messages')).toContainText('Ik red het niet met geld');
    await expect(helper.locator('.parent-language')).toContainText('Taal van de ouder: Nederlands.');
    await expect(helper.locator('.message .meta').first()).toContainText('Ouder');
    await helper.getByLabel('Je antwoord').fill('Dat is zwaar. Je gemeente heeft gratis schuldhulp. Zal ik uitleggen hoe?');
    await helper.getByRole('button', { name: 'Verstuur', exact: true }).click();
    await expectNoAxeViolations(helper, mode);
    if (mode.javaScriptEnabled) await screenshot(helper, 'help-volunteer-nl');
    await markSolved(helper, mode);
    await helperContext.close();

    // The parent comes back through the home page and reads the answer with the code (kept on
    // the phone, or typed).
    await parent.goto('/');
    await parent.getByRole('link', { name: 'Ik heb een code: lees mijn antwoord' }).click();
    await expect(parent).toHaveURL(/\/help\/reply$/);
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
    await expect(parent.locator('main')).toContainText('Opgelost');
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

  test(`a mother who reads Arabic asks, keeps the code and comes back through home (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const parent = await context.newPage();
    const problems = watchForErrors(parent);
    const words = `سؤال عن الانفصال ${Date.now()}`;
    await parent.goto('/?lang=ar');
    await expect(parent.locator('html')).toHaveAttribute('dir', 'rtl');
    const back = parent.getByRole('link', { name: 'لديّ رمز: قراءة الجواب على سؤالي' });
    await expect(back).toHaveAttribute('href', '/help/reply');
    await expectNoAxeViolations(parent, mode);
    await parent.locator('.choices').getByRole('link', { name: /طلب المساعدة/ }).click();
    await expect(parent.locator('h1')).toHaveText('طلب المساعدة دون ذكر اسمك');
    await expect(parent.locator('main a[href="/help/reply"]')).toHaveText('لديّ رمز: قراءة الجواب على سؤالي');
    // The crisis lines are short: the form starts on the first screen.
    const theme = parent.getByText('الانفصال، والتعامل مع الطرف الآخر');
    await formOnFirstScreen(parent);
    await expectNoAxeViolations(parent, mode);
    await theme.click();
    await parent.locator('#message').fill(words);
    await parent.getByRole('button', { name: 'إرسال سؤالي' }).click();
    const code = await codeOnFirstScreen(parent, mode);
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await expect(parent.locator('#help-sent h2')).toHaveText('تم إرسال سؤالك');
    await expectNoAxeViolations(parent, mode);
    if (mode.javaScriptEnabled) await screenshot(parent, 'help-code-ar');

    // The volunteer sees an Arabic question, answers in short, simple Dutch, marks it solved.
    const { context: helperContext, page: helper } = await volunteer(browser, mode);
    await helper.goto('/admin/help?theme=separation&language=ar&status=new');
    const card = helper.locator('.inbox-item').first();
    await expect(card).toContainText('Arabisch');
    await card.getByRole('link').click();
    await expect(helper.locator('.messages')).toContainText(words);
    await expect(helper.locator('.parent-language')).toContainText('Taal van de ouder: Arabisch.');
    await expect(helper.locator('.parent-language')).toContainText('korte, eenvoudige Nederlandse zinnen');
    await helper.getByLabel('Je antwoord').fill('Dank je. Je kunt gratis hulp krijgen bij het Juridisch Loket.');
    await helper.getByRole('button', { name: 'Verstuur', exact: true }).click();
    await expect(helper.locator('.messages')).toContainText('Juridisch Loket');
    await markSolved(helper, mode);
    await helperContext.close();

    // Back through the home page, in Arabic.
    await parent.goto('/');
    await parent.getByRole('link', { name: 'لديّ رمز: قراءة الجواب على سؤالي' }).click();
    await expect(parent).toHaveURL(/\/help\/reply$/);
    await parent.locator('#code').fill(code);
    await parent.getByRole('button', { name: 'عرض', exact: true }).click();
    await expect(parent.locator('.messages')).toContainText('Juridisch Loket');
    await expectNoAxeViolations(parent, mode);
    if (mode.javaScriptEnabled) await screenshot(parent, 'help-reply-ar');
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
