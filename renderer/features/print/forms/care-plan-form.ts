// 介護予防サービス・支援計画書 on one A3 landscape sheet, in the layout of the MHLW 様式:
// header, 目標とする生活, the assessment / goals / support plan table, health notes and
// policies, checklist counts, the center's opinion and the consent line. Pure: the same
// plan always gives the same form description.
import {
  assessmentAreas,
  type BasicChecklistDomain,
  type BasicChecklistDomainInfo,
  basicChecklistDomains,
  careLevelLabel,
  type CarePlan,
  centers,
  choiceLabels,
  fieldLabels,
  format,
  planCategories,
  planTypes,
  printMessages,
} from '../../../../shared/index';
import type { Band, Cell, FormDocument, Row } from '../layout/model';
import {
  a3Landscape,
  checkboxes,
  choicesCell,
  columnWidths,
  continuationHeaderBand,
  labelCell,
  labelledCell,
  period,
  requireChoice,
  requireText,
  text,
  type TypeSizes,
  valueCell,
  wareki,
} from './form-kit';

/** The person as the form needs them; a whole person document fits. */
export interface PrintPerson {
  name: string;
  insuranceEligibility?: { careLevel?: string };
}

export interface CarePlanPrintInput {
  plan: CarePlan;
  person: PrintPerson;
  /** 担当地域包括支援センター; defaults to the full name of the plan's center. */
  centerName?: string;
  /** Name, address and phone of the entrusted provider, from the provider master. */
  entrustedProviderName?: string;
}

const m = printMessages.carePlan;
const labels = fieldLabels.carePlans;
const sizes: TypeSizes = { title: 15, label: 7, body: 8 };
const margin = 24;
const width = a3Landscape.width - 2 * margin;

/** The center's full name, or its code when it is not one of the city's centers. */
export function centerFullName(centerId: string): string {
  return centers.find((c) => c.id === centerId)?.fullName ?? centerId;
}

/** The title a print of this plan is filed and audit-logged under. */
export function carePlanDocumentTitle(plan: CarePlan): string {
  return `${m.shortTitle} ${format(m.version, { version: plan.planVersion })}（${wareki(plan.createdOn, labels.createdOn)}）`;
}

function titleBand(plan: CarePlan): Band {
  const planType = requireChoice(plan.planType, planTypes, labels.planType);
  const side = 260;
  const number = [plan.planNumber ? format(m.number, { number: plan.planNumber }) : '', format(m.version, { version: plan.planVersion })].filter(Boolean).join(printMessages.gap);
  return {
    stacks: [
      {
        rows: [
          {
            cells: [
              { width: side, borderless: true, valign: 'middle', blocks: [text(m.planKind[planType], sizes.body)] },
              { width: width - 2 * side, borderless: true, blocks: [text(m.title, sizes.title, undefined, 'center')] },
              { width: side, borderless: true, valign: 'middle', blocks: [text(number, sizes.body, labels.planNumber, 'right')] },
            ],
          },
        ],
      },
    ],
  };
}

function headerBand(input: CarePlanPrintInput): Band {
  const { plan, person } = input;
  const category = requireChoice(plan.planCategory, planCategories, labels.planCategory);
  const careLevel = plan.careLevel ?? person.insuranceEligibility?.careLevel;
  const certified = plan.certifiedOn !== undefined;
  const row = (cells: Cell[]): Row => ({ cells, minHeight: 20 });
  const a = [58, 170, 58, 110, 70, 240, 128, 108];
  const b = [80, 260, 250];
  const c = [90, 170, 70, 170, 120];
  const rest = (ws: number[]) => width - ws.reduce((x, y) => x + y, 0);
  const entrusted = plan.entrusted
    ? [input.entrustedProviderName, plan.entrustedProvider && format(m.entrustedProvider, { number: plan.entrustedProvider })].filter(Boolean).join('\n')
    : '';
  return {
    keepTogether: true,
    stacks: [
      {
        rows: [
          row([
            labelCell(m.personName, 58, sizes),
            valueCell(format(printMessages.honorific, { name: requireText(person.name, m.personName) }), 170, sizes, m.personName),
            labelCell(m.certifiedOn, 58, sizes),
            valueCell(wareki(plan.certifiedOn, labels.certifiedOn), 110, sizes),
            labelCell(m.validity, 70, sizes),
            valueCell(period(plan.validFrom, plan.validTo, labels.validFrom, labels.validTo), 240, sizes),
            choicesCell(planCategories.map((key) => ({ label: choiceLabels.planCategories[key], chosen: key === category })), 128, sizes),
            choicesCell(
              [
                { label: m.certification.certified, chosen: certified },
                { label: m.certification.applying, chosen: !certified && plan.planType === 'preventionPlan' },
              ],
              108,
              sizes,
            ),
            choicesCell(['12', '13', '06'].map((code) => ({ label: careLevelLabel(code) ?? code, chosen: careLevel === code })), rest(a), sizes),
          ]),
          row([labelCell(m.planner, 80, sizes), valueCell(plan.planner, 260, sizes, labels.planner), labelCell(m.entrusted, 250, sizes), valueCell(entrusted, rest(b), sizes, m.entrusted)]),
          row([
            labelCell(m.createdOn, 90, sizes),
            valueCell(wareki(plan.createdOn, labels.createdOn), 170, sizes),
            labelCell(m.firstCreatedOn, 70, sizes),
            valueCell(wareki(plan.firstCreatedOn, labels.firstCreatedOn), 170, sizes),
            labelCell(m.center, 120, sizes),
            valueCell(input.centerName ?? centerFullName(plan.centerId), rest(c), sizes, m.center),
          ]),
        ],
      },
    ],
  };
}

