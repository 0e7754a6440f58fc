import { appsAnalyzer } from './apps';
import { declaredGcpProjectsAnalyzer } from './declaredProjects';
import { AnyAnalyzerDefinition } from './definition';
import { googleGroupsAnalyzer } from './googleGroups';
import { octodnsAnalyzer } from './octodns';
import { promoterManifestsAnalyzer } from './promoter';
import { sigsAnalyzer } from './sigs';

/** The analyzers this module brings; others come from modules, through the extension point. */
export const BUILT_IN_ANALYZERS: AnyAnalyzerDefinition[] = [
  sigsAnalyzer,
  appsAnalyzer,
  googleGroupsAnalyzer,
  octodnsAnalyzer,
  promoterManifestsAnalyzer,
  declaredGcpProjectsAnalyzer,
];
