// The city's own basemap (issue 17 item 1) and the coordinate systems of raster tile services. Without a configured tile
// URL every map draws the city from its own model (/api/public/basemap: water, boundaries, named roads, landmarks and
// labels by zoom), so the maps work offline. With tiles, the tiles lie underneath and only the boundaries and their
// names are drawn. GCJ-02 tiles (AMap, Tencent: data-tiles-crs="gcj02") get a map projection through GCJ-02, so that
// our WGS-84 data, clicks and viewports stay WGS-84 and still land on the right pixel of the shifted tiles.
// Names arrive as text and go into the page as text nodes, never as HTML.
(function () {
  'use strict';

  // GCJ-02 (国测局加偏), the published formulas that CivicGrid.Domain/Geography/Gcj02Offset.cs also uses.
  const A = 6378245.0, EE = 0.00669342162296594323, PI = Math.PI;
  const inChina = (lat, lng) => lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
  const ripple = x => 2 / 3 * (20 * Math.sin(6 * PI * x) + 20 * Math.sin(2 * PI * x));
  const north = (x, y) => -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + ripple(x)
    + 2 / 3 * (20 * Math.sin(PI * y) + 40 * Math.sin(PI * y / 3)) + 2 / 3 * (160 * Math.sin(PI * y / 12) + 320 * Math.sin(PI * y / 30));
  const east = (x, y) => 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + ripple(x)
    + 2 / 3 * (20 * Math.sin(PI * x) + 40 * Math.sin(PI * x / 3)) + 2 / 3 * (150 * Math.sin(PI * x / 12) + 300 * Math.sin(PI * x / 30));

  function toGcj02(lat, lng) {
    if (!inChina(lat, lng)) return [lat, lng];
    const x = lng - 105, y = lat - 35, rad = lat * PI / 180, s = Math.sin(rad), w = 1 - EE * s * s;
    return [lat + north(x, y) * 180 / (A * (1 - EE) / (w * Math.sqrt(w)) * PI), lng + east(x, y) * 180 / (A / Math.sqrt(w) * Math.cos(rad) * PI)];
  }

  // The inverse by fixed-point iteration, as the server's Gcj02ToWgs84 does (to 1e-10°).
  function fromGcj02(lat, lng) {
    if (!inChina(lat, lng)) return [lat, lng];
    let [eLat, eLng] = [lat, lng];
    for (let i = 0; i < 30; i++) {
      const [fLat, fLng] = toGcj02(eLat, eLng);
      eLat += lat - fLat; eLng += lng - fLng;
      if (Math.abs(lat - fLat) < 1e-10 && Math.abs(lng - fLng) < 1e-10) break;
    }
    return [eLat, eLng];
  }

  // The CRS of a map element: Web Mercator, through GCJ-02 when its tiles are GCJ-02.
  function crs(element) {
    const system = (element.dataset.tilesCrs || '').toLowerCase().replace('-', '');
    if (!element.dataset.tiles || system !== 'gcj02') return L.CRS.EPSG3857;
    const mercator = L.Projection.SphericalMercator;
    return L.extend({}, L.CRS.EPSG3857, {
      code: 'GCJ02',
      projection: {
        bounds: mercator.bounds,
        project: ll => mercator.project(L.latLng(...toGcj02(ll.lat, ll.lng))),
        unproject: p => { const g = mercator.unproject(p); return L.latLng(...fromGcj02(g.lat, g.lng)); },
      },
    });
  }

  function tiles(map, element) {
    const options = { maxZoom: 19, attribution: element.dataset.attribution || '' };
    if (element.dataset.tilesSubdomains) options.subdomains = element.dataset.tilesSubdomains;
    L.tileLayer(element.dataset.tiles, options).addTo(map);
    if (element.dataset.tilesOverlay) L.tileLayer(element.dataset.tilesOverlay, options).addTo(map);
  }

  const land = '#f7f4ee', water = '#a9d3e8', roadColours = { 1: '#f5b942', 2: '#ffffff', 3: '#ffffff' }, roadWidths = { 1: 6, 2: 5, 3: 3 };
  const labelStyles = {
    district: 'font: 600 15px sans-serif; color: #3c3c3c',
    street: 'font: 600 13px sans-serif; color: #4a4a4a',
    community: 'font: 12px sans-serif; color: #5b5b5b',
    road: 'font: 11px sans-serif; color: #6b5a46',
    landmark: 'font: 11px sans-serif; color: #8a3b12',
  };

  function labelIcon(kind, name) {
    const span = document.createElement('span');
    span.textContent = kind === 'landmark' ? '◆ ' + name : name;
    span.setAttribute('style', labelStyles[kind] + '; position: absolute; transform: translate(-50%, -50%); white-space: nowrap;'
      + ' text-shadow: 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; pointer-events: none');
    return L.divIcon({ className: 'basemap-label basemap-label-' + kind, html: span, iconSize: null });
  }

  // Draws the basemap under a map's own layers and keeps it in step with the viewport.
  function draw(map, element) {
    const withTiles = !!element.dataset.tiles;
    if (withTiles) tiles(map, element); else map.getContainer().style.background = '#e8e4dc';
    map.createPane('basemap').style.zIndex = 250;
    const labelPane = map.createPane('basemapLabels');
    labelPane.style.zIndex = 450;
    labelPane.style.pointerEvents = 'none';
    const renderer = L.svg({ pane: 'basemap' });
    const layer = options => L.geoJSON(null, L.extend({ pane: 'basemap', renderer, interactive: false }, options)).addTo(map);
    const isArea = f => !!f.properties.level;
    const isRoad = f => f.properties.kind === 'road';
    const layers = [
      layer({ filter: f => !withTiles && f.properties.kind === 'water', style: { stroke: false, fillColor: water, fillOpacity: 1 } }),
      layer({ filter: isArea, style: f => ({ color: '#9a8f80', weight: f.properties.level === 'district' ? 2 : 1, dashArray: f.properties.level === 'community' ? '4 4' : null,
        fill: !withTiles, fillColor: land, fillOpacity: 1 }) }),
      layer({ filter: f => !withTiles && isRoad(f), style: f => ({ color: '#c8bfb2', weight: roadWidths[f.properties.rank] + 2, lineCap: 'round' }) }),
      layer({ filter: f => !withTiles && isRoad(f), style: f => ({ color: roadColours[f.properties.rank], weight: roadWidths[f.properties.rank], lineCap: 'round' }) }),
    ];
    const labels = L.layerGroup().addTo(map);
    async function load() {
      try {
        const box = window.civicGridMaps.bbox(map);
        const response = await fetch(`/api/public/basemap?bbox=${box}&zoom=${Math.round(map.getZoom())}`, { headers: { Accept: 'application/geo+json' } });
        if (!response.ok) return;
        const data = await response.json();
        layers.forEach(l => l.clearLayers());
        layers.forEach(l => l.addData(data));
        labels.clearLayers();
        for (const f of data.features) {
          const kind = f.properties.kind === 'label' ? f.properties.for : f.properties.kind === 'landmark' ? 'landmark' : null;
          if (!kind || (withTiles && (kind === 'road' || kind === 'landmark'))) continue;
          const [lng, lat] = f.geometry.coordinates;
          L.marker([lat, lng], { pane: 'basemapLabels', interactive: false, keyboard: false, icon: labelIcon(kind, f.properties.name) }).addTo(labels);
        }
        element.dataset.basemap = 'drawn';
      } catch { /* offline or zoomed out too far: keep what is shown */ }
    }
    map.on('moveend', load);
    load();
  }

  window.civicGridBasemap = { crs, draw, toGcj02, fromGcj02 };
})();
