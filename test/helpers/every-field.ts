/**
 * One record in every module, written through the API as a citizen or as the demo staff, with
 * every field a person types filled by the caller: the XSS test (`test/e2e/xss.test.ts`) puts
 * hostile markup into the text fields, the personal-data sweep
 * (`test/server/personal-data-sweep.test.ts`) unique secrets into the personal ones. Each field
 * is named `<module>.<record>.<field>` and reported with its kind, so both tests can count what
 * they covered.
 *
 * ```ts
 * const written = await writeEveryField(server.url, tokenFor, {
 *   text: (field, max) => `Teks ${field}`.slice(0, max),
 *   name: (field) => 'Nama Warga', email: (field) => 'warga@contoh.id', phone: (field) => '0812 0000 0001',
 * });
 * written.fields; // [{ field: 'siap.consultation.message', kind: 'text' }, ...]
 * ```
 *
 * @module
 */

/** What a field holds: text shown to people, or a person's name, e-mail or phone. */
export type FieldKind = 'text' | 'name' | 'email' | 'phone' | 'url';

/** The values to write, asked per field. */
export interface FieldValues {
  /** Free text (`max` is the field's length limit). */
  text(field: string, max: number): string;
  /** A person's name (citizen, contact person, staff member). */
  name(field: string): string;
  /** An e-mail address that passes the field's format check. */
  email(field: string): string;
  /** A phone number that passes the field's format check (`+62 812 …` or `0812 …` digits). */
  phone(field: string): string;
  /** A link where the field takes one (default a plain `https://` address). */
  url?(field: string, max: number): string;
}

/** The records written, with the ids and codes to open them by. */
export interface WrittenRecords {
  /** Every field filled, with its kind. */
  fields: Array<{ field: string; kind: FieldKind }>;
  /** Fields the API refused the value of (status and the problem's field), e.g. a `javascript:` link. */
  refused: Array<{ field: string; status: number; detail: string }>;
  /** SIAP: the consultation's tracking code (BPKAD). */
  trackingCode: string;
  /** Perjaka: the damage report's id and the road segment renamed (Dinas PUPR). */
  roadReportId: string;
  roadSegment: string;
  /** e-Agenda: the event's id (Sekretariat DPRD). */
  agendaEventId: string;
  /** The innovation's id (Bappeda's, submitted and verified). */
  innovationId: string;
  /** SIP BENAR: the company's and programme's ids (Bappeda). */
  csrCompanyId: number;
  csrProgramId: number;
  /** Layanan: the service's slug (DPMPTSP). */
  serviceSlug: string;
  /** The webhook's id and its signing secret (BPKAD), and the Open311 key issued (Dinas PUPR). */
  webhookId: string;
  webhookSecret: string;
  open311Key: string;
  /** The staff user added (BPKAD). */
  staffEmail: string;
}

/** An answer of one of many shapes, read field by field (a shape error fails the test that reads it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A Perjaka report service as its list gives it. */
interface RoadService {
  service_code: string;
  attributes: Array<{ variable: boolean; code: string; datatype: string; values: Array<{ key: string }> }>;
}

/** A signed-in staff token for the demo user `email`. */
export type TokenFor = (email: string) => Promise<string>;

/** The demo OPDs whose modules the records go into. */
export const RECORD_OPDS = {
  siap: 'bpkad',
  perjaka: 'dinas-pupr',
  agenda: 'sekretariat-dprd',
  innovation: 'bappeda',
  csr: 'bappeda',
  layanan: 'dpmptsp',
} as const;

/**
 * Writes one record of every kind, each field asked of `values`; fails on any write the API
 * refuses, except a field's value refused with a 422 naming that field (then written again
 * without it, and listed in `refused`).
 */
