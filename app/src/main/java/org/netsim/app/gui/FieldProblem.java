package org.netsim.app.gui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/**
 * A form field's problem as it is typed: the reason in words on the line under the field (taking no space while
 * there is none), the field marked with {@link #STYLE} (a red underline in the themes) and the reason as the field's
 * accessible help, so a screen reader says it too. Colour is never the only sign.
 */
public final class FieldProblem {
    /** The style class of a field whose content is wrong. */
    public static final String STYLE = "ns-field-error";

    private FieldProblem() {
    }

    /** Shows {@code problem} (empty: none) under {@code field} in {@code line}; {@code changed} runs on each change. */
    public static void show(Control field, Label line, ObservableStringValue problem, Runnable changed) {
        line.textProperty().bind(problem);
        BooleanBinding wrong = Bindings.createBooleanBinding(() -> !problem.get().isEmpty(), problem);
        line.visibleProperty().bind(wrong.and(field.visibleProperty()));
        line.managedProperty().bind(line.visibleProperty());
        field.accessibleHelpProperty().bind(problem);
        Runnable mark = () -> {
            field.getStyleClass().remove(STYLE);
            if (wrong.get()) {
                field.getStyleClass().add(STYLE);
            }
        };
        wrong.addListener(o -> {
            mark.run();
            changed.run();
        });
        mark.run();
    }
}
