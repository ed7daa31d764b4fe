/** The book's generator: numbers, figures and ledger computed from the modules at build time. Exports nothing. */
module org.rnngradients.docs {
    requires org.rnngradients.analysis;
    requires org.rnngradients.bptt;
    requires org.apache.commons.csv; // read through analysis' CSV dialect, which needs it at run time
    requires org.jfree.jfreechart;
    requires org.jfree.svg;
    requires java.desktop;
}
