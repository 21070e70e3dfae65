// The command centre's wall (Features/CommandCentre/Pages/CommandCentre.razor), imported by the page once its circuit is
// interactive: the map on the city's basemap (basemap.js) with the open cases of the viewport (case-markers.js) and the
// heat of the last 24 hours' reports; a chime for each live alert unless staff muted it (kept in this browser); and
// the full-screen button. The page calls arrived() for every live step it shows, heat() when the board was re-read.
import { classColours, marker, legendClasses } from './case-markers.js';

const mutedKey = 'civicgrid:command:muted';
const states = new WeakMap();
let muted = false, audio = null, wallElement = null;

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response.json();
}

export async function start(wall, element, heatPoints) {
  wallElement = wall;
  try { muted = localStorage.getItem(mutedKey) === '1'; } catch { muted = false; }
  const full = wall.querySelector('[data-fullscreen]');
  full && full.addEventListener('click', () => document.fullscreenElement ? document.exitFullscreen() : wall.requestFullscreen().catch(() => {}));
  // Browsers start sound only after a gesture on the page: any click on the wall unlocks it.
  wall.addEventListener('click', () => { audio = audio || newAudio(); if (audio && audio.state === 'suspended') audio.resume(); });
  await window.civicGridLibraries.leaflet();
  const data = element.dataset;
  const map = L.map(element, { crs: window.civicGridBasemap.crs(element) }).setView([parseFloat(data.lat), parseFloat(data.lon)], 13);
  window.civicGridBasemap.draw(map, element);
  const heatPane = map.createPane('heat');
  heatPane.style.zIndex = 390;
  heatPane.style.pointerEvents = 'none';
  const state = {
    map, element, fresh: new Set(), cases: L.layerGroup().addTo(map), heat: L.layerGroup().addTo(map),
    heatRenderer: L.svg({ pane: 'heat' }),
    labels: JSON.parse(data.labels || '{}'), statusNames: JSON.parse(data.statusNames || '{}'), classNames: JSON.parse(data.classes || '{}'),
  };
  states.set(element, state);
  drawHeat(state, heatPoints);
  map.on('moveend', () => load(state));
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => map.invalidateSize()).observe(element);
  await load(state, true);
  return muted;
}

// The first load looks at the whole city and then frames the open cases; later loads follow the viewport.
async function load(state, first) {
  try {
    const box = first ? '-180,-90,180,90' : window.civicGridMaps.bbox(state.map);
    const answer = await getJson(`/api/v1/map/cases?status=open&bbox=${box}`);
    if (first && answer.cases.length > 0) {
      state.map.fitBounds(L.latLngBounds(answer.cases.map(c => [c.lat, c.lon])).pad(0.15), { maxZoom: 15, animate: false });
    }
    const colours = classColours(answer.cases);
    state.cases.clearLayers();
    for (const c of answer.cases) {
      const m = marker(c, colours.of(c), state.labels, state.statusNames).addTo(state.cases);
      if (state.fresh.has(c.number)) { m.setZIndexOffset(1000); m.getElement()?.querySelector('.case-pin')?.classList.add('arrived'); }
    }
    const legend = state.element.parentElement.querySelector('[data-legend-classes]');
    legendClasses(legend, colours, state.classNames, state.labels.otherClasses);
    state.element.dataset.cases = String(answer.cases.length);
  } catch { /* offline for a moment: keep what is shown, the next step redraws */ }
}

// Heat: a soft disc per report of the last 24 hours; where many overlap the colour deepens.
function drawHeat(state, points) {
  state.heat.clearLayers();
  for (const p of points || []) {
    L.circle([p.lat, p.lon], { radius: 220, stroke: false, fillColor: '#e8590c', fillOpacity: 0.14, interactive: false, pane: 'heat', renderer: state.heatRenderer })
      .addTo(state.heat);
  }
  state.element.dataset.heat = String((points || []).length);
}

export function heat(element, points) {
  const state = states.get(element);
  if (state) drawHeat(state, points);
}

export async function arrived(element, number, alert) {
  const state = states.get(element);
  if (state) { state.fresh.add(number); await load(state); }
  if (alert) chime();
}

export function mute(value) {
  muted = !!value;
  try { localStorage.setItem(mutedKey, muted ? '1' : '0'); } catch { /* storage off: muted for this visit */ }
}

function newAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  return Context ? new Context() : null;
}

// Two short tones; the wall counts them (data-chimes) so a test can tell that a chime was played or held back.
function chime() {
  if (muted) return;
  if (wallElement) wallElement.dataset.chimes = String(parseInt(wallElement.dataset.chimes || '0', 10) + 1);
  try {
    audio = audio || newAudio();
    if (!audio) return;
    const t = audio.currentTime;
    [880, 660].forEach((frequency, i) => {
      const oscillator = audio.createOscillator(), gain = audio.createGain(), at = t + i * 0.25;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.25);
    });
  } catch { /* no audio device */ }
}
