/** Lessons as data: the model, loading, lint and scaffolding. */
export type { Command, Lesson, Step, StepCheck, WrongAttempt } from './model.js';
export { LessonError, lessonDirs, lessonsRoot, loadAllLessons, loadLesson } from './load.js';
export type { LoadOptions } from './load.js';
export { LintPathError, lintLesson, lintPath } from './lint.js';
export type { LintReport } from './lint.js';
export { displayPath, formatDiagnostic } from './diagnostics.js';
export type { Diagnostic } from './diagnostics.js';
export { ScaffoldError, scaffoldLesson } from './scaffold.js';
export { KERNEL_FEATURES, LESSON_ID, LessonSchema } from './schema.js';
export type { LessonFile } from './schema.js';
