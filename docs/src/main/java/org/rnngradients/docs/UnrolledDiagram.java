package org.rnngradients.docs;

import java.util.Locale;

/**
 * The unrolled network as an SVG diagram: inputs x_t feed states h_t through the step Jacobians J_t, every state
 * feeds a loss L_t, and the adjoints δ_t flow back through J_tᵀ while each loss adds its ∂L_t/∂h_t. Drawn from
 * coordinates alone (no fonts are measured), so the bytes depend only on {@link #STEPS}.
 */
public final class UnrolledDiagram {

    /** Number of steps drawn (states h_0 … h_T). */
    static final int STEPS = 4;
    static final int WIDTH = 720;
    static final int HEIGHT = 380;
    private static final int GAP = 140;
    private static final int LEFT = 80;
    private static final int[] ROW = {40, 125, 205, 300};      // inputs, states, losses, adjoints
    private static final String FONT = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif";
    private static final String INK = "#333333";
    private static final String BACK = "#C0392B";
    private static final String[] SUB = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

    private final StringBuilder svg = new StringBuilder();

    /** A diagram writer (stateless until {@link #svg} fills it). */
    public UnrolledDiagram() {
    }

    /** The diagram as a standalone SVG document. */
    public static String svg() {
        UnrolledDiagram d = new UnrolledDiagram();
        d.open();
        for (int t = 0; t <= STEPS; t++) {
            d.step(t);
        }
        d.text(WIDTH / 2.0, HEIGHT - 14, "δₜ₋₁ = Jₜᵀ δₜ + ∂Lₜ₋₁/∂hₜ₋₁", BACK, 15, "middle");
        return d.svg.append("</svg>\n").toString();
    }

    private static String sub(int t) {
        return SUB[t];
    }

    private static double x(int t) {
        return LEFT + GAP * t;
    }

    private void open() {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
           .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"").append(FONT)
           .append("\">\n<title>The unrolled network: forward through J_t, backward through J_t transposed</title>\n<defs>\n");
        marker("unrolled-ink", INK);
        marker("unrolled-back", BACK);
        svg.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    private void marker(String id, String colour) {
        svg.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
           .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"").append(colour)
           .append("\"/></marker>\n");
    }

    /** Everything of step t: state and adjoint nodes; for t ≥ 1 also input, loss and the arrows that reach t. */
    private void step(int t) {
        node(x(t), ROW[1], "h" + sub(t), INK, "#F4F6F7");
        node(x(t), ROW[3], "δ" + sub(t), BACK, "#FDEDEC");
        if (t == 0) {
            return;
        }
        box(x(t), ROW[0], "x" + sub(t));
        box(x(t), ROW[2], "L" + sub(t));
        arrow(x(t), ROW[0] + 14, x(t), ROW[1] - 24, INK);                   // x_t → h_t
        arrow(x(t), ROW[1] + 24, x(t), ROW[2] - 14, INK);                   // h_t → L_t
        arrow(x(t - 1) + 24, ROW[1], x(t) - 24, ROW[1], INK);               // h_{t−1} → h_t
        text((x(t - 1) + x(t)) / 2, ROW[1] - 8, "J" + sub(t), INK, 14, "middle");
        arrow(x(t) - 24, ROW[3], x(t - 1) + 24, ROW[3], BACK);              // δ_t → δ_{t−1}
        text((x(t - 1) + x(t)) / 2, ROW[3] - 8, "J" + sub(t) + "ᵀ", BACK, 14, "middle");
        arrow(x(t), ROW[2] + 14, x(t), ROW[3] - 24, BACK);                  // ∂L_t/∂h_t joins δ_t
        text(x(t) + 8, (ROW[2] + ROW[3]) / 2.0 + 4, "∂L" + sub(t) + "/∂h" + sub(t), BACK, 12, "start");
    }

    private void node(double cx, double cy, String label, String stroke, String fill) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"22\" fill=\"%s\" stroke=\"%s\" "
                + "stroke-width=\"2\"/>%n", cx, cy, fill, stroke));
        text(cx, cy + 5, label, stroke, 15, "middle");
    }

    private void box(double cx, double cy, String label) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"44\" height=\"28\" rx=\"4\" "
                + "fill=\"white\" stroke=\"#7F8C8D\"/>%n", cx - 22, cy - 14));
        text(cx, cy + 5, label, INK, 14, "middle");
    }

    private void arrow(double x1, double y1, double x2, double y2, String colour) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"1.6\" marker-end=\"url(#%s)\"/>%n", x1, y1, x2, y2, colour,
                colour.equals(BACK) ? "unrolled-back" : "unrolled-ink"));
    }

    private void text(double tx, double ty, String label, String colour, int size, String anchor) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" "
                + "text-anchor=\"%s\">%s</text>%n", tx, ty, size, colour, anchor, label));
    }

    /** Writes the diagram as {@code unrolled-network.svg}. */
    public void contribute(Attributes a, Figures f) {
        f.svg(UnrolledDiagram.class, "unrolled-network", "The unrolled network with forward and backward flow",
                WIDTH, HEIGHT, svg()).noCommand("a diagram of the recursions, drawn from coordinates; it shows no data.");
        a.put("unrolled-steps", Integer.toString(STEPS));
    }
}
