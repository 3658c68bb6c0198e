// The widget gallery (galeri.html): every citizen widget with its attributes, a live preview,
// theming examples and its snippet to copy. What a widget takes comes from the widgets'
// manifest (/cdn/custom-elements.json, written by the build from their doc comments), so the
// gallery cannot drift from the code; only the demo values below are the gallery's own.
// No innerHTML: every text from the manifest goes in as text.

/** Demo values for the attributes a widget needs to show something on this backend. */
const DEMO_VALUES = {
  'opd-consultation-form': { opd: 'bpkad' },
  'opd-road-summary': { opd: 'dinas-pupr' },
  'opd-road-map': { opd: 'dinas-pupr' },
  'opd-agenda-calendar': { opd: 'sekretariat-dprd' },
  'opd-csr-board': { opd: 'bappeda' },
  'opd-service-standard': { opd: 'disdukcapil', service: 'ktp-el' },
  'opd-satisfaction-survey': { opd: 'disdukcapil', service: 'ktp-el' },
  'opd-satisfaction-index': { opd: 'disdukcapil' },
};

/** Staff widgets: they live in the console, not on an OPD's public pages. */
const STAFF_ONLY = new Set(['opd-console', 'opd-consultation-inbox']);

/** Theming examples: custom properties (`--opd-*`) and a `::part()` rule. */
const THEMES = [
  { id: 'bawaan', label: 'Bawaan (mengikuti huruf situs)', css: () => '' },
  {
    id: 'pemkab',
    label: 'Warna situs, sudut tegas',
    css: (tag) => `${tag} {\n  --opd-color-primary: #0b5d3b;\n  --opd-radius: 0;\n}`,
  },
  {
    id: 'besar',
    label: 'Huruf lebih besar, bingkai lewat ::part',
    css: (tag) =>
      `${tag} {\n  --opd-font-size: 18px;\n  --opd-color-primary: #0b4f8a;\n}\n${tag}::part(base) {\n  border: 2px solid #0b4f8a;\n  border-radius: 12px;\n  padding: 1rem;\n}`,
  },
];

const list = document.getElementById('widget-list');
const detail = document.getElementById('widget');
/** The theme applied to the preview: a constructable stylesheet (no inline style under the page's CSP). */
const themeSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeSheet];

/** Makes an element: `h('p', { class: 'hint' }, 'text', child)`. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null));
  return element;
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Manifest descriptions carry Markdown backticks; shown as plain text. */
const plain = (text) => (text ?? '').replace(/`/g, '');

/** The attributes of a widget the gallery offers, `api` first. */
function attributesOf(widget) {
  const seen = new Set();
  return (widget.attributes ?? []).filter((attribute) => {
    if (seen.has(attribute.name)) return false;
    seen.add(attribute.name);
    return true;
  });
}

/** The snippet to paste into the OPD's page. */
function snippetOf(tag, values, theme) {
  const attributes = Object.entries(values)
    .filter(([, value]) => value !== '' && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`))
    .join('');
  const css = theme.css(tag);
  const style = css ? `\n<style>\n${css}\n</style>\n` : '';
  return `<script type="module" src="${location.origin}/cdn/opd-kit.js"></script>\n${style}\n<${tag}${attributes}></${tag}>`;
}

