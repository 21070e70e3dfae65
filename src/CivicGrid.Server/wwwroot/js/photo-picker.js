// The photos of the public report form (Features/PublicService/Pages/PublicReport.razor): the file input is visually
// hidden behind a label in the page's language; the files the citizen chose show here as thumbnails (read in the
// browser, nothing is sent before the submit), beside the photos a failed submit already uploaded and kept. File names
// go into the page as text.
(function () {
  'use strict';

  function thumb(src, name) {
    const item = document.createElement('li');
    const image = document.createElement('img');
    Object.assign(image, { src: src, alt: '', width: 96, height: 72 });
    const label = document.createElement('span');
    label.textContent = name;
    item.append(image, label);
    return item;
  }

  function setUp(root) {
    const input = root.querySelector('input[type=file]');
    const previews = root.querySelector('[data-photo-previews]');
    if (!input || !previews) return;
    let urls = [];
    input.addEventListener('change', () => {
      urls.forEach(url => URL.revokeObjectURL(url));
      urls = Array.from(input.files || []).map(file => URL.createObjectURL(file));
      previews.replaceChildren(...Array.from(input.files || []).map((file, i) => thumb(urls[i], file.name)));
    });
  }

  function setUpAll() {
    document.querySelectorAll('[data-photo-picker]').forEach(root => { if (!root._photoPicker) { root._photoPicker = true; setUp(root); } });
  }

  // The photos a failed submit kept ("id:name" each), put back from the draft after a reload: the hidden fields and
  // thumbnails the server would have rendered (site.js's drafts call this).
  window.civicGridKeptPhotos = function (slot, values) {
    if (!slot || values.length === 0 || slot.querySelector('input')) return;
    const label = document.createElement('p');
    label.className = 'muted';
    label.textContent = slot.dataset.keptLabel;
    const list = document.createElement('ul');
    list.className = 'photo-thumbs';
    list.dataset.testid = 'kept-photos';
    values.forEach((value, i) => {
      const id = value.substring(0, value.indexOf(':'));
      const item = thumb(slot.dataset.thumbnail.replace('{id}', encodeURIComponent(id)), value.substring(value.indexOf(':') + 1));
      const hidden = document.createElement('input');
      Object.assign(hidden, { type: 'hidden', name: slot.dataset.keptPhotos + '[' + i + ']', value: value });
      item.prepend(hidden);
      list.appendChild(item);
    });
    slot.append(label, list);
  };

  document.addEventListener('DOMContentLoaded', setUpAll);
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', setUpAll);
  else document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', setUpAll));
})();
