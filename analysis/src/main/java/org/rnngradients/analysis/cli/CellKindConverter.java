package org.rnngradients.analysis.cli;

import java.util.Arrays;
import java.util.Iterator;

import org.rnngradients.cells.CellKind;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --cell} names such as {@code rnn-tanh} or {@code lstm} to a {@link CellKind}. */
final class CellKindConverter implements ITypeConverter<CellKind> {

    @Override
    public CellKind convert(String value) {
        for (CellKind k : CellKind.values()) {
            if (k.cliName().equals(value)) {
                return k;
            }
        }
        throw new TypeConversionException("expected one of " + CellKind.validNames() + " (was '" + value + "')");
    }

    /** The valid names, for picocli's ${COMPLETION-CANDIDATES}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CellKind.values()).map(CellKind::cliName).iterator();
        }
    }
}
