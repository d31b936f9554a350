package com.readingroom.identity;

/**
 * Sign-in with a client certificate (an agency smart card): a certificate the server's TLS trusts signs in the person
 * its subject is assigned to. The roles still come from Reading Room, never from the certificate. A smart card is
 * possession and PIN at once: no second factor is asked after it.
 */
public interface ClientCertificates {

    /**
     * Assigns a certificate subject to a person (program managers; recorded).
     *
     * @param subject an X.500 name as in the certificate, e.g. {@code CN=Anna Verbeek, O=NATO NCI Agency, C=BE}
     * @throws IllegalArgumentException when the name is not an X.500 name, the person does not exist, or the subject
     *     belongs to someone else
     */
    void assign(String username, String subject);

    /** Removes a person's certificate subject (program managers; recorded). */
    void remove(String username);
}
