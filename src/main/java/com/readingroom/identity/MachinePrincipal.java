package com.readingroom.identity;

import java.security.Principal;

/**
 * Who calls when an approved tool presents a personal access token: the token's owner, acting through the token's
 * agreement only. {@link CurrentPerson} turns it into {@link Person#throughAgreement}.
 *
 * @param person the owner as read from the database while this request was authenticated (enabled, with roles)
 */
public record MachinePrincipal(Person person, long tokenId, long agreementId) implements Principal {

    public String username() {
        return person.username();
    }

    @Override
    public String getName() {
        return person.username();
    }
}
