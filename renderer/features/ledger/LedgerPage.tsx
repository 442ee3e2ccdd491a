import { Link, useLocation, useParams } from 'react-router-dom';
import { format, masterId, uiMessages, type Person } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { ageOn, careLevelText, centerText, orNone, warekiDate } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { useLedgerOpenAudit } from './ledger-audit';
import { useMasterNames, usePerson } from './use-person';
import { Fields, Section, type FieldRow } from './Section';
import { DataTable } from '../../ui/DataTable';
import { CaseWorkSection } from '../case-work/CaseWorkSection';
import { HouseholdMembers } from './HouseholdMembers';
import { DocumentsSection } from '../documents/DocumentsSection';

const m = uiMessages.ledger;
const f = m.fields;
const p = uiMessages.person;

const yesNo = (value: boolean | undefined) => (value === undefined ? p.none : value ? p.yes : p.no);

function validity(from: string | undefined, to: string | undefined): string {
  if (!from && !to) return p.none;
  return format(m.validity, { from: warekiDate(from), to: to ? warekiDate(to) : m.openEnded });
}

/** 高齢者台帳: everything the ledger holds about one person, in the order staff read it. */
export function LedgerPage() {
  const { personId = '' } = useParams();
  const session = useOpenSession();
  const loaded = usePerson(session.db, personId);
  const person = loaded.state === 'found' ? loaded.value : undefined;
  const audit = useLedgerOpenAudit(session, person);
  useTitle(person && audit === 'recorded' ? `${person.name} ${m.title}` : m.title);

  if (loaded.state === 'loading' || (person && audit === 'pending')) {
    return <p role="status">{uiMessages.app.loading}</p>;
  }
  if (!person || audit === 'failed') {
    return (
      <div className="ledger">
        <PageHeading>{m.title}</PageHeading>
        <p className="form-error" role="alert">
          {person ? m.auditFailed : m.notFound}
        </p>
        <Link to="/search">{uiMessages.app.backToSearch}</Link>
      </div>
    );
  }
  return <Ledger person={person} />;
}

/** Back to the results the person was opened from (the query travels in the history entry's state). */
function searchHref(query: unknown): string {
  return typeof query === 'string' && query !== '' ? `/search?q=${encodeURIComponent(query)}` : '/search';
}

