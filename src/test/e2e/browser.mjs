// What the browser scripts share: Debian's Chromium, headless, the login form of the Camunda web apps,
// and what a failed run leaves behind to say why.
import { chromium } from 'playwright-core';

// Generous: a step waits this long before it fails, which on a loaded two-core CI machine it may need.
const STEP_TIMEOUT_MS = 120000;

/**
 * Opens a page in a new headless Chromium, gives it to work and prints what work returns as JSON.
 * When work fails, the error, the page's address and its visible error messages go to stderr, a
 * screenshot to target/<name>-failure.png, and the process exits with 1.
 */
export async function inBrowser(name, pageOptions, work) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync']
  });
  let page;
  try {
    page = await browser.newPage(pageOptions);
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    console.log(JSON.stringify(await work(page)));
  } catch (error) {
    console.error(`${name} failed at ${page?.url()}: ${error.stack ?? error}`);
    if (page) {
      console.error('error messages shown: ' + JSON.stringify(await visibleErrors(page).catch((e) => [String(e)])));
      await page.screenshot({ path: `target/${name}-failure.png`, fullPage: true }).catch(() => {});
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** The texts of the error notifications the Camunda web apps show. */
export function visibleErrors(page) {
  return page.evaluate(() => [...document.querySelectorAll('.alert-danger, .alert-error')]
    .filter((n) => n.offsetParent !== null).map((n) => n.innerText.trim()));
}

/**
 * Opens a web app (tasklist, cockpit) and logs in on its form, filled only once the app's first requests
 * (among them who is logged in) are answered; waits until the form has gone.
 */
export async function logIn(page, base, app, user, password) {
  await page.goto(base + '/camunda/app/' + app + '/default/', { waitUntil: 'networkidle' });
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('input[ng-model="username"]', { state: 'detached' });
}
