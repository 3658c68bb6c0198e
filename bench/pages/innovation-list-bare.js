/* global document */
// The floor the widget is timed against: the same first page of the same API, fetched with
// fetch() and written into the DOM by hand — no framework, no response check, no filters,
// no count announced, no details. What any page must at least do to show these results.
const list = document.getElementById('results');
const api = list.dataset.api;
const response = await fetch(`${api}/api/v1/innovations?limit=10`, { headers: { Accept: 'application/json' } });
const { data, total } = await response.json();
const count = document.createElement('p');
count.textContent = `${total} inovasi ditemukan`;
list.before(count);
for (const item of data) {
  const article = document.createElement('article');
  const title = document.createElement('h2');
  title.textContent = item.name;
  const meta = document.createElement('p');
  meta.textContent = `${item.opd.name} · ${item.type} · ${item.stage}${item.digital ? ' · digital' : ''}`;
  const excerpt = document.createElement('p');
  excerpt.textContent = (item.problem ?? '').slice(0, 160);
  article.append(title, meta, excerpt);
  list.append(article);
}
