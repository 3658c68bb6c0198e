// Wires the two widgets of the demo page together: a new question's tracking code goes
// straight into the status widget. Widgets stay independent; the page decides.
const form = document.getElementById('form');
const status = document.getElementById('status');

form?.addEventListener('opd-submitted', (event) => {
  status?.setAttribute('code', event.detail.trackingCode);
});

// `?kode=SIAP-XXXX-XXXX` in the address opens that consultation (links in e-mails, QR codes).
const code = new URLSearchParams(location.search).get('kode');
if (code) status?.setAttribute('code', code);
