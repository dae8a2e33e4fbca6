// A bar chart drawn as SVG: values with labels, the highest bar scaled to the height, a title for
// screen readers, and each bar's value as its tooltip.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * bars: [{label, value, tip, highlight}]; every nth label is written (labelEvery) so they stay
 * readable. Returns the <svg>.
 */
export function barChart(bars, { title, unit = '', labelEvery = 1, height = 200 } = {}) {
  const width = 440;
  const left = 30, bottom = 24, top = 10;
  const max = Math.max(1, ...bars.map(b => b.value));
  const step = (width - left - 4) / Math.max(1, bars.length);
  const plot = height - bottom - top;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title || 'chart' });
  root.append(svg('title', {}, title || ''));
  const ticks = max <= 4 ? max : 4;
  for (let i = 0; i <= ticks; i++) {
    const v = Math.round(max * i / ticks);
    const y = top + plot - plot * v / max;
    root.append(svg('line', { class: 'axis', x1: left, x2: width, y1: y, y2: y }));
    root.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, String(v)));
  }
  bars.forEach((b, i) => {
    const h = plot * b.value / max;
    const x = left + i * step + step * 0.15;
    const rect = svg('rect', { class: 'bar' + (b.highlight ? ' today' : ''), x, y: top + plot - h,
      width: Math.max(1, step * 0.7), height: Math.max(0, h) });
    rect.append(svg('title', {}, b.tip || `${b.label}: ${b.value}${unit}`));
    root.append(rect);
    if (i % labelEvery === 0) {
      root.append(svg('text', { x: left + i * step + step / 2, y: height - 8, 'text-anchor': 'middle' }, b.label));
    }
  });
  return root;
}
