package com.readingroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An unexpected fault in a screen is logged and shown as a short message with a reference, never as a stack trace.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    String reference = Long.toHexString(System.nanoTime());
                    log.error("Unexpected error in the user interface (reference {})", reference, error.getThrowable());
                    if (UI.getCurrent() != null) {
                        UI.getCurrent()
                                .access(() -> Notices.error("Something went wrong (reference " + reference
                                        + "). Nothing was changed; please try again or tell the vendor's support."));
                    }
                }));
    }
}
