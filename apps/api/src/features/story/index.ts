/** What other features may use of the story: reading it as it stands, to freeze it into a plan version. */
export { presentStory } from './story.presenter';
export { findStory } from './story.repository';
