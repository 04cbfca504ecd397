// Draws the report's charts from the DATA object with uPlot (inlined above, so the page works offline).
(function () {
  // Each style's colour from apps.conf; a style it does not list (an old results.json) takes one of these.
  const COLORS = DATA.colours || {};
  const SPARE = ['#9467bd', '#8c564b', '#17becf', '#7f7f7f', '#bcbd22', '#e377c2'];
  // 1 / (1 - p): p50, p90, p99, p99.9, p99.99, p99.999
  const PCT_TICKS = [2, 10, 100, 1000, 10000, 100000];
  const status = document.getElementById('status');
  let drawn = 0;

  function color(style, i) {
    return COLORS[style] || SPARE[i % SPARE.length];
  }

  function width(el) {
    return Math.max(420, Math.min(640, el.clientWidth || 600));
  }

  function pctLabel(x) {
    if (x == null) return '';
    const p = 100 * (1 - 1 / x);
    if (x < 1.5) return 'p0';
    return 'p' + (Math.round(p * 1000) / 1000);
  }

  // A chart of one line per style over a shared x axis; ys maps style -> values (null for gaps).
  function chart(el, title, note, xs, ys, opts) {
    const box = document.createElement('div');
    box.className = 'chart';
    box.innerHTML = '<h3></h3>' + (note ? '<p class="note"></p>' : '');
    box.querySelector('h3').textContent = title;
    if (note) box.querySelector('.note').textContent = note;
    el.appendChild(box);
    const styles = Object.keys(ys);
    const xSeries = { label: opts.xLabel || 'x' };
    if (opts.xValue) xSeries.value = opts.xValue;
    const series = [xSeries].concat(styles.map((s, i) => ({
      label: s, stroke: color(s, i), width: 2, points: { show: xs.length < 20 },
      value: (u, v) => v == null ? '-' : (Math.round(v * 100) / 100) + (opts.unit ? ' ' + opts.unit : ''),
    })));
    const xAxis = { label: opts.xLabel, stroke: '#39414f', grid: { stroke: '#eceef2' } };
    if (opts.xValues) xAxis.values = opts.xValues;
    if (opts.xIncrs) xAxis.incrs = opts.xIncrs;
    if (opts.xSplits) {
      xAxis.splits = opts.xSplits;
      // uPlot thins log-axis ticks to powers of ten (the others become null); custom ticks are kept as given.
      xAxis.filter = (u, splits) => splits;
    }
    const axes = [xAxis, { label: opts.yLabel, stroke: '#39414f', grid: { stroke: '#eceef2' }, size: 60 }];
    const scales = { x: { time: false, distr: opts.xLog ? 3 : 1 }, y: { distr: opts.yLog ? 3 : 1 } };
    if (!opts.yLog) scales.y.range = (u, min, max) => [0, max > 0 ? max * 1.08 : 1];
    new uPlot({ width: width(el), height: 260, series, axes, scales, legend: { live: true } },
      [xs].concat(styles.map(s => ys[s])), box);
    drawn++;
  }

  function drawStep(scn, index, el) {
    el.innerHTML = '';
    const step = scn.perStep[index];
    chart(el, 'Latency by percentile (' + step.label + ')',
      'All repetitions merged. Open model: counted from when each request was due.',
      scn.pctX, step.pct, { xLog: true, yLog: true, xLabel: 'percentile', yLabel: 'ms', unit: 'ms',
        xSplits: () => PCT_TICKS, xValues: (u, splits) => splits.map(pctLabel),
        xValue: (u, v) => v == null ? '-' : pctLabel(v) });
    const t = step.time;
    const seconds = { xLabel: 's', xIncrs: [1, 2, 5, 10, 15, 30, 60, 120, 300] };
    chart(el, 'Throughput over time (' + t.rep + ')', 'Successful answers per second; t < 0 is warm-up (excluded).',
      t.t, t.rps, Object.assign({ yLabel: 'rps', unit: 'rps' }, seconds));
    chart(el, 'p99 latency over time (' + t.rep + ')', 'Per second, by the time answers arrived.',
      t.t, t.p99, Object.assign({ yLabel: 'ms', unit: 'ms', yLog: true }, seconds));
    for (const m of step.server) {
      chart(el, m.title + ' (' + m.unit + ')', 'Scraped from each style app\'s /prometheus.',
        m.t, m.values, Object.assign({ yLabel: m.unit, unit: m.unit }, seconds));
    }
  }

  try {
    for (const scn of DATA.scenarios) {
      const root = document.getElementById('charts-' + scn.name);
      if (scn.sweep) {
        const sweep = document.createElement('div');
        sweep.className = 'charts';
        root.appendChild(sweep);
        const log = scn.sweep.steps[scn.sweep.steps.length - 1] / scn.sweep.steps[0] >= 20;
        chart(sweep, 'Throughput by step', 'Mean of repetitions. Where a line flattens, that style has saturated.',
          scn.sweep.steps, scn.sweep.rps, { xLabel: scn.unit, yLabel: 'rps', unit: 'rps', xLog: log });
        chart(sweep, 'p99 latency by step', 'The knee: where p99 turns up.',
          scn.sweep.steps, scn.sweep.p99, { xLabel: scn.unit, yLabel: 'ms', unit: 'ms', xLog: log, yLog: true });
      }
      const select = document.getElementById('step-' + scn.name);
      const perStep = document.createElement('div');
      perStep.className = 'charts';
      root.appendChild(perStep);
      drawStep(scn, scn.perStep.length - 1, perStep);
      if (select) select.addEventListener('change', () => drawStep(scn, Number(select.value), perStep));
    }
    document.body.setAttribute('data-charts', String(drawn));
    status.textContent = 'charts rendered: ' + drawn;
  } catch (e) {
    document.body.setAttribute('data-error', String(e));
    status.textContent = 'chart error: ' + e;
    throw e;
  }
})();
