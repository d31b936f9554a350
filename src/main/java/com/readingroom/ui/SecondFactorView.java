package com.readingroom.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.readingroom.identity.NotSignedInException;
import com.readingroom.identity.SecondFactor;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The second step of signing in for the roles that need it: the six digits of the person's authenticator app. On the
 * first sign-in it shows the secret (as a QR code and as text) to add to the app; the first code confirms it.
 */
@Route(value = "second-factor", autoLayout = false)
@PageTitle("Second factor · Reading Room")
@RolesAllowed(SecondFactor.PENDING_ROLE)
public class SecondFactorView extends VerticalLayout {

    private final SecondFactor secondFactor;
    private final TextField code = new TextField("Code from your authenticator app");

    public SecondFactorView(SecondFactor secondFactor, AuthenticationContext authentication) {
        this.secondFactor = secondFactor;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        add(new H1("Reading Room"));

        Optional<SecondFactor.Enrollment> enrollment = secondFactor.enrollment();
        enrollment.ifPresentOrElse(
                setUp -> {
                    Paragraph intro = new Paragraph("Your role needs a second factor. Add this account to an"
                            + " authenticator app (scan the code, or type the key), then type the six digits it"
                            + " shows.");
                    intro.setMaxWidth("28em");
                    Span key = new Span(setUp.secret());
                    key.setId("second-factor-secret");
                    key.addClassName("rr-code");
                    add(intro, qrCode(setUp.uri()), key);
                },
                () -> add(new Paragraph("Type the six digits your authenticator app shows for Reading Room.")));

        code.setId("second-factor-code");
        code.setMaxLength(8);
        code.setAllowedCharPattern("[0-9 ]");
        code.setAutofocus(true);
        Button submit = new Button("Continue", click -> verify());
        submit.setId("second-factor-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Button signOut = new Button("Sign out", click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(code, submit, signOut);
    }

    private void verify() {
        Authentication full;
        try {
            full = secondFactor.verify(code.getValue());
        } catch (SecondFactor.WrongCodeException wrong) {
            code.setInvalid(true);
            code.setErrorMessage(wrong.getMessage());
            return;
        } catch (NotSignedInException signedOut) {
            UI.getCurrent().getPage().setLocation("login");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository()
                .saveContext(
                        context,
                        VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
        // A fresh page, so that the layout is built for the person's roles: the one first asked for, if any.
        Object asked = VaadinSession.getCurrent().getSession().getAttribute(PendingSecondFactor.RETURN_TO);
        VaadinSession.getCurrent().getSession().removeAttribute(PendingSecondFactor.RETURN_TO);
        String target =
                asked instanceof String path && path.startsWith("/") && !path.startsWith("//") ? path.substring(1) : "";
        UI.getCurrent().getPage().setLocation("./" + target);
    }

    /** The otpauth URI as a QR code, drawn as SVG squares (zxing encodes, nothing is fetched). */
    private static Svg qrCode(String uri) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0);
        } catch (WriterException e) {
            throw new IllegalStateException("An otpauth URI always fits a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        int quiet = 4;
        Svg svg = new Svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + (-quiet) + " " + (-quiet) + " "
                + (matrix.getWidth() + 2 * quiet) + " " + (matrix.getHeight() + 2 * quiet)
                + "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\"><rect x=\"" + (-quiet) + "\" y=\""
                + (-quiet) + "\" width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
                + "\"/></svg>");
        svg.setId("second-factor-qr");
        return svg;
    }
}
