// "Proposal portfolio" on Cockpit's dashboard: the figures of /api/portfolio (portfolio managers see
// every cluster, a cluster manager their own), the targets, the funnel, clusters and the at-risk list.
const euros = (value) => Number(value).toLocaleString('en-GB', { maximumFractionDigits: 0 }) + ' €';
const percent = (share) => (share === null || share === undefined) ? '–' : Math.round(share * 100) + ' %';
const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
}[c]));

const TARGET_NAMES = {
  initiativesLaunched: 'Initiatives launched',
  proposalsSubmitted: 'Proposals submitted',
  proposalsFunded: 'Proposals funded',
  fundedFromHorizonEurope: 'Funded from Horizon Europe',
  eurosToTheRegion: 'Euros to the region'
};

function kpis(total) {
  const items = [
    ['Launched', total.launched], ['Screened', total.screened], ['Submitted', total.submitted],
    ['Funded', total.funded], ['Rejected', total.rejected], ['Reserve list', total.reserve],
    ['Withdrawn', total.withdrawn], ['Success rate', percent(total.successRate)],
    ['Requested', euros(total.requestedEuros)], ['Granted', euros(total.grantedEuros)],
    ['To Lapland', euros(total.regionalEuros)]
  ];
  return '<div class="pf-kpis">' + items.map(([label, value]) =>
    `<div class="pf-kpi" data-kpi="${escape(label)}"><div class="pf-value">${escape(value)}</div>` +
    `<div class="pf-label">${escape(label)}</div></div>`).join('') + '</div>';
}

function targets(list) {
  return '<h3>Targets</h3><table class="table pf-targets"><tbody>' + list.map((t) => {
    const width = Math.min(100, Math.round(t.share * 100));
    const actual = t.target === 'eurosToTheRegion' ? euros(t.actual) : t.actual;
    const goal = t.target === 'eurosToTheRegion' ? euros(t.goal) : t.goal;
    return `<tr data-target="${escape(t.target)}"><td>${escape(TARGET_NAMES[t.target] || t.target)}</td>` +
      `<td>${escape(actual)} of ${escape(goal)}</td><td style="width:40%"><div class="pf-bar">` +
      `<div style="width:${width}%"></div></div></td><td>${percent(t.share)}</td></tr>`;
  }).join('') + '</tbody></table>';
}

function funnel(steps) {
  const max = Math.max(1, ...steps.map((s) => s.proposals));
  const rows = steps.map((s, i) => {
    const width = Math.round(360 * s.proposals / max);
    return `<g transform="translate(0,${i * 30})"><text x="0" y="18">${escape(s.step)}</text>` +
      `<rect x="90" y="4" height="20" width="${width}" fill="#4a90d9"></rect>` +
      `<text x="${96 + width}" y="18" class="pf-funnel-count">${s.proposals}</text></g>`;
  }).join('');
  return `<h3>From idea to funded</h3><svg class="pf-funnel" width="520" height="${steps.length * 30}">${rows}</svg>`;
}

function clusters(list) {
  return '<h3>Clusters</h3><table class="table pf-clusters"><thead><tr><th>Cluster</th><th>Launched</th>' +
    '<th>Submitted</th><th>Funded</th><th>Success</th><th>To Lapland</th></tr></thead><tbody>' +
    list.map((c) => `<tr data-cluster="${escape(c.cluster)}"><td>${escape(c.name)}</td>` +
      `<td>${c.figures.launched}</td><td>${c.figures.submitted}</td><td>${c.figures.funded}</td>` +
      `<td>${percent(c.figures.successRate)}</td><td>${euros(c.figures.regionalEuros)}</td></tr>`).join('') +
    '</tbody></table>';
}

function atRisk(list) {
  if (!list.length) {
    return '<h3>At risk this week</h3><p>Nothing at risk.</p>';
  }
  return '<h3>At risk this week</h3><table class="table pf-at-risk"><tbody>' + list.map((p) =>
    `<tr><td><a href="#/process-instance/${escape(p.processInstanceId)}/runtime">${escape(p.reference)}</a></td>` +
    `<td>${escape(p.acronym)}</td><td>${escape(p.cluster)}</td><td>${escape(p.stage)}</td>` +
    `<td>${p.daysToDeadline} days to the deadline</td><td>${escape(p.risks.join('; '))}</td></tr>`).join('') +
    '</tbody></table>';
}

