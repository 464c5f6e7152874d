/** What other features may use of families: the families a person may see. */
export { listFamiliesVisibleTo } from './families.repository';
