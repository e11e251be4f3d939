import { STORY_STAGES, type StoryStage, type StorySummary } from '../../../../shared/contract/stories';

export interface BoardColumn {
  stage: StoryStage;
  stories: StorySummary[];
}

/** Every stage gets a column, empty or not, so the board's shape never jumps. */
export function boardColumns(stories: readonly StorySummary[]): BoardColumn[] {
  return STORY_STAGES.map((stage) => ({ stage, stories: stories.filter((story) => story.stage === stage) }));
}

/** The stage one step forward (+1) or back (-1), or null at either end. */
export function stepStage(stage: StoryStage, step: 1 | -1): StoryStage | null {
  return STORY_STAGES[STORY_STAGES.indexOf(stage) + step] ?? null;
}

/** The board's keys on a focused card: arrows move it a stage. */
export function keyStep(key: string): 1 | -1 | null {
  return key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : null;
}

/** The story with its stage changed, for showing a move before the core confirms it. */
export function withStage(stories: readonly StorySummary[], id: number, stage: StoryStage): StorySummary[] {
  return stories.map((story) => (story.id === id ? { ...story, stage } : story));
}
