// Offsets to marks: the evidence sentence of an article with its facility, places, actors and event words
// highlighted at the offsets the annotation gives (text[start:end] === surface). Pure; no DOM here.

const PRIORITY = { facility: 0, actor: 1, place: 2, event: 3 };

export function mentionsOf(annotation) {
  const a = annotation || {};
  const out = [];
  for (const m of a.facilities || []) out.push({ kind: 'facility', start: m.start, end: m.end, label: m.canonical, id: m.id });
  for (const m of a.actors || []) out.push({ kind: 'actor', start: m.start, end: m.end, label: m.canonical, id: m.id });
  for (const m of a.places || []) out.push({ kind: 'place', start: m.start, end: m.end, label: m.canonical, id: m.id });
  for (const m of a.event_types || []) out.push({ kind: 'event', start: m.start, end: m.end, label: m.type, id: m.type });
  return out;
}

const STOP = /[.!?؟؛\n]/;

// The sentence around [start, end): from after the previous full stop (or line break) to the next one.
export function sentenceAround(text, start, end) {
  let s = start;
  while (s > 0 && !STOP.test(text[s - 1])) s -= 1;
  let e = end;
  while (e < text.length && !STOP.test(text[e])) e += 1;
  if (e < text.length && text[e] !== '\n') e += 1; // keep the sentence's own full stop
  while (s < e && /\s/.test(text[s])) s += 1;
  return [s, e];
}

// Where the evidence the incident gives sits in the article's text; else the sentence around the facility.
export function evidenceRange(text, evidence, facility) {
  const clean = (evidence || '').replace(/^…/, '').replace(/…$/, '').trim();
  if (clean) {
    const at = text.indexOf(clean);
    if (at >= 0) return [at, at + clean.length];
  }
  if (facility) return sentenceAround(text, facility.start, facility.end);
  return [0, Math.min(text.length, 400)];
}

// [{text, mention|null}] covering text[from:to]; overlapping mentions: a facility wins over an actor, over a
// place, over an event word; then the earlier, then the longer.
export function segments(text, from, to, mentions) {
  const inside = mentions
    .filter((m) => m.start >= from && m.end <= to && m.end > m.start && text.slice(m.start, m.end).length)
    .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  const taken = [];
  for (const m of inside) if (!taken.some((t) => m.start < t.end && t.start < m.end)) taken.push(m);
  taken.sort((a, b) => a.start - b.start);
  const out = [];
  let at = from;
  for (const m of taken) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mention: null });
    out.push({ text: text.slice(m.start, m.end), mention: m });
    at = m.end;
  }
  if (at < to) out.push({ text: text.slice(at, to), mention: null });
  return out;
}

// Without the article's text (ingest unreachable), the facility is found in the evidence by its surface.
export function segmentsBySurface(evidence, surface) {
  const at = surface ? evidence.indexOf(surface) : -1;
  if (at < 0) return [{ text: evidence, mention: null }];
  const m = { kind: 'facility', start: at, end: at + surface.length, label: surface };
  return segments(evidence, 0, evidence.length, [m]);
}
