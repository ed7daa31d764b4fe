/**
 * Line charts as deterministic SVG, shared by the book and the experiment CLI.
 *
 * <p>A {@link org.rnngradients.analysis.plot.Chart} is one panel: lines (solid, dashed, with or without
 * markers), shaded bands between two curves and horizontal reference lines, drawn with JFreeChart.
 * {@link org.rnngradients.analysis.plot.SvgFigure} renders one panel, or several as small multiples, through
 * JFreeSVG with a fixed defs-key prefix, so the same input gives the same bytes on every run.
 *
 * <p>JFreeChart and JFreeSVG are optional dependencies of the analysis module: a library user who does not
 * draw charts does not need them.
 */
package org.rnngradients.analysis.plot;
