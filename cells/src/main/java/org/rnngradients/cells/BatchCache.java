package org.rnngradients.cells;

/**
 * What one batched forward step keeps for its backward step and its Jacobian products: the previous
 * states and inputs of the B columns, the gate values and which columns took part in the step. Made by
 * {@link CellPass#newCache()} and overwritten by each {@link CellPass#forward}; a cache belongs to
 * the pass that made it.
 */
public interface BatchCache {

    /** The bytes of the numeric arrays this cache holds (payload plus a 16-byte header per array). */
    long bytes();
}
