package io.intellisite.indexer.application.port.out.archfixture;

import io.intellisite.indexer.application.port.in.Principal;

/** A deliberately wrong outgoing port, compiled only in the test tree: it takes a type of the incoming side. */
public interface OutgoingPortTakingAnIncomingType {
    void audit(Principal caller);
}
