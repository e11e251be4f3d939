import { navigate } from '../../app/router';
import { Tabs } from '../../components/Tabs';
import { CandidatesPanel } from '../leverage/CandidatesPanel';
import { CoveragePanel } from '../leverage/CoveragePanel';
import { FinderPanel } from '../leverage/FinderPanel';
import { InfluencePanel } from '../leverage/InfluencePanel';
import { PipelinePanel } from './PipelinePanel';
import { RequestsPanel } from './RequestsPanel';

const TABS = [
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'finder', label: 'Finder' },
  { id: 'requests', label: 'Requests' },
  { id: 'candidates', label: 'Candidates' },
  { id: 'coverage', label: 'Coverage' },
  { id: 'influence', label: 'Influence' },
] as const;

/** The reference programme: `#/references/<tab>/<rest…>`, so every view can be linked to and kept on reload. */
export function ReferencesScreen({ params }: { params: string[] }) {
  const [tab = 'pipeline', ...rest] = params;
  return (
    <section className="screen references-screen" data-testid="references-screen">
      <header className="screen-header">
        <h1>References</h1>
      </header>
      <Tabs tabs={TABS} selected={tab} onSelect={(id) => navigate(`references/${id}`)} label="Reference programme views">
        {tab === 'finder' ? (
          <FinderPanel params={rest} />
        ) : tab === 'requests' ? (
          <RequestsPanel params={rest} />
        ) : tab === 'candidates' ? (
          <CandidatesPanel />
        ) : tab === 'coverage' ? (
          <CoveragePanel />
        ) : tab === 'influence' ? (
          <InfluencePanel />
        ) : (
          <PipelinePanel params={rest} />
        )}
      </Tabs>
    </section>
  );
}
