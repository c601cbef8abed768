package org.netsim.scenario;

/** A scenario that cannot run, with a message that says where and why (shown to the teacher as it is). */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
