import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { format, uiMessages, type Person } from '../../../shared/index';
import { usePersonIndex } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { ageOn, careLevelText, orNone } from '../../ui/format';
import { ledgerPath } from '../search/ResultsTable';
import type { PersonSummary } from '../search/person-index';

const m = uiMessages.ledger;
const p = uiMessages.person;

/**
 * The other persons of this person's household who have a ledger here: an elderly couple
 * is often two cases at once (老老介護), and the care manager goes from one to the other.
 * Only persons on this device are listed, i.e. those in the user's scope.
 */
export function HouseholdMembers({ person }: { person: Person }) {
  const { feed, version } = usePersonIndex();
  const householdNumber = person.household?.householdNumber;
  const members = useMemo(
    () => (householdNumber ? feed.index.household(householdNumber).filter((member) => member.id !== person.id) : []),
    // `version` changes whenever the sync changes a person: the list follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [feed, version, householdNumber, person.id],
  );
  if (!householdNumber) return null;
  const today = new Date();
  return (
    <>
      <h3>{m.householdMembers}</h3>
      <DataTable<PersonSummary>
        caption={m.householdMembersCaption}
        columns={[
          { header: m.fields.name, cell: (member) => <Link to={ledgerPath(member.id)}>{member.name}</Link> },
          { header: m.fields.relationship, cell: (member) => orNone(member.relationship) },
          {
            header: m.householdMemberAge,
            cell: (member) => {
              const age = ageOn(member.birthDate, today);
              return age === undefined ? p.none : format(p.age, { age });
            },
          },
          { header: m.fields.careLevel, cell: (member) => careLevelText(member.careLevel) },
        ]}
        rows={members}
        rowKey={(member) => member.id}
        empty={m.noHouseholdMembers}
      />
    </>
  );
}
