import { Route } from 'react-router-dom';
import { CenterConsultationsPage } from '../consultation/CenterConsultationsPage';
import { ConsultationFormPage } from '../consultation/ConsultationFormPage';
import { ConsultationListPage } from '../consultation/ConsultationListPage';
import { ConsultationPage } from '../consultation/ConsultationPage';
import { ChecklistFormPage } from '../checklist/ChecklistFormPage';
import { ChecklistListPage } from '../checklist/ChecklistListPage';
import { ChecklistPage } from '../checklist/ChecklistPage';
import { PlanFormPage } from '../care-plan/PlanFormPage';
import { PlanListPage } from '../care-plan/PlanListPage';
import { PlanPage } from '../care-plan/PlanPage';
import { EvaluationFormPage } from '../evaluation/EvaluationFormPage';
import { EvaluationPage } from '../evaluation/EvaluationPage';

/** The case-work screens, placed inside the app's <Routes>. */
export const caseWorkRoutes = (
  <>
    <Route path="/consultations" element={<CenterConsultationsPage />} />
    <Route path="/persons/:personId/consultations" element={<ConsultationListPage />} />
    <Route path="/persons/:personId/consultations/new" element={<ConsultationFormPage />} />
    <Route path="/persons/:personId/consultations/:consultationId" element={<ConsultationPage />} />
    <Route path="/persons/:personId/consultations/:consultationId/edit" element={<ConsultationFormPage />} />
    <Route path="/persons/:personId/checklists" element={<ChecklistListPage />} />
    <Route path="/persons/:personId/checklists/new" element={<ChecklistFormPage />} />
    <Route path="/persons/:personId/checklists/:checklistId" element={<ChecklistPage />} />
    <Route path="/persons/:personId/checklists/:checklistId/edit" element={<ChecklistFormPage />} />
    <Route path="/persons/:personId/plans" element={<PlanListPage />} />
    <Route path="/persons/:personId/plans/new" element={<PlanFormPage />} />
    <Route path="/persons/:personId/plans/:planId" element={<PlanPage />} />
    <Route path="/persons/:personId/plans/:planId/edit" element={<PlanFormPage />} />
    <Route path="/persons/:personId/plans/:planId/next" element={<PlanFormPage next />} />
    <Route path="/persons/:personId/plans/:planId/evaluations/new" element={<EvaluationFormPage />} />
    <Route path="/persons/:personId/evaluations/:evaluationId" element={<EvaluationPage />} />
    <Route path="/persons/:personId/evaluations/:evaluationId/edit" element={<EvaluationFormPage />} />
  </>
);
