package com.readingroom.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Pre;
import java.util.function.BiConsumer;

/**
 * A file's text as plain text in a {@code <pre>}; the page's script (source-view.js) highlights it in the browser and
 * numbers its lines. Text, never markup: highlight.js escapes what it renders.
 */
class CodeBlock extends Pre {

    private final BiConsumer<Integer, Integer> onSelect;

    CodeBlock(String text, String language, String selectedLines, BiConsumer<Integer, Integer> onSelect) {
        super(text);
        this.onSelect = onSelect;
        setId("source-code");
        addClassName("rr-code");
        getElement().setAttribute("data-language", language);
        getElement()
                .executeJs(
                        "window.readingRoom.render(this, $0, $1)",
                        language,
                        selectedLines == null ? "" : selectedLines);
    }

    /** The person clicked a line number (shift-click for a range). */
    @ClientCallable
    void linesSelected(int from, int to) {
        if (from > 0 && to >= from) {
            onSelect.accept(from, to);
        }
    }

    void goTo(int line) {
        getElement().executeJs("window.readingRoom.goTo(this, $0)", line);
    }
}
