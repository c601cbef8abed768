package org.netsim.lessons.run;

/**
 * How a step's check judged the student's session.
 *
 * @param status  passed, not yet, or not possible without live capture
 * @param message what is missing, in one or two sentences (or what was found, when passed)
 * @param hint    the hint revealed by this try, or {@code null} (no try was counted, it passed, or none is left)
 */
public record CheckResult(Status status, String message, String hint) {
    public enum Status {
        PASSED,
        NOT_YET,
        /** A {@code captured} check while the app has no live capture. */
        NEEDS_LIVE_CAPTURE
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    static CheckResult pass(String message) {
        return new CheckResult(Status.PASSED, message, null);
    }

    static CheckResult notYet(String message) {
        return new CheckResult(Status.NOT_YET, message, null);
    }

    CheckResult withHint(String h) {
        return new CheckResult(status, message, h);
    }
}
