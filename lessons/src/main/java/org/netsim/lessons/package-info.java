/**
 * Guided lessons: the model of a lesson as a teacher writes it (a folder with {@code lesson.yaml}, Markdown pages and
 * an optional scenario; see {@code lessons/FORMAT.md}). {@link org.netsim.lessons.load.LessonLoader} reads and
 * validates lesson folders, {@link org.netsim.lessons.run.LessonSession} walks a student through one lesson and judges
 * what the student did in the simulator, {@link org.netsim.lessons.progress.ProgressStore} keeps each student's
 * progress on disk.
 */
package org.netsim.lessons;