function goalLifeBand(plan: CarePlan): Band {
  const half = (width - 80) / 2;
  return {
    stacks: [
      {
        rows: [
          {
            minHeight: 34,
            cells: [
              labelCell(m.goalLife, 80, sizes),
              labelCell(m.goalDay, 30, sizes),
              valueCell(plan.goalDay, half - 30, sizes, labels.goalDay),
              labelCell(m.goalYear, 30, sizes),
              valueCell(plan.goalYear, half - 30, sizes, labels.goalYear),
            ],
          },
        ],
      },
    ],
  };
}

// Proportions of the paper form's 13 columns: the assessment widest, service type narrowest.
const tableColumns = columnWidths([11.5, 8, 9, 8, 9, 7, 8.5, 9, 9, 8.5, 6.5, 7, 8.5], width);
const col = (i: number): number => tableColumns[i] ?? 0;

function emptyCells(from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  for (let i = from; i <= to; i++) cells.push({ width: col(i), blocks: [] });
  return cells;
}

function tableHeader(): Band {
  const h = m.columns;
  const heading = (label: string, i: number): { rows: Row[] } => ({ rows: [{ cells: [labelCell(label, col(i), sizes)] }] });
  const supportWidth = tableColumns.slice(7).reduce((a, b) => a + b, 0);
  return {
    gapBefore: 0,
    stacks: [
      ...[h.assessment, h.wishes, h.areaIssues, h.overallIssues, h.proposal, h.intention, h.goal].map(heading),
      {
        rows: [
          { cells: [labelCell(h.supportPlan, supportWidth, sizes)] },
          { cells: [h.supportPoints, h.selfCare, h.services, h.serviceType, h.provider, h.period].map((label, i) => labelCell(label, col(7 + i), sizes)) },
        ],
      },
    ],
  };
}

function assessmentRows(plan: CarePlan): Row[] {
  return assessmentAreas.map((area) => {
    const entry = plan.assessment?.[area];
    const name = m.areas[area];
    const issues = entry?.issues ?? '';
    const mark = entry === undefined ? '' : checkboxes([{ label: m.issuesPresent, chosen: issues.trim() !== '' }, { label: m.issuesAbsent, chosen: issues.trim() === '' }]);
    return {
      minHeight: 60,
      cells: [
        { width: col(0), blocks: [text(name, sizes.label), text(entry?.situation, sizes.body, `${m.columns.assessment}（${name}）`)] },
        { width: col(1), blocks: [text(entry?.wishes, sizes.body, `${m.columns.wishes}（${name}）`)] },
        { width: col(2), blocks: [text(mark, sizes.label), text(issues, sizes.body, `${m.columns.areaIssues}（${name}）`)] },
      ],
    };
  });
}

function goalRows(plan: CarePlan): Row[] {
  const goals = plan.goals ?? [];
  if (goals.length === 0) {
    return [{ cells: [{ width: col(4), blocks: [text(plan.goalsText, sizes.body, labels.goalsText)] }, ...emptyCells(5, 6)] }];
  }
  return goals.map((goal, i) => ({
    cells: [
      { width: col(4), blocks: [text(goal.measures ? format(m.numbered, { number: i + 1, text: goal.measures }) : '', sizes.body, m.columns.proposal)] },
      { width: col(5), blocks: [] },
      { width: col(6), blocks: [text(format(m.numbered, { number: i + 1, text: goal.goal }), sizes.body, m.columns.goal)] },
    ],
  }));
}

function supportRows(plan: CarePlan): Row[] {
  const h = m.columns;
  const rows: Row[] = (plan.supportRows ?? []).map((row) => ({
    cells: [
      { width: col(7), blocks: [text(row.supportPoints, sizes.body, h.supportPoints)] },
      { width: col(8), blocks: [text(row.selfCareInformal, sizes.body, h.selfCare)] },
      { width: col(9), blocks: [text(row.services, sizes.body, h.services)] },
      { width: col(10), blocks: [text(row.serviceType, sizes.body, h.serviceType)] },
      { width: col(11), blocks: [text(row.provider, sizes.body, h.provider)] },
      { width: col(12), blocks: [text(period(row.periodFrom, row.periodTo, h.period, h.period, true), sizes.body)] },
    ],
  }));
  // Plans migrated from the legacy system carry the support plan as two plain texts.
  if (plan.selfCare || plan.servicesText) {
    rows.push({
      cells: [
        { width: col(7), blocks: [] },
        { width: col(8), blocks: [text(plan.selfCare, sizes.body, labels.selfCare)] },
        { width: col(9), blocks: [text(plan.servicesText, sizes.body, labels.servicesText)] },
        ...emptyCells(10, 12),
      ],
    });
  }
  return rows.length > 0 ? rows : [{ cells: emptyCells(7, 12) }];
}

