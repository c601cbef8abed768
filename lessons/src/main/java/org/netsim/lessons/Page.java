package org.netsim.lessons;

/** One page of a lesson: Markdown text, a step the student does in the simulator, or a quiz. */
public sealed interface Page permits TextPage, Step, Quiz {
    /**
     * What identifies the page within its lesson (progress files store it): a step's or quiz's id, a text page's
     * file name.
     */
    String key();
}