export async function writeEveryField(base: string, tokenFor: TokenFor, values: FieldValues, tag = Date.now().toString(36)): Promise<WrittenRecords> {
  const fields: WrittenRecords['fields'] = [];
  const refused: WrittenRecords['refused'] = [];
  const text = (field: string, max: number) => (fields.push({ field, kind: 'text' }), values.text(field, max));
  const name = (field: string) => (fields.push({ field, kind: 'name' }), values.name(field));
  const email = (field: string) => (fields.push({ field, kind: 'email' }), values.email(field));
  const phone = (field: string) => (fields.push({ field, kind: 'phone' }), values.phone(field));
  const url = (field: string, max: number) => (fields.push({ field, kind: 'url' }), values.url?.(field, max) ?? `https://contoh.id/${tag}`);

  /** Sends `body` as `who` (a demo user, or nobody); answers the JSON. */
  const call = async (who: string | null, method: string, path: string, body?: unknown, expect = [200, 201]): Promise<Json> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (who) headers.Authorization = `Bearer ${await tokenFor(who)}`;
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await response.text();
    if (!expect.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${answer.slice(0, 600)}`);
    return answer ? JSON.parse(answer) : undefined;
  };
  /**
   * Like {@link call}, but a 422 naming fields of `optional` (dotted paths into `body`) drops
   * those and sends again, listing them as refused under `prefix`.
   */
  const lenient = async (who: string | null, method: string, path: string, body: Record<string, Json>, prefix: string, optional: string[]): Promise<Json> => {
    for (let attempt = 0; attempt < optional.length + 1; attempt++) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (who) headers.Authorization = `Bearer ${await tokenFor(who)}`;
      const response = await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) });
      const answer = await response.text();
      if (response.status === 200 || response.status === 201) return JSON.parse(answer);
      const problem = response.status === 422 ? (JSON.parse(answer) as { errors?: Array<{ path: string }> }) : {};
      const named = (problem.errors ?? []).map((e) => e.path);
      const dropping = optional.filter((o) => named.some((n) => n === o || n.startsWith(`${o}.`) || n.startsWith(`${o}[`)));
      if (dropping.length === 0) throw new Error(`${method} ${path} answered ${response.status}: ${answer.slice(0, 600)}`);
      for (const path of dropping) {
        refused.push({ field: `${prefix}.${path}`, status: response.status, detail: answer.slice(0, 200) });
        const keys = path.split('.');
        let node = body;
        for (const key of keys.slice(0, -1)) node = node[key];
        delete node[keys.at(-1)!];
      }
    }
    throw new Error(`${method} ${path}: still refused after dropping ${optional.join(', ')}`);
  };

  // The spine: OPD names, a staff member, a holiday.
  const admin = 'admin@lahat.demo';
  for (const [module, slug] of Object.entries(RECORD_OPDS)) {
    if (module === 'csr') continue; // Bappeda is named once, under innovation.
    await call(admin, 'PATCH', `/api/v1/opds/${slug}`, { name: text(`opd.${slug}.name`, 200), nameEn: text(`opd.${slug}.nameEn`, 200) });
  }
  const staffEmail = email('accounts.user.email');
  await call(admin, 'POST', '/api/v1/users', { email: staffEmail, name: name('accounts.user.name'), role: 'opd_staff', opd: RECORD_OPDS.siap });
  await call(admin, 'PUT', '/api/v1/holidays/2025-12-24', { name: text('calendar.holiday.name', 200), kind: 'cuti-bersama' }, [200, 201]);

  // SIAP: a citizen's question, a category name, the officer's note, internal note, remark and answer, a template.
  const siap = RECORD_OPDS.siap;
  const officer = `${siap}@lahat.demo`;
  const categories = (await call(officer, 'GET', `/api/v1/opds/${siap}/consultation-categories`)) as { categories?: Array<{ id: string; name: string; nameEn?: string }> } | Array<{ id: string; name: string }>;
  const categoryList = Array.isArray(categories) ? categories : (categories.categories ?? []);
  const category = categoryList[0]!;
  await call(admin, 'PUT', `/api/v1/opds/${siap}/consultation-categories`, {
    categories: categoryList.map((c, i) => (i === 0 ? { id: c.id, name: text('siap.category.name', 120), nameEn: text('siap.category.nameEn', 120) } : { id: c.id, name: c.name })),
  });
  const receipt = await call(null, 'POST', `/api/v1/opds/${siap}/consultations`, {
    name: name('siap.consultation.name'),
    email: email('siap.consultation.email'),
    phone: phone('siap.consultation.phone'),
    category: category.id,
    subject: text('siap.consultation.subject', 200),
    message: text('siap.consultation.message', 5000),
    consent: true,
  });
  const trackingCode = receipt.trackingCode as string;
  const own = `/api/v1/opds/${siap}/consultations/${trackingCode}`;
  await call(officer, 'POST', `${own}/status`, { status: 'in_progress', note: text('siap.status.note', 1000), internalNote: text('siap.status.internalNote', 1000) });
  await call(officer, 'POST', `${own}/notes`, { text: text('siap.note.text', 2000) });
  await call(officer, 'POST', `${own}/answer`, { text: text('siap.answer.text', 10000) });
  await call(officer, 'POST', `/api/v1/opds/${siap}/answer-templates`, { title: text('siap.template.title', 120), text: text('siap.template.text', 10000) });

  // Perjaka: a citizen's damage report, the officer's update and status note, a road's name.
  const roads = RECORD_OPDS.perjaka;
  const pupr = 'pupr@lahat.demo';
  const services = ((await call(null, 'GET', `/api/v1/opds/${roads}/road-report-services`)) as { data: RoadService[] }).data;
  const service = services[0]!;
  const attribute = Object.fromEntries(
    service.attributes
      .filter((a) => a.variable)
      .map((a) => [a.code, a.values.length > 0 ? (a.datatype === 'multivaluelist' ? [a.values[0]!.key] : a.values[0]!.key) : a.datatype === 'number' ? '2' : a.datatype === 'datetime' ? '2025-03-01T08:00:00+07:00' : text(`perjaka.report.attribute.${a.code}`, 500)]),
  );
  const segments = (await call(null, 'GET', `/api/v1/opds/${roads}/road-segments?limit=1`)) as { data?: Array<{ number: string }> } | Array<{ number: string }>;
  const segmentList = Array.isArray(segments) ? segments : (segments.data ?? []);
  const roadSegment = segmentList[0]!.number;
  const report = await call(null, 'POST', `/api/v1/opds/${roads}/road-reports`, {
    service_code: service.service_code,
    description: text('perjaka.report.description', 4000),
    lat: -3.7861,
    long: 103.5436,
    address_string: text('perjaka.report.address_string', 500),
    attribute,
    first_name: name('perjaka.report.first_name'),
    last_name: name('perjaka.report.last_name'),
    email: email('perjaka.report.email'),
    phone: phone('perjaka.report.phone'),
    device_id: text('perjaka.report.device_id', 128),
    consent: true,
  });
  const created = Array.isArray(report) ? report[0] : report;
  const roadReportId = String(created.service_request_id);
  await call(pupr, 'POST', `/api/v1/opds/${roads}/road-reports/${roadReportId}/updates`, {
    description: text('perjaka.update.description', 4000),
    status: 'open',
    role: 'petugas',
    author: text('perjaka.update.author', 120), // public by design: a role or office, e.g. "Camat Merapi Barat"
  });
  await call(pupr, 'PATCH', `/api/v1/opds/${roads}/road-reports/${roadReportId}`, { status: 'open', status_notes: text('perjaka.report.status_notes', 1000) });
  await call(pupr, 'PATCH', `/api/v1/opds/${roads}/road-segments/${roadSegment}`, { name: text('perjaka.segment.name', 200) });
  const key = await call(admin, 'POST', `/api/v1/opds/${roads}/open311-keys`, { name: text('perjaka.open311-key.name', 120), role: 'app' });

  // Tomorrow in Jakarta, so the calendar's first view (this month, this week) shows the event.
  const eventDay = new Date(Date.now() + 31 * 3_600_000).toISOString().slice(0, 10);
  const year = new Date().getUTCFullYear();
  // e-Agenda: a council body's name and an event with its place, description, link and document.
  const agenda = RECORD_OPDS.agenda;
  const dprd = admin; // the demo has no council staff account
  const council = await call(null, 'GET', `/api/v1/opds/${agenda}/agenda`);
  const body = (council.bodies as Array<{ id?: string; slug?: string; name: string }>)[0]!;
  const bodyId = body.id ?? body.slug!;
  await call(admin, 'PUT', `/api/v1/opds/${agenda}/agenda/bodies/${bodyId}`, { name: text('agenda.body.name', 100), description: text('agenda.body.description', 200) });
  const event = await lenient(
    dprd,
    'POST',
    `/api/v1/opds/${agenda}/events`,
    {
      title: text('agenda.event.title', 200),
      body: bodyId,
      kind: 'rapat-komisi',
      startsAt: `${eventDay}T09:00`,
      endsAt: `${eventDay}T11:00`,
      status: 'confirmed',
      openToPublic: true,
      place: text('agenda.event.place', 200),
      onlineUrl: url('agenda.event.onlineUrl', 500),
      description: text('agenda.event.description', 4000),
      documents: [{ title: text('agenda.event.documents.title', 200), url: url('agenda.event.documents.url', 500) }],
    },
    'agenda.event',
    ['onlineUrl', 'documents'],
  );
  const agendaEventId = String(event.id);

  // One OPD One Innovation: Bappeda's innovation, submitted and verified by Bappeda (the reviewer).
  const innovationOpd = RECORD_OPDS.innovation;
  const bappeda = `${innovationOpd}@lahat.demo`;
  const innovation = await call(bappeda, 'POST', `/api/v1/opds/${innovationOpd}/innovations`, {
    name: text('innovation.name', 200),
    type: 'pelayanan-publik',
    digital: true,
    stage: 'penerapan',
    stageDates: { inisiatif: '2024-01-10', 'uji-coba': '2024-03-01', penerapan: '2024-06-01' },
    startDate: '2024-01-10',
    problem: text('innovation.problem', 5000),
    solution: text('innovation.solution', 5000),
    benefits: text('innovation.benefits', 5000),
    results: text('innovation.results', 5000),
    budgetSource: text('innovation.budgetSource', 100),
    initiator: 'opd',
    goal: text('innovation.goal', 5000),
    contact: { name: name('innovation.contact.name'), phone: phone('innovation.contact.phone'), email: email('innovation.contact.email') },
    year: 2025,
  });
  const innovationId = String(innovation.id);
  await call(bappeda, 'POST', `/api/v1/opds/${innovationOpd}/innovations/${innovationId}/submit`, undefined, [200, 201, 409, 422]).then(async (submitted) => {
    if (submitted?.status && submitted.status !== 'submitted') return;
    await call(bappeda, 'POST', `/api/v1/opds/${innovationOpd}/innovation-reviews/${innovationId}/verify`, { comment: text('innovation.review.comment', 2000) }, [200, 201, 409, 422]);
  });

  // SIP BENAR: a company with its contact person, a programme, its spending, a village proposal.
  const csr = RECORD_OPDS.csr;
  const company = await call(bappeda, 'POST', `/api/v1/opds/${csr}/csr/companies`, {
    name: text('csr.company.name', 200),
    sector: 'energi',
    contact: { name: name('csr.company.contact.name'), phone: phone('csr.company.contact.phone'), email: email('csr.company.contact.email') },
  });
  const csrCompanyId = Number(company.id);
  const program = await call(bappeda, 'POST', `/api/v1/opds/${csr}/csr/programs`, {
    title: text('csr.program.title', 200),
    description: text('csr.program.description', 4000),
    companyId: csrCompanyId,
    field: 'pendidikan',
    kecamatan: 'Jarai',
    desa: text('csr.program.desa', 80),
    year,
    committed: 125_000_000,
    beneficiaries: 120,
    rpjmdPriority: text('csr.program.rpjmdPriority', 300),
    status: 'running',
  });
  const csrProgramId = Number(program.id);
  await call(bappeda, 'POST', `/api/v1/opds/${csr}/csr/programs/${csrProgramId}/spending`, { date: `${year}-01-05`, amount: 25_000_000, description: text('csr.spending.description', 1000) });
  await call(bappeda, 'POST', `/api/v1/opds/${csr}/csr/proposals`, {
    title: text('csr.proposal.title', 200),
    description: text('csr.proposal.description', 4000),
    field: 'infrastruktur',
    kecamatan: 'Jarai',
    desa: text('csr.proposal.desa', 80),
    year,
    estimatedCost: 80_000_000,
    proposer: name('csr.proposal.proposer'),
    contact: { name: name('csr.proposal.contact.name'), phone: phone('csr.proposal.contact.phone') },
    submittedOn: '2025-01-10',
  });

  // Layanan: a service standard with every text, the OPD's pledge, a survey answer with a suggestion.
  const layanan = RECORD_OPDS.layanan;
  const dpmptsp = `${layanan}@lahat.demo`;
  const serviceSlug = `uji-${tag}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  await lenient(
    dpmptsp,
    'POST',
    `/api/v1/opds/${layanan}/services`,
    {
      slug: serviceSlug,
      name: text('layanan.service.name', 200),
      category: 'perizinan',
      summary: text('layanan.service.summary', 1000),
      online: true,
      offline: true,
      onlineUrl: url('layanan.service.onlineUrl', 500),
      requirements: [text('layanan.service.requirements', 500)],
      procedure: [text('layanan.service.procedure', 500)],
      duration: { text: text('layanan.service.duration.text', 200), workingDays: 3 },
      cost: { free: true, legalBasis: text('layanan.service.cost.legalBasis', 500) },
      product: text('layanan.service.product', 500),
      complaints: [text('layanan.service.complaints', 500)],
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }],
      hoursNote: text('layanan.service.hoursNote', 500),
      location: { name: text('layanan.service.location.name', 200), address: text('layanan.service.location.address', 500) },
      internal: { legalBasis: [text('layanan.service.internal.legalBasis', 500)], facilities: text('layanan.service.internal.facilities', 2000), competence: text('layanan.service.internal.competence', 2000) },
      effectiveOn: '2025-01-02',
      changeNote: text('layanan.service.changeNote', 500),
    },
    'layanan.service',
    ['onlineUrl'],
  );
  await call(dpmptsp, 'PUT', `/api/v1/opds/${layanan}/service-pledge`, { text: text('layanan.pledge.text', 3000), by: text('layanan.pledge.by', 200), on: '2025-01-02' });
  const tokens = await call(dpmptsp, 'POST', `/api/v1/opds/${layanan}/services/${serviceSlug}/survey-tokens`, { count: 1, validDays: 30 });
  const token = (tokens.tokens as Array<string | { token: string }>)[0]!;
  const model = await call(null, 'GET', '/api/v1/services/survey-model');
  const elements = (model.elements as Array<{ id: string }>).map((e) => e.id);
  await call(null, 'POST', `/api/v1/opds/${layanan}/services/${serviceSlug}/survey`, {
    token: typeof token === 'string' ? token : token.token,
    scores: Object.fromEntries(elements.map((id) => [id, 4])),
    suggestion: text('layanan.survey.suggestion', 1000),
  });

  // Webhooks: a receiver of BPKAD's events, with its description and signing secret.
  const webhook = await call(admin, 'POST', `/api/v1/opds/${siap}/webhooks`, {
    url: `https://penerima.contoh.id/${tag}`,
    topics: ['consultation.received'],
    description: text('webhooks.webhook.description', 200),
  });

  return {
    fields,
    refused,
    trackingCode,
    roadReportId,
    roadSegment,
    agendaEventId,
    innovationId,
    csrCompanyId,
    csrProgramId,
    serviceSlug,
    webhookId: String(webhook.id),
    webhookSecret: String(webhook.secret ?? ''),
    open311Key: String(key.key ?? key.apiKey ?? key.token ?? ''),
    staffEmail,
  };
}
