import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes, signIn } from './helpers.mjs';

// Issue 27, points 4 and 6: a parent keeps their link and loses nothing with one tap; a
// volunteer hears what each action did, at the place it was done, and confirms what cannot be
// undone. All on a 360 px phone, with and without JavaScript.

const base = process.env.BASE_URL || 'http://127.0.0.1:3100';
const phone = { width: 360, height: 740 };

const words = {
  nl: {
    keep: 'Bewaar je link',
    whatsapp: 'Naar mezelf via WhatsApp',
    sms: 'Naar mezelf via sms',
    mail: 'Naar mezelf via e-mail',
    copy: 'Kopieer de link',
    print: 'Print met QR-code',
    withdraw: 'Trek mijn aanvraag in',
    ask: 'Je aanvraag intrekken?',
    no: 'Nee, ik houd mijn aanvraag',
    yes: 'Ja, wis mijn aanvraag',
    gone: 'Je aanvraag is gewist',
  },
  ar: {
    keep: 'حفظ رابطك',
    whatsapp: 'أرسله لنفسي عبر واتساب',
    sms: 'أرسله لنفسي برسالة نصية',
    mail: 'أرسله لنفسي بالبريد الإلكتروني',
    copy: 'نسخ الرابط',
    print: 'طباعة مع رمز QR',
    withdraw: 'أريد سحب طلبي',
    ask: 'سحب طلبك وحذفه؟',
    no: 'لا، أريد الاحتفاظ بطلبي',
    yes: 'نعم، أريد حذف طلبي',
    gone: 'تم حذف طلبك',
  },
};

/** The page is no wider than the phone. */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(phone.width);
}

