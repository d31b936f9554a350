package com.readingroom.identity;

import java.security.Principal;

/**
 * Who calls when an approved tool presents a personal access token: the token's owner, acting through the token's
 * agreement only. {@link CurrentPerson} turns it into {@link Person#throughAgreement}.
 */
public record MachinePrincipal(String username, long tokenId, long agreementId) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
