package io.earshot.access;

import java.io.Serializable;
import java.security.Principal;

/** The principal of a user signed in with a password or a one-time link. */
record SignedIn(Viewer viewer) implements Viewer.Holder, Principal, Serializable {

    @Override
    public String getName() {
        return viewer.name();
    }
}
