// Case markers shared by the live map (live-map.js) and the command centre (command.js): a round pin filled with the
// colour of the case's type class (大类) and ringed in its deadline light, the class colours listed in a legend, and a
// popup with type, place, department and deadline and a link to the case page. Names come from administrators and
// imports: they go into the page only as text nodes, never as HTML.

export const lightColours = { red: '#b3261e', yellow: '#e0a800', green: '#1e6b34' };
const palette = ['#0b57d0', '#7b1fa2', '#00897b', '#c2185b', '#5d4037', '#3949ab', '#ef6c00', '#558b2f'];
const other = '#757575';

// The class of a case: kind and the type code's first two digits ("matter:01").
export const classOf = c => c.typeCode ? `${(c.kind || '').toLowerCase()}:${c.typeCode.slice(0, 2)}` : '';

// Colours for the classes in view: the most frequent first get the palette, the rest share grey.
export function classColours(cases) {
  const counts = new Map();
  for (const c of cases) { const k = classOf(c); counts.set(k, (counts.get(k) || 0) + 1); }
  const ranked = [...counts.entries()].filter(([k]) => k).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colours = new Map(ranked.slice(0, palette.length).map(([k], i) => [k, palette[i]]));
  return { of: c => colours.get(classOf(c)) || other, shown: ranked.slice(0, palette.length).map(([k, n]) => ({ key: k, colour: colours.get(k), count: n })), others: ranked.length > palette.length };
}

// The due time in the city's time zone (China Standard Time), like the server's pages.
export function cityTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

function text(tag, value, attributes) {
  const e = document.createElement(tag);
  e.textContent = value;
  for (const [name, v] of Object.entries(attributes || {})) e.setAttribute(name, v);
  return e;
}

// The popup: "number · status", then one labelled line per fact, then the link to the case page.
export function popup(c, labels, statusNames) {
  const box = document.createElement('div');
  box.className = 'case-popup';
  box.setAttribute('data-testid', 'case-popup');
  const head = text('strong', c.number);
  box.append(head, document.createTextNode(' · ' + (statusNames[c.status] || c.status)));
  const facts = document.createElement('dl');
  const fact = (label, value, testid) => { if (!value) return; facts.append(text('dt', label), text('dd', value, { 'data-testid': testid })); };
  fact(labels.type, c.typeName, 'popup-type');
  fact(labels.place, c.place, 'popup-place');
  fact(labels.department, c.departmentName || labels.noDepartment, 'popup-department');
  fact(labels.deadline, c.dueAt ? `${labels[c.light] || ''} ${cityTime(c.dueAt)}`.trim() : labels.noDeadline, 'popup-deadline');
  box.append(facts, text('a', labels.open, { href: '/cases/' + encodeURIComponent(c.id), 'data-testid': 'popup-case-link' }));
  return box;
}

// A pin as a Leaflet marker (an HTML element, so tests and styles can find it by number and light).
export function marker(c, colour, labels, statusNames) {
  const pin = document.createElement('span');
  pin.className = 'case-pin' + (c.light === 'red' ? ' overdue' : '') + (c.isUrgent ? ' urgent' : '');
  pin.style.background = colour;
  pin.style.borderColor = lightColours[c.light] || '#ffffff';
  pin.dataset.number = c.number;
  pin.dataset.light = c.light || '';
  const icon = L.divIcon({ className: 'case-pin-box', html: pin, iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -8] });
  return L.marker([c.lat, c.lon], { icon, title: [c.typeName, c.place].filter(Boolean).join(' · '), riseOnHover: true })
    .bindPopup(() => popup(c, labels, statusNames), { maxWidth: 280 });
}

// The legend's class part: a swatch and the class name per colour in view.
export function legendClasses(list, colours, classNames, otherLabel) {
  if (!list) return;
  const items = colours.shown.map(s => {
    const li = document.createElement('li');
    const swatch = text('span', '', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = s.colour;
    li.append(swatch, document.createTextNode(classNames[s.key] || s.key));
    return li;
  });
  if (colours.others) {
    const li = document.createElement('li');
    const swatch = text('span', '', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = other;
    li.append(swatch, document.createTextNode(otherLabel));
    items.push(li);
  }
  list.replaceChildren(...items);
}