function fieldOf(tag, attribute, values, changed) {
  const id = `attr-${attribute.name}`;
  const type = attribute.type?.text ?? 'string';
  const hint = h('span', { class: 'hint', id: `${id}-hint` }, plain(attribute.description));
  if (attribute.name === 'lang') {
    const select = h(
      'select',
      { id, name: attribute.name, 'aria-describedby': `${id}-hint`, onchange: (event) => changed(attribute.name, event.target.value) },
      h('option', { value: '', selected: values.lang === '' }, 'Bahasa Indonesia (bawaan)'),
      h('option', { value: 'en', selected: values.lang === 'en' }, 'English'),
    );
    return h('div', { class: 'field' }, h('label', { for: id }, 'lang'), hint, select);
  }
  if (type === 'boolean') {
    const box = h('input', {
      type: 'checkbox',
      id,
      name: attribute.name,
      'aria-describedby': `${id}-hint`,
      checked: values[attribute.name] === true,
      onchange: (event) => changed(attribute.name, event.target.checked),
    });
    return h('div', { class: 'field field--check' }, box, h('label', { for: id }, attribute.name), hint);
  }
  const input = h('input', {
    id,
    name: attribute.name,
    type: type === 'number' ? 'number' : 'text',
    value: values[attribute.name] ?? '',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-hint`,
    onchange: (event) => changed(attribute.name, event.target.value.trim()),
  });
  return h('div', { class: 'field' }, h('label', { for: id }, attribute.name), hint, input);
}

/** Shows one widget: its options, the snippet and the live preview. */
function show(widget) {
  const tag = widget.tagName;
  const values = {};
  for (const attribute of attributesOf(widget)) {
    values[attribute.name] = attribute.name === 'api' ? location.origin : (DEMO_VALUES[tag]?.[attribute.name] ?? '');
  }
  let theme = THEMES[0];
  const code = h('code');
  const copied = h('p', { role: 'status', class: 'copy-status' });
  const preview = h('div', { class: 'gallery__preview', id: 'preview' });
  const themeCss = h('code');

  const refresh = () => {
    code.textContent = snippetOf(tag, values, theme);
    themeCss.textContent = theme.css(tag) || '/* tanpa aturan tambahan: warna dan huruf bawaan */';
    themeSheet.replaceSync(theme.css(tag).replaceAll(tag, `#preview ${tag}`));
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(values)) {
      if (value === true) element.setAttribute(name, '');
      else if (value !== '' && value !== false) element.setAttribute(name, String(value));
    }
    preview.replaceChildren(element);
    copied.textContent = '';
  };
  const changed = (name, value) => {
    values[name] = value;
    refresh();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      copied.textContent = 'Kode tersalin.';
    } catch {
      getSelection()?.selectAllChildren(code);
      copied.textContent = 'Kode sudah dipilih: tekan Ctrl+C (⌘C di Mac) untuk menyalin.';
    }
  };

  const themes = h(
    'fieldset',
    { class: 'field' },
    h('legend', {}, 'Tema'),
    THEMES.map((option) =>
      h(
        'div',
        { class: 'field--check' },
        h('input', {
          type: 'radio',
          name: 'theme',
          id: `theme-${option.id}`,
          value: option.id,
          checked: option === theme,
          onchange: () => {
            theme = option;
            refresh();
          },
        }),
        h('label', { for: `theme-${option.id}` }, option.label),
      ),
    ),
  );

  detail.replaceChildren(
    h('div', { class: 'card' },
      h('h2', { id: 'widget-title', tabindex: '-1' }, `<${tag}>`),
      h('p', { class: 'gallery__summary' }, plain(widget.summary)),
      h('div', { class: 'gallery__columns' },
        h('form', { class: 'gallery__options', 'aria-labelledby': 'options-title', onsubmit: (event) => event.preventDefault() },
          h('h3', { id: 'options-title' }, 'Atribut'),
          attributesOf(widget).map((attribute) => fieldOf(tag, attribute, values, changed)),
          themes,
        ),
        h('div', { class: 'gallery__code' },
          h('h3', { id: 'code-title' }, 'Kode untuk disalin'),
          h('pre', { tabindex: '0', 'aria-labelledby': 'code-title', id: 'snippet' }, code),
          h('div', { class: 'copy-row' }, h('button', { type: 'button', onclick: copy }, 'Salin kode'), copied),
          h('h3', {}, 'CSS tema ini'),
          h('pre', { id: 'theme-css' }, themeCss),
          h('p', { class: 'hint' }, 'Semua properti CSS, bagian (::part) dan event widget ini: ',
            h('code', {}, `docs/widgets/${tag}.md`), ' di paket, atau ', h('a', { href: '/docs/reference/' }, 'referensi widget'), ' di server ini.'),
        ),
      ),
    ),
    h('section', { class: 'card gallery__preview-card', 'aria-labelledby': 'preview-title' },
      h('h3', { id: 'preview-title' }, 'Pratinjau langsung'),
      h('p', { class: 'hint' }, 'Tersambung ke backend demo: yang dikirim dari sini benar-benar tersimpan.'),
      preview,
    ),
  );
  detail.setAttribute('aria-busy', 'false');
  refresh();
  for (const link of list.querySelectorAll('a')) {
    if (link.hash === `#${tag}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function main() {
  let manifest;
  try {
    const response = await fetch('/cdn/custom-elements.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    manifest = await response.json();
  } catch {
    list.replaceChildren(h('li', {}, 'Daftar widget tidak dapat dimuat. Jalankan npm run build lalu muat ulang halaman ini.'));
    detail.setAttribute('aria-busy', 'false');
    return;
  }
  const widgets = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName && !STAFF_ONLY.has(declaration.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  list.replaceChildren(
    ...widgets.map((widget) =>
      h('li', {}, h('a', { href: `#${widget.tagName}` }, h('code', {}, `<${widget.tagName}>`), h('span', {}, plain(widget.summary)))),
    ),
  );
  const route = (focus) => {
    const wanted = decodeURIComponent(location.hash.slice(1));
    const widget = widgets.find((candidate) => candidate.tagName === wanted) ?? widgets[0];
    show(widget);
    if (focus) document.getElementById('widget-title')?.focus();
  };
  addEventListener('hashchange', () => route(true));
  route(false);
}

void main();
