// Logs in to Tasklist, opens a claimed "Plan the writing" task (a form with a dynamic list) and
// completes it as a person would; prints what the Complete button and the form did, as JSON.
// Usage: node tasklist-plan-writing.mjs <base url> <user> <password> <task id> <document url> <owner,owner,...>
import { inBrowser, logIn, visibleErrors } from './browser.mjs';

const [base, user, password, taskId, documentUrl, owners] = process.argv.slice(2);
await inBrowser('tasklist-plan-writing', { viewport: { width: 1400, height: 2400 } }, async (page) => {
  await logIn(page, base, 'tasklist', user, password);
  await page.waitForSelector('.task-filters, [cam-tasks]');
  await page.goto(base + '/camunda/app/tasklist/default/#/?task=' + taskId + '&detailsTab=task-detail-form');
  const field = (key) => page.locator(`input[id$="-Field_${key}"]`).first();
  await field('owner_0').waitFor();
  const complete = page.locator('button:has-text("Complete")').first();
  const settle = async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(1000);
  };
  await settle();
  const seen = { completeDisabledOnLoad: await complete.isDisabled(),
    formText: await page.locator('.fjs-container').first().innerText(),
    firstSection: await field('title_0').inputValue() };

  await field('documentUrl').fill('http://not-secure.example.org/draft');
  await settle();
  seen.completeDisabledWithHttpLink = await complete.isDisabled();

  await field('documentUrl').fill(documentUrl);
  const names = owners.split(',');
  for (let row = 0; await field('owner_' + row).count() > 0; row++) {
    await field('owner_' + row).fill(names[row % names.length]);
  }
  await settle();
  seen.completeDisabledWhenFilled = await complete.isDisabled();
  await page.screenshot({ path: 'target/tasklist-plan-writing.png', fullPage: true });
  if (!seen.completeDisabledWhenFilled) {
    await complete.click();
    await page.waitForSelector('.fjs-container', { state: 'detached', timeout: 60000 }).catch(() => {});
  }
  seen.formStillShown = await page.locator('.fjs-container').count() > 0;
  seen.errorToasts = await visibleErrors(page);
  return seen;
});
