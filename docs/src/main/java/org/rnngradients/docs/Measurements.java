package org.rnngradients.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The measurement of every claim, by ledger id: each text's class registers one per row of its ledger file. */
public final class Measurements {

    private final Map<String, Consumer<Measurement>> byId = new LinkedHashMap<>();

    /** Registers the measurement of claim {@code id}. */
    public Measurements on(String id, Consumer<Measurement> measure) {
        if (byId.putIfAbsent(id, measure) != null) {
            throw new IllegalArgumentException("two measurements for claim " + id);
        }
        return this;
    }

    /** Runs the measurement of {@code m}'s claim; fails when none is registered. */
    void measure(Measurement m) {
        Consumer<Measurement> c = byId.get(m.entry().id());
        if (c == null) {
            throw new IllegalStateException("ledger row " + m.entry().id() + " (" + m.entry().origin()
                    + ") has no measurement; register one in the Text class of its file");
        }
        c.accept(m);
    }

    /** The ids with a measurement. */
    Set<String> ids() {
        return byId.keySet();
    }
}
