package com.readingroom.ui;

import com.readingroom.audit.AuditUnavailableException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages to the person at the screen. */
final class Notices {

    private Notices() {}

    static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 8000);
    }

    /**
     * Runs a service call and shows its refusal as a message. Only the refusals services give on purpose (bad input,
     * a forbidden transition, a denied permission) are shown; anything else is a fault for the session's error handler.
     */
    static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (IllegalArgumentException | IllegalStateException | AuditUnavailableException e) {
            error(e.getMessage());
        } catch (com.readingroom.access.AccessDeniedException refused) {
            error(refused.getMessage());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            error("You are not allowed to do this.");
        }
        return false;
    }

    private static void show(String message, NotificationVariant variant, int duration) {
        Notification notification = Notification.show(message, duration, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }
}
