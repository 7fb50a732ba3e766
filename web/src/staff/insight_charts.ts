// The insights page's charts, drawn by Chart.js (a well-kept library; only the bar chart's
// parts are registered, so the bundle carries nothing else). Loaded on demand by
// Insights.tsx: consumer pages never download it. Colours come from the page's CSS custom
// properties, so the charts follow the system's dark mode like everything else.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  values: number[];
  /** A CSS custom property of the page (`--primary`) or a colour. */
  color: string;
}

export interface BarOptions {
  stacked?: boolean;
  horizontal?: boolean;
  /** Values are shares 0..1, shown as percentages. */
  percent?: boolean;
}

function cssColor(name: string): string {
  if (!name.startsWith('--')) return name;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** Draws (or redraws) a bar chart on the canvas; returns it so the caller can destroy it. */
export function drawBars(canvas: HTMLCanvasElement, labels: string[], series: BarSeries[], opts: BarOptions = {}): Chart {
  Chart.getChart(canvas)?.destroy();
  const fg = cssColor('--fg');
  const line = cssColor('--line');
  const valueAxis = {
    stacked: !!opts.stacked,
    beginAtZero: true,
    ticks: {
      color: fg,
      precision: opts.percent ? undefined : 0,
      callback: opts.percent ? (v: number | string) => `${Math.round(Number(v) * 100)}%` : undefined,
    },
    grid: { color: line },
  };
  const labelAxis = { stacked: !!opts.stacked, ticks: { color: fg }, grid: { display: false } };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: cssColor(s.color), borderWidth: 0 })),
    },
    options: {
      indexAxis: opts.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: opts.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: {
        legend: { display: series.length > 1, labels: { color: fg } },
        tooltip: opts.percent
          ? { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${Math.round(Number(c.raw) * 1000) / 10}%` } }
          : {},
      },
    },
  });
}
