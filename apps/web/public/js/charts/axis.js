// Axis helpers shared by the SVG charts: a "nice" tick step and compact tick labels.

function niceStep(range, ticks) {
  const raw = range / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
}

/** Ticks from 0 to a round `top` ≥ max: {top, values}. */
export function axis(max, ticks = 5) {
  const step = niceStep(max || 1, ticks);
  const top = Math.ceil((max || 1) / step) * step;
  const values = [];
  for (let v = 0; v <= top + step / 2; v += step) values.push(v);
  return { top, values };
}

/** 1500 → "1.5k", 12 → "12". */
export const tickText = (v) =>
  v >= 1000 ? `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })}k` : v.toLocaleString('en-US', { maximumFractionDigits: 1 });
