// 介護予防支援・サービス評価表 on A4 landscape, in the layout of the MHLW 様式: one row per
// goal of the plan, then the overall policy, the center's opinion and the decision.
import {
  achievements,
  type CarePlan,
  choiceLabels,
  evaluationDecisions,
  fieldLabels,
  format,
  printMessages,
  type PlanEvaluation,
} from '../../../../shared/index';
import type { Band, FormDocument, Row } from '../layout/model';
import { centerFullName, type PrintPerson } from './care-plan-form';
import {
  a4Landscape,
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

export interface PlanEvaluationPrintInput {
  evaluation: PlanEvaluation;
  person: PrintPerson;
  /** The evaluated plan, for the planner's name when the evaluation does not name one. */
  plan?: CarePlan;
  /** 担当地域包括支援センター; defaults to the full name of the evaluation's center. */
  centerName?: string;
  /** 総合的な方針; defaults to the evaluation's notes. */
  overallPolicy?: string;
  /** 地域包括支援センター意見, when the center has written one. */
  centerOpinion?: string;
}

const m = printMessages.planEvaluation;
const labels = fieldLabels.planEvaluations;
const sizes: TypeSizes = { title: 14, label: 7, body: 8 };
const margin = 24;
const width = a4Landscape.width - 2 * margin;
const columns = columnWidths([14, 8.5, 10, 6, 12, 12, 12], width);
const col = (i: number): number => columns[i] ?? 0;

export function planEvaluationDocumentTitle(evaluation: PlanEvaluation): string {
  return `${m.title}（${wareki(evaluation.evaluatedOn, labels.evaluatedOn)}）`;
}

function titleBand(): Band {
  return { stacks: [{ rows: [{ cells: [{ width, borderless: true, blocks: [text(m.title, sizes.title, undefined, 'center')] }] }] }] };
}

function headerBand(input: PlanEvaluationPrintInput): Band {
  const { evaluation, person } = input;
  const planner = evaluation.evaluator ?? input.plan?.planner;
  const fixed = 58 + 130 + 70 + 110 + 44 + 100 + 100;
  return {
    keepTogether: true,
    stacks: [
      {
        rows: [
          {
            minHeight: 20,
            cells: [
              labelCell(m.personName, 58, sizes),
              valueCell(format(printMessages.honorificFormal, { name: requireText(person.name, m.personName) }), 130, sizes, m.personName),
              labelCell(m.planner, 70, sizes),
              valueCell(planner, 110, sizes, m.planner),
              labelCell(m.evaluatedOn, 44, sizes),
              valueCell(wareki(evaluation.evaluatedOn, labels.evaluatedOn), 100, sizes),
              labelCell(m.center, 100, sizes),
              valueCell(input.centerName ?? centerFullName(evaluation.centerId), width - fixed, sizes, m.center),
            ],
          },
        ],
      },
    ],
  };
}

function tableHeader(): Band {
  const h = m.columns;
  return {
    gapBefore: 0,
    stacks: [{ rows: [{ cells: [h.goal, h.period, h.status, h.achieved, h.personReason, h.plannerReason, h.futurePolicy].map((label, i) => labelCell(label, col(i), sizes)) }] }],
  };
}

function goalRows(evaluation: PlanEvaluation): Row[] {
  const h = m.columns;
  const rows = evaluation.goalEvaluations.map((goal, i): Row => {
    const achievement = goal.achievement && requireChoice(goal.achievement, achievements, h.status);
    return {
      minHeight: 48,
      cells: [
        { width: col(0), blocks: [text(goal.goal, sizes.body, h.goal)] },
        { width: col(1), blocks: [text(period(goal.periodFrom, goal.periodTo, h.period, h.period, true), sizes.body)] },
        { width: col(2), blocks: [text(achievement && choiceLabels.achievements[achievement], sizes.body)] },
        choicesCell(
          [
            { label: m.achievedChoice, chosen: achievement === 'achieved' },
            { label: m.notAchievedChoice, chosen: achievement !== undefined && achievement !== 'achieved' },
          ],
          col(3),
          sizes,
          'top',
        ),
        { width: col(4), blocks: [text(goal.personReason, sizes.body, `${h.personReason}（${i + 1}）`)] },
        { width: col(5), blocks: [text(goal.plannerReason, sizes.body, `${h.plannerReason}（${i + 1}）`)] },
        { width: col(6), blocks: [text(goal.futurePolicy, sizes.body, `${h.futurePolicy}（${i + 1}）`)] },
      ],
    };
  });
  return rows.length > 0 ? rows : [{ minHeight: 48, cells: columns.map((w) => ({ width: w, blocks: [] })) }];
}

function closingBand(input: PlanEvaluationPrintInput): Band {
  const decision = input.evaluation.overallDecision && requireChoice(input.evaluation.overallDecision, evaluationDecisions, labels.overallDecision);
  const decisionWidth = 110;
  const half = (width - decisionWidth) / 2;
  return {
    gapBefore: 4,
    stacks: [
      {
        rows: [
          {
            minHeight: 80,
            cells: [
              labelledCell(m.overallPolicy, input.overallPolicy ?? input.evaluation.notes, half, sizes, m.overallPolicy),
              labelledCell(m.centerOpinion, input.centerOpinion, half, sizes, m.centerOpinion),
              {
                width: decisionWidth,
                valign: 'middle',
                blocks: evaluationDecisions.map((key) => text(checkboxes([{ label: choiceLabels.evaluationDecisions[key], chosen: key === decision }]), sizes.body)),
              },
            ],
          },
        ],
      },
    ],
  };
}

function continuationHeader(input: PlanEvaluationPrintInput): Band {
  const details = format(m.continuationDetails, { name: input.person.name, date: wareki(input.evaluation.evaluatedOn, labels.evaluatedOn) });
  return continuationHeaderBand(m.title, details, width, sizes);
}

/** The form description of an evaluation, ready for layoutForm. Throws PrintError on bad input. */
export function planEvaluationForm(input: PlanEvaluationPrintInput): FormDocument {
  return {
    pageSize: a4Landscape,
    margin,
    bands: [titleBand(), headerBand(input), { gapBefore: 4, header: tableHeader(), growToFill: true, stacks: [{ rows: goalRows(input.evaluation) }] }, closingBand(input)],
    continuationHeader: continuationHeader(input),
    footer: { template: printMessages.page, size: sizes.label },
  };
}
