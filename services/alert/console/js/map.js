// A map of incidents and facilities on a bundled country outline (Natural Earth 1:50m via world-atlas),
// drawn by Leaflet without any tile server. Leaflet and topojson-client are classic scripts (globals L, topojson).
import { h } from './dom.js';
import { t } from './i18n.js';
import { loadFacilities, onChange, sortedIncidents } from './store.js';

const KIND_COLOUR = { prison: '#b91c1c', camp: '#0369a1' };
const SEVERITY_RING = { critical: '#111827', warning: '#d97706', info: '#6b7280' };
let countries = null;

async function outline() {
  if (!countries) {
    const topo = await (await fetch('vendor/world-atlas/countries-50m.json')).json();
    countries = window.topojson.feature(topo, topo.objects.countries);
  }
  return countries;
}

function popup(title, titleAr, lines, href) {
  return h('div', { class: 'map-popup' },
    href ? h('a', { href }, h('strong', {}, title)) : h('strong', {}, title),
    titleAr ? h('div', { dir: 'rtl', lang: 'ar' }, titleAr) : '',
    lines.map((l) => h('div', {}, l)));
}

export async function renderMap(view) {
  const holder = h('div', { id: 'map', class: 'map', dir: 'ltr' });
  const legend = h('p', { class: 'legend' },
    h('span', { class: 'dot prison' }), t('v.prison'), ' ', h('span', { class: 'dot camp' }), t('v.camp'), ' · ',
    t('map.legend'));
  view.replaceChildren(h('section', { class: 'map-view' }, h('h1', {}, t('nav.map')), legend, holder));
  const L = window.L;
  const map = L.map(holder, { zoomSnap: 0.25, minZoom: 2, maxZoom: 12, worldCopyJump: true, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet');
  map.fitBounds([[29.0, 34.5], [38.0, 48.8]]); // Syria and Iraq
  L.geoJSON(await outline(), {
    style: { color: '#94a3b8', weight: 0.8, fillColor: '#f1f5f9', fillOpacity: 1 },
    attribution: 'Natural Earth',
  }).addTo(map);
  map.getContainer().style.background = '#dbeafe';
  const facilityLayer = L.layerGroup().addTo(map);
  const incidentLayer = L.layerGroup().addTo(map);
  const facilities = await loadFacilities();
  for (const f of facilities) {
    if (f.lat == null || f.lon == null) continue;
    L.circleMarker([f.lat, f.lon], { radius: 3.5, color: KIND_COLOUR[f.kind], weight: 1.2, fillOpacity: 0.15,
      className: `facility-marker kind-${f.kind}` })
      .bindPopup(() => popup(f.name, f.name_ar, [`${t(`v.${f.kind}`)} · ${f.country || ''}`]))
      .addTo(facilityLayer);
  }
  const draw = () => {
    incidentLayer.clearLayers();
    for (const inc of sortedIncidents().reverse()) { // newest drawn last, on top
      if (inc.lat == null || inc.lon == null) continue;
      L.circleMarker([inc.lat, inc.lon], {
        radius: 6 + 4 * Math.sqrt(inc.article_count || 1), color: SEVERITY_RING[inc.severity] || '#ffffff',
        weight: inc.severity === 'critical' ? 3 : 2, fillColor: KIND_COLOUR[inc.kind], fillOpacity: 0.75,
        className: `incident-marker kind-${inc.kind}`,
      }).bindPopup(() => popup(inc.name, inc.name_ar,
        [`${t(`v.${inc.state}`)} · ${t('incident.articles', { n: inc.article_count })}`],
        `#/incidents/${encodeURIComponent(inc.id)}`)).addTo(incidentLayer);
    }
    holder.dataset.incidents = String(incidentLayer.getLayers().length);
  };
  draw();
  holder.dataset.facilities = String(facilityLayer.getLayers().length);
  holder.dataset.ready = 'true';
  const off = onChange((c) => { if (c.type === 'upsert') draw(); });
  return () => { off(); map.remove(); };
}
