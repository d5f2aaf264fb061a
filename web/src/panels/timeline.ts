// A small bar chart of cables over time (per month within two years, per year beyond).

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

interface Bin {
  label: string;
  count: number;
}

function bins(timeline: Array<{ month: string; cables: number }>): Bin[] {
  const months = timeline.filter((t) => /^\d{4}-\d{2}/.test(t.month)).sort((a, b) => a.month.localeCompare(b.month));
  if (months.length === 0) return [];
  const first = months[0].month;
  const last = months[months.length - 1].month;
  const [y0, m0] = first.split('-').map(Number) as [number, number];
  const [y1, m1] = last.split('-').map(Number) as [number, number];
  const spanMonths = (y1 - y0) * 12 + (m1 - m0) + 1;
  const counts = new Map<string, number>();
  const byYear = spanMonths > 24;
  for (const t of months) {
    const key = byYear ? t.month.slice(0, 4) : t.month.slice(0, 7);
    counts.set(key, (counts.get(key) ?? 0) + t.cables);
  }
  const out: Bin[] = [];
  if (byYear) {
    for (let y = y0; y <= y1; y++) out.push({ label: String(y), count: counts.get(String(y)) ?? 0 });
  } else {
    // At least 6 months wide, so a single month is a bar, not a block.
    let y = y0;
    let m = m0;
    const total = Math.max(spanMonths, 6);
    for (let i = 0; i < total; i++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ label: key, count: counts.get(key) ?? 0 });
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
  return out;
}

/** The chart, or null when the entity has no dated cable. */
export function timelineChart(
  timeline: Array<{ month: string; cables: number }>,
  colour: string,
): SVGSVGElement | null {
  const data = bins(timeline);
  if (data.length === 0) return null;
  const width = 300;
  const height = 56;
  const axis = 14;
  const max = Math.max(...data.map((d) => d.count), 1);
  const step = width / data.length;
  const barWidth = Math.max(1, Math.min(step - 1, 24));
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'timeline',
    'data-testid': 'entity-timeline',
    role: 'img',
  });
  chart.appendChild(svg('title', {})).textContent = 'Cables per ' + (data[0].label.length === 4 ? 'year' : 'month');
  data.forEach((d, i) => {
    const h = d.count === 0 ? 0 : Math.max(2, ((height - axis - 4) * d.count) / max);
    const bar = svg('rect', {
      x: i * step + (step - barWidth) / 2,
      y: height - axis - h,
      width: barWidth,
      height: h,
      rx: 1,
      fill: colour,
    });
    bar.appendChild(svg('title', {})).textContent = `${d.label}: ${d.count} cable${d.count === 1 ? '' : 's'}`;
    chart.appendChild(bar);
  });
  chart.appendChild(
    svg('line', { x1: 0, x2: width, y1: height - axis + 0.5, y2: height - axis + 0.5, stroke: '#c9ced6' }),
  );
  const first = data[0].label;
  const last = data[data.length - 1].label;
  chart.appendChild(svg('text', { x: 0, y: height - 2, class: 'timeline-axis' })).textContent = first;
  if (last !== first)
    chart.appendChild(
      svg('text', { x: width, y: height - 2, 'text-anchor': 'end', class: 'timeline-axis' }),
    ).textContent = last;
  return chart;
}
