/**
 * Receipts kept on the device: two tabs of one OPD's page keep each other's receipts (the
 * citizen's only record of a tracking code must not be written over by a tab opened earlier).
 */
import { receiptStorageKey, ReceiptStore } from '../../widgets/shared/receipt-store.js';
import { equal } from './helpers.js';

type Receipt = { trackingCode: string };

const tab = () =>
  new ReceiptStore<Receipt>({
    widget: 'receipt-store-test',
    opd: () => 'bpkad',
    parse: (raw) => (raw && typeof (raw as Receipt).trackingCode === 'string' ? (raw as Receipt) : null),
    id: (receipt) => receipt.trackingCode,
  });

const key = receiptStorageKey('receipt-store-test', 'bpkad');

afterEach(() => localStorage.removeItem(key));

describe('receipts kept on the device', () => {
  it('keeps the receipt another tab kept since this tab read the list', () => {
    const first = tab();
    const second = tab();
    equal(first.list().length, 0, 'the first tab reads an empty list');
    second.add({ trackingCode: 'SIAP-AAAA-0001' });
    first.add({ trackingCode: 'SIAP-BBBB-0002' });
    equal(tab().list().map((r) => r.trackingCode).join(' '), 'SIAP-BBBB-0002 SIAP-AAAA-0001', 'both receipts are kept');
  });

  it('forgets only the dismissed receipt, not the ones another tab kept', () => {
    const first = tab();
    first.add({ trackingCode: 'SIAP-AAAA-0001' });
    const second = tab();
    second.add({ trackingCode: 'SIAP-BBBB-0002' });
    first.remove('SIAP-AAAA-0001');
    equal(tab().list().map((r) => r.trackingCode).join(' '), 'SIAP-BBBB-0002', 'the other tab’s receipt stays');
  });
});