function Ledger({ person }: { person: Person }) {
  const session = useOpenSession();
  const fromSearch: unknown = (useLocation().state as { fromSearch?: unknown } | null)?.fromSearch;
  const eligibility = person.insuranceEligibility;
  const masterIds = [
    ...(person.attendingPhysicians ?? []).map((a) => masterId('medicalInstitution', a.medicalInstitutionCode)),
    ...(eligibility?.careManagementProvider ? [masterId('serviceProvider', eligibility.careManagementProvider)] : []),
  ];
  const names = useMasterNames(session.db, masterIds);
  const age = ageOn(person.birthDate, new Date());
  const ledger = person.elderLedger;

  const basic: FieldRow[] = [
    [f.nameKana, person.nameKana],
    [f.sex, p.sex[person.sex]],
    [f.birthDate, `${warekiDate(person.birthDate)}${age !== undefined ? `（${format(p.age, { age })}）` : ''}`],
    [f.residentCode, person.residentCode],
    [f.residentStatus, `${p.residentStatus[person.residentStatus]}${person.statusChangedOn ? `（${f.statusChangedOn} ${warekiDate(person.statusChangedOn)}）` : ''}`],
    [f.postalCode, orNone(person.postalCode)],
    [f.address, [person.address, person.addressExtra].filter(Boolean).join(' ') || p.none],
    [f.phone, orNone(person.phone)],
  ];

  return (
    <article className="ledger">
      <p className="breadcrumb">
        <Link to={searchHref(fromSearch)}>{uiMessages.app.backToSearch}</Link>
      </p>
      <PageHeading>
        {person.name}
        <span className="heading-sub">{m.title}</span>
      </PageHeading>

      <Section title={m.sections.basic}>
        <Fields rows={basic} />
      </Section>

      <Section title={m.sections.center}>
        <Fields rows={[[f.center, centerText(person.centerId)]]} />
      </Section>

      <CaseWorkSection person={person} />

      <DocumentsSection person={person} />

      <Section title={m.sections.household}>
        {person.household ? (
          <Fields
            rows={[
              [f.householdNumber, person.household.householdNumber],
              [f.headName, orNone(person.household.headName)],
              [f.relationship, orNone(person.household.relationship)],
              [f.changedOn, warekiDate(person.household.changedOn)],
              [f.changeReason, orNone(person.household.changeReason)],
            ]}
          />
        ) : (
          <p>{m.noEntries}</p>
        )}
        <HouseholdMembers person={person} />
      </Section>

      <Section title={m.sections.relatedPersons}>
        <DataTable
          columns={[
            {
              header: f.relatedName,
              cell: (related) => (
                <>
                  {related.name}
                  {related.nameKana && <span className="person-kana">{related.nameKana}</span>}
                </>
              ),
            },
            { header: f.relatedRelationship, cell: (related) => orNone(related.relationship) },
            { header: f.role, cell: (related) => [related.isKeyPerson && f.keyPerson, related.isEmergencyContact && f.emergencyContact].filter(Boolean).join('・') || p.none },
            { header: f.relatedPhone, cell: (related) => orNone(related.phone) },
            { header: f.relatedAddress, cell: (related) => orNone(related.address) },
          ]}
          rows={person.relatedPersons ?? []}
          rowKey={(related) => String(related.seq)}
          empty={m.noEntries}
        />
      </Section>

      <Section title={m.sections.insurance}>
        <Fields
          rows={[
            [f.insuredNumber, orNone(person.insured?.insuredNumber ?? eligibility?.insuredNumber)],
            [f.insuredCategory, person.insured ? m.insuredCategory[person.insured.category] : p.none],
            [f.insurerNumber, orNone(eligibility?.insurerNumber)],
            [f.careLevel, careLevelText(eligibility?.careLevel)],
            [f.certifiedOn, warekiDate(eligibility?.certifiedOn)],
            [f.validity, validity(eligibility?.validFrom, eligibility?.validTo)],
            [f.benefitLimit, eligibility?.benefitLimit !== undefined ? format(m.units, { value: eligibility.benefitLimit.toLocaleString('ja-JP') }) : p.none],
            [
              f.careManagementProvider,
              eligibility?.careManagementProvider
                ? (names.get(masterId('serviceProvider', eligibility.careManagementProvider)) ?? eligibility.careManagementProvider)
                : p.none,
            ],
          ]}
        />
      </Section>

      <Section title={m.sections.insuranceHistory}>
        <DataTable
          columns={[
            { header: f.historyNumber, cell: (entry) => entry.historyNumber },
            { header: f.careLevel, cell: (entry) => careLevelText(entry.careLevel) },
            { header: f.certifiedOn, cell: (entry) => warekiDate(entry.certifiedOn) },
            { header: f.validity, cell: (entry) => validity(entry.validFrom, entry.validTo) },
            { header: f.changeReasonHistory, cell: (entry) => orNone(entry.changeReason) },
          ]}
          rows={[...(person.insuranceHistory ?? [])].sort((a, b) => b.historyNumber - a.historyNumber)}
          rowKey={(entry) => String(entry.historyNumber)}
          empty={m.noEntries}
        />
      </Section>

      <Section title={m.sections.physicians}>
        <DataTable
          columns={[
            { header: f.institution, cell: (a) => names.get(masterId('medicalInstitution', a.medicalInstitutionCode)) ?? a.medicalInstitutionCode },
            { header: f.physicianName, cell: (a) => orNone(a.physicianName) },
            { header: f.department, cell: (a) => orNone(a.department) },
            { header: f.period, cell: (a) => validity(a.startedOn, a.endedOn) },
            { header: f.primary, cell: (a) => (a.isPrimary ? f.primary : p.none) },
          ]}
          rows={person.attendingPhysicians ?? []}
          rowKey={(a, i) => `${a.medicalInstitutionCode}-${i}`}
          empty={m.noEntries}
        />
      </Section>

      <Section title={m.sections.living}>
        {ledger ? (
          <Fields
            rows={[
              [f.livingAlone, yesNo(ledger.livingAlone)],
              [f.elderlyHousehold, yesNo(ledger.elderlyHousehold)],
              [f.watchOver, yesNo(ledger.watchOver)],
              [f.dementiaIndependence, orNone(ledger.dementiaIndependence)],
              [f.disabilityIndependence, orNone(ledger.disabilityIndependence)],
              [f.staffName, orNone(ledger.staffName)],
              [f.registeredOn, warekiDate(ledger.registeredOn)],
              [f.remarks, orNone(ledger.remarks)],
            ]}
          />
        ) : (
          <p>{m.noEntries}</p>
        )}
      </Section>
    </article>
  );
}
