// Wires the two widgets of the demo page together: a new question's tracking code goes
// straight into the status widget. Widgets stay independent; the page decides.
// (A link to this page with `#lacak=SIAP-…` or `?kode=SIAP-…`, such as the receipt's, is
// opened by the status widget itself.)
const form = document.getElementById('form');
const status = document.getElementById('status');

form?.addEventListener('opd-submitted', (event) => {
  status?.setAttribute('code', event.detail.trackingCode);
});
