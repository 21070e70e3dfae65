// The live map (/map, Features/Map/Pages/MapPage.razor), loaded by maps.js when a page has [data-live-map]. The city's
// basemap draws boundaries and their names by zoom (basemap.js); over it, switchable layers: unit grids with their
// codes when zoomed in, components (off at city zoom, on when zoomed in or switched on), and the cases above
// everything, coloured by type class and ringed by deadline light (case-markers.js). A place search moves the map;
// the type filter takes names. Names go into the page as text only.
import { classColours, marker, legendClasses } from './case-markers.js';

const componentZoom = 16, gridZoom = 15, gridLabelZoom = 17;

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response.json();
}

function text(tag, value, attributes) {
  const e = document.createElement(tag);
  e.textContent = value;
  for (const [name, v] of Object.entries(attributes || {})) e.setAttribute(name, v);
  return e;
}

// Type codes for what was typed: a code as it is, else every type whose name contains the text.
export function typeCodes(typed, types) {
  const parts = typed.split(/[,，、\s]+/).map(p => p.trim()).filter(Boolean);
  const codes = new Set();
  for (const part of parts) {
    if (/^\d{5}$/.test(part)) { codes.add(part); continue; }
    const exact = types.filter(t => t.name === part);
    for (const t of exact.length ? exact : types.filter(t => t.name.includes(part))) codes.add(t.code);
  }
  return [...codes];
}

export function liveMap(element) {
  const maps = window.civicGridMaps, data = element.dataset;
  const map = L.map(element, { crs: window.civicGridBasemap.crs(element) })
    .setView([parseFloat(data.lat), parseFloat(data.lon)], parseInt(data.zoom || '13', 10));
  window.civicGridBasemap.draw(map, element);
  map.createPane('components').style.zIndex = 420; // under the cases (markerPane, 600)
  const labels = JSON.parse(data.labels || '{}'), statusNames = JSON.parse(data.statusNames || '{}');
  const classNames = JSON.parse(data.classes || '{}'), types = JSON.parse(data.types || '[]');
  const form = document.getElementById(data.filters), status = document.getElementById(data.status);
  const legend = document.getElementById(data.legend);
  const grids = L.geoJSON(null, {
    style: { color: '#0b4f8a', weight: 1, fill: false, opacity: 0.6 },
    onEachFeature: (f, l) => { if (map.getZoom() >= gridLabelZoom) l.bindTooltip(text('span', f.properties.code), { permanent: true, direction: 'center', className: 'grid-label' }); },
  });
  const components = L.layerGroup(), cases = L.layerGroup();
  let componentsTouched = false, typeError = false;

  const checked = name => !form || !form.elements[name] || form.elements[name].checked;
  function show(layer, on) { if (on && !map.hasLayer(layer)) layer.addTo(map); if (!on && map.hasLayer(layer)) map.removeLayer(layer); }

  function filters() {
    const params = new URLSearchParams();
    if (!form) return params;
    for (const name of ['status', 'light', 'department']) if (form.elements[name] && form.elements[name].value) params.set(name, form.elements[name].value);
    const typed = form.elements.types ? form.elements.types.value.trim() : '';
    const codes = typed ? typeCodes(typed, types) : [];
    typeError = typed !== '' && codes.length === 0;
    if (form.elements.types) form.elements.types.setAttribute('aria-invalid', String(typeError));
    if (codes.length) params.set('types', codes.join(','));
    return params;
  }

  async function load() {
    const box = maps.bbox(map), zoom = map.getZoom(), params = filters();
    if (form && form.elements.components && !componentsTouched) form.elements.components.checked = zoom >= componentZoom;
    status && (status.textContent = data.loading);
    if (typeError) {
      cases.clearLayers();
      legendClasses(legend && legend.querySelector('[data-legend-classes]'), classColours([]), classNames, labels.otherClasses);
      element.dataset.cases = '0';
      status && (status.textContent = data.noType);
      return;
    }
    params.set('bbox', box);
    try {
      const [gridData, componentData, caseData] = await Promise.all([
        checked('grids') && zoom >= gridZoom ? getJson(`/api/v1/map/areas?level=grid&bbox=${box}&zoom=${zoom}`).catch(() => null) : null,
        checked('components') ? getJson(`/api/v1/map/components?bbox=${box}&zoom=${zoom}`).catch(() => null) : null,
        checked('cases') ? getJson(`/api/v1/map/cases?${params}`) : { cases: [] },
      ]);
      grids.clearLayers();
      if (gridData) grids.addData(gridData);
      show(grids, checked('grids') && zoom >= gridZoom);
      components.clearLayers();
      if (componentData) drawComponents(componentData);
      show(components, checked('components'));
      cases.clearLayers();
      const colours = classColours(caseData.cases);
      for (const c of caseData.cases) marker(c, colours.of(c), labels, statusNames).addTo(cases);
      show(cases, checked('cases'));
      legendClasses(legend && legend.querySelector('[data-legend-classes]'), colours, classNames, labels.otherClasses);
      element.dataset.cases = String(caseData.cases.length);
      status && (status.textContent = data.loaded.replace('{0}', caseData.cases.length) + (caseData.truncated ? ' ' + data.truncated : ''));
    } catch {
      status && (status.textContent = data.failed);
    }
  }

  function drawComponents(componentData) {
    for (const cl of componentData.clusters || []) {
      const size = Math.min(34, 14 + Math.log2(cl.count + 1) * 2.5);
      L.marker([cl.lat, cl.lon], {
        pane: 'components', keyboard: false, interactive: false,
        icon: L.divIcon({ className: 'component-cluster', html: text('span', String(cl.count)), iconSize: [size, size] }),
      }).addTo(components);
    }
    for (const p of componentData.points || []) {
      L.circleMarker([p.lat, p.lon], { pane: 'components', radius: 3, color: '#6b6b6b', weight: 1, fillOpacity: 0.5 })
        .bindPopup(() => { const b = document.createElement('div'); b.append(text('strong', p.name), document.createElement('br'), text('span', p.id)); return b; })
        .addTo(components);
    }
  }

  // The place search: a district, street, community, road or landmark by name; the map moves there.
  const search = document.getElementById(data.search);
  if (search) {
    const input = search.querySelector('input'), results = search.querySelector('[data-place-results]');
    const find = async () => {
      const q = input.value.trim();
      if (!q) { results.replaceChildren(); return; }
      let places = [];
      try { places = (await getJson('/api/public/places?q=' + encodeURIComponent(q))).places; } catch { /* offline */ }
      results.replaceChildren(...places.map(place => {
        const button = text('button', place.name + (place.context ? ' · ' + place.context : ''), { type: 'button', class: 'place-result' });
        button.addEventListener('click', () => { results.replaceChildren(); input.value = place.name; map.setView([place.latitude, place.longitude], 16); });
        const li = document.createElement('li');
        li.append(button);
        return li;
      }));
      if (places.length === 0) results.replaceChildren(text('li', data.noPlace, { class: 'muted' }));
    };
    search.addEventListener('submit', e => { e.preventDefault(); find(); });
  }

  map.on('moveend', load);
  if (form) {
    form.addEventListener('change', e => { if (e.target.name === 'components') componentsTouched = true; load(); });
    form.addEventListener('submit', e => { e.preventDefault(); load(); });
  }
  element.addEventListener('civicgrid:reload', load);
  load();
  return map;
}