function tableBand(plan: CarePlan): Band {
  return {
    gapBefore: 4,
    header: tableHeader(),
    growToFill: true,
    stacks: [
      { rows: assessmentRows(plan) },
      { rows: [{ cells: [{ width: col(3), blocks: [text(plan.overallIssues, sizes.body, labels.overallIssues)] }] }] },
      { rows: goalRows(plan) },
      { rows: supportRows(plan) },
    ],
  };
}

function policyBand(plan: CarePlan): Band {
  const third = width / 3;
  return {
    gapBefore: 4,
    stacks: [
      {
        rows: [
          {
            minHeight: 64,
            cells: [
              labelledCell(m.healthNotes, plan.healthNotes, third, sizes, labels.healthNotes),
              labelledCell(m.alternativeSupport, '', third, sizes),
              labelledCell(m.overallPolicy, plan.overallPolicy, width - 2 * third, sizes, labels.overallPolicy),
            ],
          },
        ],
      },
    ],
  };
}

type PlanDomain = Exclude<BasicChecklistDomain, 'lifeFunction'>;
const isPlanDomain = (d: BasicChecklistDomainInfo): d is BasicChecklistDomainInfo & { key: PlanDomain } => d.key !== 'lifeFunction';

function checklistStack(plan: CarePlan, stackWidth: number): { rows: Row[] } {
  const domains = basicChecklistDomains.filter(isPlanDomain);
  const first = 140;
  const each = (stackWidth - first) / domains.length;
  const counts = plan.checklist;
  const conducted = counts?.conductedOn ? format(m.checklistConductedOn, { date: wareki(counts.conductedOn, `${labels.checklist}（${fieldLabels.basicChecklists.conductedOn}）`) }) : '';
  return {
    rows: [
      { cells: [{ width: stackWidth, blocks: [text(m.checklistInstruction, sizes.label), text(conducted, sizes.label)] }] },
      { cells: [{ width: first, blocks: [] }, ...domains.map((d) => labelCell(d.planLabel ?? '', each, sizes))] },
      {
        minHeight: 22,
        cells: [
          labelCell(m.checklistRow, first, sizes),
          ...domains.map((d): Cell => {
            const count = counts?.[d.key];
            const value = format(m.checklistCount, { scored: count ? count.scored : printMessages.blank, of: count ? count.of : d.questions.length });
            return { width: each, valign: 'middle', blocks: [text(value, sizes.body, labels.checklist, 'center')] };
          }),
        ],
      },
    ],
  };
}

function confirmationBand(plan: CarePlan): Band {
  const checklistWidth = width * 0.46;
  const opinionWidth = width * 0.27;
  const consentWidth = width - checklistWidth - opinionWidth;
  const consentDate = plan.consentOn ? wareki(plan.consentOn, labels.consentOn) : printMessages.blankDate;
  return {
    gapBefore: 4,
    keepTogether: true,
    stacks: [
      checklistStack(plan, checklistWidth),
      {
        rows: [
          { cells: [labelCell(m.centerOpinion, opinionWidth, sizes)] },
          { minHeight: 56, cells: [{ width: opinionWidth * 0.62, blocks: [text(m.opinion, sizes.label)] }, { width: opinionWidth * 0.38, blocks: [text(m.stamp, sizes.label)] }] },
        ],
      },
      {
        rows: [
          { cells: [labelCell(m.consent, consentWidth, sizes)] },
          {
            minHeight: 56,
            cells: [
              {
                width: consentWidth,
                blocks: [
                  text(m.consentText, sizes.body),
                  text(consentDate, sizes.body, labels.consentOn, 'right'),
                  text(plan.consentBy ? format(m.consentSignature, { name: plan.consentBy }) : m.consentSignatureBlank, sizes.body, labels.consentBy, 'right'),
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

function continuationHeader(input: CarePlanPrintInput): Band {
  const { plan, person } = input;
  const details = format(m.continuationDetails, { name: person.name, date: wareki(plan.createdOn, labels.createdOn) });
  return continuationHeaderBand(m.shortTitle, details, width, sizes);
}

/** The form description of a care plan, ready for layoutForm. Throws PrintError on bad input. */
export function carePlanForm(input: CarePlanPrintInput): FormDocument {
  const { plan } = input;
  return {
    pageSize: a3Landscape,
    margin,
    bands: [titleBand(plan), headerBand(input), goalLifeBand(plan), tableBand(plan), policyBand(plan), confirmationBand(plan)],
    continuationHeader: continuationHeader(input),
    footer: { template: printMessages.page, size: sizes.label },
  };
}