/** Joins the first group near 7607 in this language; returns the status page's path. */
async function join(page, lang, name) {
  await page.goto(`/groups?lang=${lang}&postcode=7607`);
  await page.locator('.group-card h3 a').first().click();
  await page.locator('a[href$="/join"]').first().click();
  await expect(page).toHaveURL(/\/groups\/[^/]+\/join$/);
  await page.locator('#first_name').fill(name);
  await page.locator('#contact-meeting').check();
  await page.locator('#consent-box').check();
  await page.locator('form[method="post"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);
  return new URL(page.url()).pathname;
}

/** The "keep your link" card: the link as text, sent to oneself, copied and printed (JS). */
async function expectKeepCard(page, w, path, mode) {
  const link = `${base}${path}`;
  const card = page.locator('.keep-card');
  await expect(card.getByRole('heading', { name: w.keep })).toBeVisible();
  await expect(card.locator('.keep-url')).toHaveText(link);
  const sent = card.getByRole('link', { name: w.whatsapp });
  await expect(sent).toHaveAttribute('href', new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(link).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(card.getByRole('link', { name: w.sms })).toHaveAttribute('href', /^sms:\?&body=/);
  await expect(card.getByRole('link', { name: w.mail })).toHaveAttribute('href', /^mailto:\?subject=.+&body=/);
  await expect(card.locator('.keep-qr svg rect').first()).toBeAttached();
  // Keeping comes before withdrawing, and the send links are in the first screen's reach.
  const keepTop = (await card.boundingBox()).y;
  const withdrawTop = (await page.locator('.withdraw').boundingBox()).y;
  expect(keepTop).toBeLessThan(withdrawTop);
  const copy = card.getByRole('button', { name: w.copy });
  const print = card.getByRole('button', { name: w.print });
  if (mode.javaScriptEnabled) {
    await expect(print).toBeVisible();
    await copy.click();
    await expect(card.locator('.keep-copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  } else {
    // Without JavaScript: no buttons that cannot work; the link is text to select.
    await expect(copy).toBeHidden();
    await expect(print).toBeHidden();
  }
}

for (const mode of jsModes) {
  for (const lang of ['nl', 'ar']) {
    test(`withdrawing asks first: cancel once, confirm once (${lang}, ${mode.name})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled, viewport: phone });
      if (mode.javaScriptEnabled) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      const problems = watchForErrors(page);
      const w = words[lang];
      const status = await join(page, lang, lang === 'ar' ? 'مريم' : 'Sanne');
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expectKeepCard(page, w, status, mode);
      await fitsThePhone(page);
      await expectNoAxeViolations(page, mode);
      if (mode.javaScriptEnabled) await screenshot(page, `keep-link-${lang}`);

      // Withdrawing is a link to a page that asks, with a calmer icon than quick exit's ✕.
      const withdraw = page.getByRole('link', { name: w.withdraw });
      await expect(withdraw.locator('svg path').first()).not.toHaveAttribute('d', 'M6 6l12 12M18 6L6 18');
      await withdraw.click();
      await expect(page).toHaveURL(new RegExp(`${status}/withdraw$`));
      await expect(page.locator('h1')).toHaveText(w.ask);
      await fitsThePhone(page);
      await expectNoAxeViolations(page, mode);
      if (mode.javaScriptEnabled) await screenshot(page, `withdraw-ask-${lang}`);

      // Cancel once: back on the status page, the request is still there.
      await page.getByRole('link', { name: w.no }).click();
      await expect(page).toHaveURL(new RegExp(`${status}$`));
      await expect(page.locator('.keep-card')).toBeVisible();

      // Confirm once: deleted, and the link no longer works.
      await page.getByRole('link', { name: w.withdraw }).click();
      await page.getByRole('button', { name: w.yes }).click();
      await expect(page).toHaveURL(/\/withdrawn$/);
      await expect(page.locator('h1')).toHaveText(w.gone);
      const gone = await page.goto(status);
      expect(gone.status()).toBe(404);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  test(`an RSVP keeps its link and cancels only after asking (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled, viewport: phone });
    if (mode.javaScriptEnabled) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/groups?postcode=7602');
    await page.locator('.group-card h3 a').first().click();
    await page.locator('.meetups a').first().click();
    await page.getByLabel('Je voornaam of een bijnaam').fill('Ayşe');
    await page.getByRole('button', { name: 'Ik kom' }).click();
    await expect(page).toHaveURL(/\/rsvp\/[A-Za-z0-9_-]{43}$/);
    const rsvp = new URL(page.url()).pathname;
    await expect(page.locator('.keep-card .keep-url')).toHaveText(`${base}${rsvp}`);
    await fitsThePhone(page);
    await expectNoAxeViolations(page, mode);

    await page.getByRole('link', { name: 'Ik kan toch niet komen' }).click();
    await expect(page.locator('h1')).toHaveText('Kun je toch niet komen?');
    await expectNoAxeViolations(page, mode);
    await page.getByRole('link', { name: 'Nee, niet afzeggen' }).click();
    await expect(page).toHaveURL(new RegExp(`${rsvp}$`));
    await expect(page.locator('h1')).toHaveText('Fijn dat je komt, Ayşe!');

    await page.getByRole('link', { name: 'Ik kan toch niet komen' }).click();
    await page.getByRole('button', { name: 'Ja, zeg mijn plek af' }).click();
    await expect(page).toHaveURL(/\/rsvp-cancelled$/);
    const gone = await page.goto(rsvp);
    expect(gone.status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`a volunteer hears what each action did, where it was done (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled, viewport: phone });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, process.env.E2E_COORDINATOR_EMAIL, process.env.E2E_COORDINATOR_PASSWORD);
    const name = `Koffie en kletsen ${mode.javaScriptEnabled ? 'A' : 'B'}`;

    // A new group: saved, and on to planning, which starts from the group's own day, time
    // and place.
    await page.goto('/admin/groups/new');
    await page.getByLabel('Naam van de groep').fill(name);
    await page.getByLabel('Wat doet de groep?').fill('We drinken koffie en praten.');
    await page.getByLabel('De eerste keer').fill('Loop gewoon binnen.');
    await page.getByLabel('Voornaam van de begeleider').fill('Anna');
    await page.getByLabel('Je postcode').fill('7607');
    await page.getByLabel('Waar').fill('Buurthuis (voorbeeld), Almelo');
    await page.getByLabel('Begintijd').fill('09:30');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/groups\/[0-9a-f]{32}\/meetups\?done=group-created#plan$/);
    const meetups = new URL(page.url()).pathname;
    // The message is a status notice (`#done`; the mail-off notice may be another status).
    await expect(page.locator('#done')).toHaveAttribute('role', 'status');
    await expect(page.locator('#done')).toHaveText('De groep is opgeslagen. Plan nu de bijeenkomsten.');
    await expect(page.getByLabel('Begintijd')).toHaveValue('09:30');
    await expect(page.getByLabel('Waar')).toHaveValue('Buurthuis (voorbeeld), Almelo');
    await expect(page.getByLabel('Plaats voor hoeveel mensen')).toHaveValue('12');
    await expect(page.getByLabel('Hoeveel weken')).toHaveValue('4');
    const first = await page.getByLabel('Eerste datum').inputValue();
    // The group meets on Tuesdays (the form's default day).
    expect(new Date(`${first}T12:00:00Z`).getUTCDay()).toBe(2);
    await expectNoAxeViolations(page, mode);

    // Planned as it stands: "4 meetups planned", said at the list.
    await page.getByRole('button', { name: 'Plannen' }).click();
    await expect(page).toHaveURL(/\?done=planned&count=4#meetups$/);
    await expect(page.locator('#done')).toHaveText('4 bijeenkomsten gepland.');
    await expect(page.locator('#done')).toBeInViewport();
    await expect(page.locator('.inbox-item')).toHaveCount(4);
    await fitsThePhone(page);
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'admin-planned-nl');

    // Cancelling a meetup asks first: "no" goes back, "yes" cancels and says so at the meetup.
    const second = page.locator('.inbox-item').nth(1);
    const meetupId = (await second.getAttribute('id')).replace('meetup-', '');
    await second.getByRole('link', { name: 'Gaat niet door' }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/meetups/${meetupId}/cancel$`));
    await expect(page.locator('h1')).toHaveText('Gaat deze bijeenkomst niet door?');
    await expectNoAxeViolations(page, mode);
    await page.getByRole('link', { name: 'Nee, terug' }).click();
    await expect(page).toHaveURL(new RegExp(`${meetups}#meetup-${meetupId}$`));
    await expect(page.locator(`#meetup-${meetupId}`)).not.toContainText('Deze bijeenkomst gaat niet door.');
    await page.locator(`#meetup-${meetupId}`).getByRole('link', { name: 'Gaat niet door' }).click();
    await page.getByRole('button', { name: 'Ja, de bijeenkomst gaat niet door' }).click();
    await expect(page).toHaveURL(new RegExp(`done=meetup-cancelled&item=${meetupId}#meetup-${meetupId}$`));
    const cancelled = page.locator(`#meetup-${meetupId}`);
    await expect(cancelled.locator('#done')).toHaveText('Opgeslagen: deze bijeenkomst gaat niet door.');
    await expect(cancelled).toContainText('Deze bijeenkomst gaat niet door.');
    await expect(cancelled).toBeInViewport();
    await expectNoAxeViolations(page, mode);

    // A parent asks to join; "contacted" is said at the parent's card, which stays in view.
    const parent = await (await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled, viewport: phone })).newPage();
    const group = meetups.split('/')[3];
    const parentName = `Noor ${mode.javaScriptEnabled ? 'A' : 'B'}`;
    await parent.goto(`/groups/${group}/join`);
    await parent.getByLabel('Je voornaam of een bijnaam').fill(parentName);
    await parent.getByLabel('Ik kom gewoon naar een bijeenkomst').check();
    await parent.getByLabel(/Ik vind het goed/).check();
    await parent.getByRole('button', { name: 'Verstuur' }).click();
    await expect(parent).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);

    await page.goto('/admin');
    const card = page.locator('.inbox-item', { hasText: parentName });
    await card.getByRole('button', { name: 'Contact opgenomen' }).click();
    await expect(page).toHaveURL(/\/admin\?done=contacted&item=[0-9a-f]+#request-[0-9a-f]+$/);
    const marked = page.locator('.inbox-item', { hasText: parentName });
    await expect(marked.locator('#done')).toHaveText('Opgeslagen: contact opgenomen.');
    await expect(marked).toBeInViewport();
    await fitsThePhone(page);
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'admin-contacted-nl');

    // Saving the group comes back to its card in the list, saying so.
    await page.goto(`/admin/groups/${group}`);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/groups\\?done=group-saved&item=${group}#group-${group}$`));
    await expect(page.locator(`#group-${group} #done`)).toHaveText('Opgeslagen: de groep is bijgewerkt.');
    await expectNoAxeViolations(page, mode);
    expect(problems).toEqual([]);
    await parent.context().close();
    await context.close();
  });
}
