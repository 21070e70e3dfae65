// The place picker of the public report form (Features/PublicService/Pages/PlacePicker.razor): search roads, communities
// and landmarks (/api/public/places) and move the map there; whenever the pin moves, fill the address field from the
// city model (/api/public/places/address). The field stays editable. The map and its pin are maps.js's pick map, told
// where to go by 'civicgrid:goto' and telling us where the pin went by 'civicgrid:placed'. Names go into the page as text.
(function () {
  'use strict';

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return { ok: response.ok, status: response.status, body: response.ok ? await response.json() : null };
  }

  function setUp(root) {
    const map = document.getElementById(root.dataset.map);
    const query = root.querySelector('[data-place-query]');
    const results = root.querySelector('[data-place-results]');
    const address = document.getElementById(root.dataset.addressInput);
    const status = document.getElementById(root.dataset.status);
    const kinds = JSON.parse(root.dataset.kinds || '{}');
    let searches = 0, lookups = 0, timer = null;

    function choose(place) {
      results.replaceChildren();
      query.value = place.name;
      map.dispatchEvent(new CustomEvent('civicgrid:goto', { detail: { lat: place.latitude, lng: place.longitude } }));
    }

    async function search() {
      clearTimeout(timer);
      const text = query.value.trim(), ticket = ++searches;
      if (!text) { results.replaceChildren(); return; }
      let places = [];
      try { const answer = await getJson('/api/public/places?q=' + encodeURIComponent(text)); places = answer.ok ? answer.body.places : []; } catch { /* offline */ }
      if (ticket !== searches) return;
      results.replaceChildren(...places.map(place => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'place-result';
        const detail = document.createElement('small');
        detail.textContent = [kinds[place.kind] || place.kind, place.context].filter(Boolean).join(' · ');
        button.append(document.createTextNode(place.name + ' '), detail);
        button.addEventListener('click', () => choose(place));
        const item = document.createElement('li');
        item.append(button);
        return item;
      }));
      status.textContent = places.length === 0 ? root.dataset.none : '';
    }

    query.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); search(); } }); // not a submit of the form
    query.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
    root.querySelector('[data-place-go]').addEventListener('click', search);

    map.addEventListener('civicgrid:placed', async e => {
      const ticket = ++lookups;
      try {
        const answer = await getJson(`/api/public/places/address?lat=${e.detail.lat.toFixed(6)}&lon=${e.detail.lng.toFixed(6)}`);
        if (ticket !== lookups) return;
        if (answer.ok) {
          address.value = answer.body.address;
          address.dispatchEvent(new Event('input', { bubbles: true }));
          status.textContent = '';
        } else if (answer.status === 404) status.textContent = root.dataset.outside;
      } catch { /* offline: the citizen may type the address */ }
    });
  }

  function setUpAll() {
    document.querySelectorAll('[data-place-picker]').forEach(root => { if (!root._placePicker) { root._placePicker = true; setUp(root); } });
  }

  document.addEventListener('DOMContentLoaded', setUpAll);
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', setUpAll);
  else document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', setUpAll));
})();
