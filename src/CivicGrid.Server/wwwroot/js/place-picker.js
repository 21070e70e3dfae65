// Place search and the place picker of the public pages. A [data-place-search] box (the report form's place picker,
// Features/PublicService/Pages/PlacePicker.razor, and the public map's search, PublicMap.razor) looks up roads,
// communities and landmarks (/api/public/places) and tells its map (data-map, an element id) to go to the chosen one
// with 'civicgrid:goto' (maps.js: the pick map moves its pin there, the public map flies there). In the place picker,
// whenever the pin moves ('civicgrid:placed'), the address field is filled from the city model
// (/api/public/places/address); the field stays editable. Names go into the page as text.
(function () {
  'use strict';

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return { ok: response.ok, status: response.status, body: response.ok ? await response.json() : null };
  }

  function setUpSearch(root) {
    const map = document.getElementById(root.dataset.map);
    const query = root.querySelector('[data-place-query]');
    const results = root.querySelector('[data-place-results]');
    const status = document.getElementById(root.dataset.status);
    const kinds = JSON.parse(root.dataset.kinds || '{}');
    let searches = 0, timer = null;

    function choose(place) {
      results.replaceChildren();
      query.value = place.name;
      map.dispatchEvent(new CustomEvent('civicgrid:goto', { detail: { lat: place.latitude, lng: place.longitude, name: place.name } }));
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
      if (status) status.textContent = places.length === 0 ? root.dataset.none : '';
    }

    query.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); search(); } }); // not a submit of the form
    query.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
    root.querySelector('[data-place-go]').addEventListener('click', search);
  }

  function setUpAddress(root) {
    const map = document.getElementById(root.dataset.map);
    const address = document.getElementById(root.dataset.addressInput);
    const status = document.getElementById(root.dataset.status);
    let lookups = 0;
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
    document.querySelectorAll('[data-place-search]').forEach(root => { if (!root._placeSearch) { root._placeSearch = true; setUpSearch(root); } });
    document.querySelectorAll('[data-place-picker]').forEach(root => { if (!root._placePicker) { root._placePicker = true; setUpAddress(root); } });
  }

  document.addEventListener('DOMContentLoaded', setUpAll);
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', setUpAll);
  else document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', setUpAll));
})();
