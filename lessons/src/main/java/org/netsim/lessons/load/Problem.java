package org.netsim.lessons.load;

/**
 * One problem in a lesson folder, printed as compilers print errors: {@code 03-tcp/lesson.yaml:14:7: message}.
 *
 * @param file   the file, relative to the lessons folder ({@code 03-tcp/lesson.yaml})
 * @param line   from 1, or 0 when the problem concerns the whole file
 * @param column from 1, or 0 when unknown
 */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }

    /** By file, then line, then column: the order an editor shows them. */
    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
