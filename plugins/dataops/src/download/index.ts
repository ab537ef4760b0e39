export { saveTextFile } from './saveTextFile';
