export { catalogListModule } from './catalogListModule';
