// Logs in to Cockpit as a user, opens the dashboard and prints what the "Proposal portfolio" shows, as JSON.
// Usage: node cockpit-dashboard.mjs <base url> <user> <password> [programme to filter by]
import { inBrowser, logIn } from './browser.mjs';

const [base, user, password, programme] = process.argv.slice(2);
await inBrowser('cockpit-dashboard-' + user, {}, async (page) => {
  await logIn(page, base, 'cockpit', user, password);
  await page.waitForSelector('.pf-portfolio .pf-kpis, .pf-portfolio .pf-denied');
  const read = () => page.evaluate(() => ({
    title: document.querySelector('.pf-portfolio h2')?.textContent,
    kpis: Object.fromEntries([...document.querySelectorAll('.pf-kpi')].map((k) =>
      [k.dataset.kpi, k.querySelector('.pf-value').textContent])),
    clusters: [...document.querySelectorAll('.pf-clusters tbody tr')].map((r) => r.dataset.cluster),
    targets: [...document.querySelectorAll('.pf-targets tr')].map((r) => r.dataset.target),
    funnel: [...document.querySelectorAll('svg.pf-funnel text.pf-funnel-count')].map((t) => t.textContent),
    atRiskLinks: [...document.querySelectorAll('.pf-at-risk a')].map((a) => a.getAttribute('href')),
    csvLink: document.querySelector('.pf-csv')?.getAttribute('href') ?? null,
    denied: document.querySelector('.pf-denied')?.textContent ?? null
  }));
  const seen = await read();
  if (programme) {
    await page.selectOption('.pf-filter select[name=programme]', programme);
    await page.click('.pf-filter button[type=submit]');
    await page.waitForFunction((chosen) => document.querySelector('.pf-csv')?.getAttribute('href')
      .includes('programme=' + chosen), programme);
    seen.filtered = await read();
  }
  await page.locator('.pf-portfolio').screenshot({ path: 'target/cockpit-dashboard-' + user + '.png' });
  return seen;
});
