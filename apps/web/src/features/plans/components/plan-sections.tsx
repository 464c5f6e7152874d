import { Tabs } from '@mantine/core';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingState } from '../../../components/loading-state';

/** The parts of the plan, each behind one tab; the family's home comes first for the family, an overview for professionals. */
export const familySections = ['home', 'goals', 'services', 'story', 'meetings', 'notes', 'members', 'activity'] as const;
export const professionalSections = ['overview', 'services', 'story', 'meetings', 'notes', 'activity'] as const;
export type PlanSectionId = (typeof familySections)[number] | (typeof professionalSections)[number];

const TABS_ID = 'plan-sections';
export const planSectionTabId = (section: PlanSectionId) => `${TABS_ID}-tab-${section}`;
const panelId = (section: PlanSectionId) => `${TABS_ID}-panel-${section}`;

/** The section in the address (`?section=goals`), so it survives a reload and the back button; the first one otherwise. */
export function usePlanSection(sections: readonly PlanSectionId[]): [PlanSectionId, (section: PlanSectionId) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('section');
  const current = sections.find((section) => section === asked) ?? sections[0]!;
  const choose = (section: PlanSectionId) =>
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      next.set('section', section);
      return next;
    });
  return [current, choose];
}

interface PlanSectionMenuProps {
  sections: readonly PlanSectionId[];
  current: PlanSectionId;
  onChange: (section: PlanSectionId) => void;
  forFamily: boolean;
}

/**
 * The tab list of the plan's sections (arrow keys move between them). On a narrow phone it
 * scrolls sideways instead of wrapping into a wall of tabs.
 */
export function PlanSectionMenu({ sections, current, onChange, forFamily }: PlanSectionMenuProps) {
  const { t } = useTranslation();
  return (
    <Tabs
      id={TABS_ID}
      value={current}
      onChange={(value) => {
        const section = sections.find((each) => each === value);
        if (section) onChange(section);
      }}
      className="no-print"
    >
      <Tabs.List
        aria-label={t('familyHome.sectionsLabel')}
        style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}
      >
        {sections.map((section) => (
          <Tabs.Tab
            key={section}
            value={section}
            aria-controls={panelId(section)}
            mih={44}
            style={{ flexShrink: 0 }}
            fw={section === current ? 700 : 500}
          >
            {sectionTitle(t, section, forFamily)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

export function sectionTitle(t: (key: string) => string, section: PlanSectionId, forFamily: boolean): string {
  if (section === 'activity') return t('activity.sectionTitle');
  return forFamily && section === 'meetings' ? t('familyHome.section.familyMeetings') : t(`familyHome.section.${section}`);
}

interface PlanSectionPanelProps {
  section: PlanSectionId;
  current: PlanSectionId;
  children: ReactNode;
  /** A digest of the rest, left out of the printed plan so nothing prints twice. */
  printed?: boolean;
}

/**
 * One section's panel, drawn when it is first shown: its code and its reads wait until then, and
 * a phone opening the plan loads only the first section. Once drawn it stays mounted, so live
 * updates keep reaching it and the printed plan has it: the stylesheet hides the inactive ones
 * on screen only. While its code arrives, the panel says it is loading.
 */
export function PlanSectionPanel({ section, current, children, printed = true }: PlanSectionPanelProps) {
  const shown = section === current;
  const [drawn, setDrawn] = useState(shown);
  if (shown && !drawn) setDrawn(true);
  return (
    <div
      role="tabpanel"
      id={panelId(section)}
      aria-labelledby={planSectionTabId(section)}
      className={printed ? 'plan-panel' : 'plan-panel no-print'}
      data-active={shown || undefined}
    >
      {drawn && <Suspense fallback={<LoadingState />}>{children}</Suspense>}
    </div>
  );
}
