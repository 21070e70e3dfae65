// Searchable pickers and queue selection (issue 18): an input with data-filter-for="id" hides the options of select #id
// whose text and data-detail (a code) do not contain what is typed, and the groups left empty; a checkbox with
// data-select-all="name" ticks every checkbox of that name. Without script the select and the boxes work as they are.
(function () {
  'use strict';
  document.addEventListener('input', event => {
    const input = event.target;
    if (!input.dataset || !input.dataset.filterFor) return;
    const select = document.getElementById(input.dataset.filterFor);
    if (!select) return;
    const text = input.value.trim().toLowerCase();
    let first = null;
    select.querySelectorAll('option').forEach(option => {
      if (!option.value) return;
      const hay = (option.textContent + ' ' + (option.dataset.detail || '')).toLowerCase();
      const shown = text === '' || hay.includes(text);
      option.hidden = !shown;
      if (shown && !first) first = option;
    });
    select.querySelectorAll('optgroup').forEach(group => {
      group.hidden = !Array.from(group.querySelectorAll('option')).some(o => !o.hidden);
    });
    if (text !== '' && first && (select.selectedOptions.length === 0 || select.selectedOptions[0].hidden)) select.value = first.value;
  });
  document.addEventListener('change', event => {
    const box = event.target;
    if (!box.dataset || !box.dataset.selectAll) return;
    document.querySelectorAll('input[type=checkbox][name="' + box.dataset.selectAll + '"]').forEach(b => { b.checked = box.checked; });
  });
})();