const STYLE = `<style>
  .pf-portfolio .pf-kpis { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
  .pf-portfolio .pf-kpi { border: 1px solid #ddd; border-radius: 4px; padding: 8px 12px; min-width: 110px; }
  .pf-portfolio .pf-value { font-size: 20px; font-weight: bold; }
  .pf-portfolio .pf-bar { background: #eee; height: 12px; }
  .pf-portfolio .pf-bar div { background: #5cb85c; height: 12px; }
  .pf-portfolio .pf-filter { margin-bottom: 12px; }
  .pf-portfolio .pf-filter label { margin-right: 8px; font-weight: normal; }
  .pf-portfolio .pf-filter .form-control { display: inline-block; width: auto; }
</style>`;

const PROGRAMMES = {
  horizonEurope: 'Horizon Europe', interregAurora: 'Interreg Aurora',
  interregNpa: 'Interreg Northern Periphery and Arctic', interregBsr: 'Interreg Baltic Sea Region', life: 'LIFE',
  erasmusPlus: 'Erasmus+', digitalEurope: 'Digital Europe', erdf: 'ERDF regional call'
};

function filterForm(filter, clusterOptions) {
  const options = (entries, selected) => entries.map(([value, label]) =>
    `<option value="${escape(value)}"${value === selected ? ' selected' : ''}>${escape(label)}</option>`).join('');
  return '<form class="form-inline pf-filter">' +
    `<label>From <input type="date" name="from" class="form-control" value="${escape(filter.from)}"></label> ` +
    `<label>to <input type="date" name="to" class="form-control" value="${escape(filter.to)}"></label> ` +
    `<label>Cluster <select name="cluster" class="form-control">${options([['', 'All']].concat(clusterOptions), filter.cluster)}</select></label> ` +
    `<label>Programme <select name="programme" class="form-control">${options([['', 'All']].concat(Object.entries(PROGRAMMES)), filter.programme)}</select></label> ` +
    '<button type="submit" class="btn btn-default">Show</button> ' +
    `<a class="btn btn-link pf-csv" href="/api/portfolio/proposals.csv?${query(filter)}">Export CSV</a></form>`;
}

function query(filter) {
  return Object.entries(filter).filter(([, value]) => value).map(([key, value]) =>
    key + '=' + encodeURIComponent(value)).join('&');
}

function show(section, filter, clusterOptions) {
  fetch('/api/portfolio?' + query(filter), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => response.ok ? response.json()
      : response.text().then((text) => Promise.reject({ status: response.status, text })))
    .then((portfolio) => {
      // the clusters a manager may choose are those of the unfiltered first view
      const choices = clusterOptions || portfolio.clusters.map((c) => [c.cluster, c.name]);
      section.innerHTML = '<h2>Proposal portfolio</h2>' + filterForm(filter, choices) +
        `<p>Ideas launched from ${escape(filter.from)}${filter.to ? ' to ' + escape(filter.to) : ''}.</p>` +
        kpis(portfolio.total) + targets(portfolio.targets) + funnel(portfolio.funnel) +
        clusters(portfolio.clusters) + atRisk(portfolio.atRisk);
      section.querySelector('.pf-filter').addEventListener('submit', (event) => {
        event.preventDefault();
        const form = new FormData(event.target);
        show(section, Object.fromEntries(['from', 'to', 'cluster', 'programme'].map((k) => [k, form.get(k) || ''])),
          choices);
      });
    })
    .catch((failure) => {
      section.innerHTML = '<h2>Proposal portfolio</h2><p class="pf-denied">' + (failure.status === 403
        ? 'The portfolio is for portfolio and cluster managers.'
        : 'The portfolio could not be shown: ' + escape(failure.text || failure) + '.') + '</p>';
    });
}

export default [{
  id: 'proposal-portfolio',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    node.innerHTML = STYLE + '<section class="pf-portfolio"><h2>Proposal portfolio</h2><p>Loading…</p></section>';
    // the two-year period of the Regional Council's targets
    const filter = { from: (new Date().getFullYear() - 1) + '-01-01', to: '', cluster: '', programme: '' };
    show(node.querySelector('.pf-portfolio'), filter, null);
  }
}];
