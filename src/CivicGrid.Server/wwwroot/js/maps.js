// Maps of the staff UI and the public pages (Leaflet, served from /lib and loaded when a page has a map). The basemap is the
// city's own (basemap.js), so the maps work without the internet; a configured XYZ tile URL (data-tiles) adds raster tiles. Pages mark their map elements with
// data-mini-map (one case's position), data-pick-map (choose a position) or data-live-map (the live map page);
// this script sets them up on page load and after Blazor's enhanced navigation.
// Data from the server (type, component and area names come from administrators and imports) is only ever put into
// the page as text: popups and tooltips are built from text nodes, never from HTML strings.
(function () {
  'use strict';

  // An element holding the parts one per line: strings become text nodes, elements are kept as they are.
  function lines(...parts) {
    const box = document.createElement('div');
    parts.filter(p => p !== null && p !== undefined && p !== '').forEach((part, i) => {
      if (i > 0) box.appendChild(document.createElement('br'));
      box.appendChild(part instanceof Node ? part : document.createTextNode(String(part)));
    });
    return box;
  }

  function textElement(tag, text, attributes) {
    const e = document.createElement(tag);
    e.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, value);
    return e;
  }

  function baseLayer(map, element) {
    window.civicGridBasemap.draw(map, element);
  }

  // A Leaflet map on the element, in the CRS its tiles need (basemap.js).
  function createMap(element, options) {
    return L.map(element, L.extend({ crs: window.civicGridBasemap.crs(element) }, options));
  }

  function miniMap(element) {
    const lon = parseFloat(element.dataset.lon), lat = parseFloat(element.dataset.lat);
    const map = createMap(element, { zoomControl: true, attributionControl: false }).setView([lat, lon], 16);
    baseLayer(map, element);
    L.circleMarker([lat, lon], { radius: 8, color: '#b3261e', weight: 3, fillOpacity: 0.6 }).addTo(map);
    addAreas(map, element, 'grid');
    return map;
  }

  function pickMap(element) {
    const lon = parseFloat(element.dataset.lon), lat = parseFloat(element.dataset.lat);
    const map = createMap(element, { attributionControl: false }).setView([lat, lon], 15);
    baseLayer(map, element);
    if (!element.dataset.public) addAreas(map, element, 'grid'); // the areas API is for staff
    const lonInput = document.getElementById(element.dataset.lonInput);
    const latInput = document.getElementById(element.dataset.latInput);
    let marker = null;
    // The user placed the pin (not the restore after a failed submit): 'civicgrid:placed' tells the place picker.
    function place(latlng, byUser) {
      if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng, { keyboard: false }).addTo(map);
      lonInput.value = latlng.lng.toFixed(6);
      latInput.value = latlng.lat.toFixed(6);
      if (byUser) element.dispatchEvent(new CustomEvent('civicgrid:placed', { detail: { lat: latlng.lat, lng: latlng.lng } }));
      latInput.dispatchEvent(new Event('change', { bubbles: true })); // e.g. the nearby reports (nearby.js) follow the pin
    }
    // A position already there (a failed submit, a draft): the pin goes back on it and the map shows it.
    const [keptLat, keptLon] = [parseFloat(latInput.value), parseFloat(lonInput.value)];
    if (isFinite(keptLat) && isFinite(keptLon)) { const kept = L.latLng(keptLat, keptLon); place(kept, false); map.setView(kept, 17); }
    map.on('click', e => place(e.latlng, true));
    // A search result: move there and put the pin on it.
    element.addEventListener('civicgrid:goto', e => { const ll = L.latLng(e.detail.lat, e.detail.lng); map.setView(ll, 17); place(ll, true); });
    const gps = document.getElementById(element.dataset.gpsButton);
    if (gps && navigator.geolocation) {
      gps.addEventListener('click', () => navigator.geolocation.getCurrentPosition(
        p => { const ll = L.latLng(p.coords.latitude, p.coords.longitude); place(ll, true); map.setView(ll, 17); },
        () => { gps.setAttribute('aria-invalid', 'true'); }));
    }
    return map;
  }

  // The viewport in WGS-84, clamped to the valid range (Leaflet reports longitudes past ±180 when zoomed far out).
  function bbox(map) {
    const b = map.getBounds();
    const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map(v => v.toFixed(6)).join(',');
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

  function addAreas(map, element, level) {
    const layer = L.geoJSON(null, { style: { color: '#0b4f8a', weight: 1, fill: false } }).addTo(map);
    async function load() {
      try {
        const data = await getJson(`/api/v1/map/areas?level=${level}&bbox=${bbox(map)}&zoom=${map.getZoom()}`);
        layer.clearLayers();
        layer.addData(data);
      } catch { /* zoomed out too far or offline: keep what is shown */ }
    }
    map.on('moveend', load);
    load();
    return layer;
  }

  // The live map lives in its own module (live-map.js), fetched only by the page that has one.
  function liveMap(element) {
    return import('./live-map.js').then(module => module.liveMap(element));
  }

  // The public map: recent cases without personal data; sensitive types arrive with blurred positions.
  // Marker colours by public stage; the legend's colours (app.css .status-*) are the same.
  const publicStatusColours = { received: '#e8710a', registered: '#b06000', in_progress: '#0b57d0', checking: '#7b1fa2', closed: '#188038' };

  function publicMap(element) {
    // A case page's "on the map" link passes ?lon=&lat= to centre the map on its (public) position.
    const query = new URLSearchParams(location.search);
    const at = [parseFloat(query.get('lat')), parseFloat(query.get('lon'))];
    const map = isFinite(at[0]) && isFinite(at[1]) ? createMap(element).setView(at, 17)
      : createMap(element).setView([parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)], parseInt(element.dataset.zoom, 10));
    baseLayer(map, element);
    const layer = L.layerGroup().addTo(map);
    const status = document.getElementById(element.dataset.status);
    const filter = document.getElementById(element.dataset.filter);
    async function load() {
      try {
        const days = (filter && filter.elements.days.value) || '30';
        const openOnly = !!(filter && filter.elements.open.checked);
        const data = await getJson(`/api/public/cases?bbox=${bbox(map)}&days=${encodeURIComponent(days)}`);
        const shown = data.cases.filter(c => !openOnly || c.status !== 'closed');
        layer.clearLayers();
        for (const c of shown) {
          const text = lines(textElement('a', c.number, { href: '/public/cases/' + encodeURIComponent(c.number), 'data-testid': 'popup-case-link' }),
            c.typeName, c.statusLabel, c.positionBlurred ? textElement('em', element.dataset.blurred) : null);
          L.circleMarker([c.latitude, c.longitude], { radius: 7, color: '#fff', weight: 1.5, fillColor: publicStatusColours[c.status] || '#5f6368', fillOpacity: 0.9 })
            .bindPopup(text).addTo(layer);
        }
        element.dataset.cases = String(shown.length);
        status && (status.textContent = element.dataset.loaded.replace('{0}', shown.length));
      } catch { status && (status.textContent = element.dataset.failed); }
    }
    filter && filter.addEventListener('change', load);
    map.on('moveend', load);
    // A place chosen in the map's search box (place-picker.js): fly there.
    element.addEventListener('civicgrid:goto', e => map.flyTo([e.detail.lat, e.detail.lng], 17, { duration: 0.6 }));
    load();
    return map;
  }

  const kinds = [['[data-mini-map]', miniMap], ['[data-pick-map]', pickMap], ['[data-live-map]', liveMap], ['[data-public-map]', publicMap]];

  // Leaflet is loaded only when the page has a map (site.js).
  function setUp() {
    const pending = kinds.flatMap(([selector, create]) =>
      Array.from(document.querySelectorAll(selector)).filter(el => !el._civicMap).map(el => [el, create]));
    if (pending.length === 0) return;
    window.civicGridLibraries.leaflet().then(() => pending.forEach(([el, create]) => { if (!el._civicMap) el._civicMap = create(el); }));
  }

  window.civicGridMaps = { setUp, bbox };
  document.addEventListener('DOMContentLoaded', setUp);
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', setUp);
  else document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', setUp));
})();
