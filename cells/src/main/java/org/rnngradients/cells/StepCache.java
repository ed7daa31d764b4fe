package org.rnngradients.cells;

/**
 * What one forward step keeps for its backward step (the previous state, the input, gate values and
 * activation derivatives). Made by {@link RecurrentCell#newCache()} and overwritten by each
 * {@link RecurrentCell#forward}, so a sequence of T steps needs T caches and no allocation per step.
 * A cache belongs to the cell that made it.
 */
public interface StepCache {

    /** The bytes of the numeric arrays this cache holds (payload plus a 16-byte header per array). */
    long bytes();
}
