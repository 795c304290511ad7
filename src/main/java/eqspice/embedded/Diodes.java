package eqspice.embedded;

/**
 * The circuit's junctions and their companion models: at each Newton iteration a junction is
 * replaced by its tangent at the (damped) voltage of the current iterate, a conductance
 * {@code gd} in parallel with a current source {@code cd - gd vd}. The linearisation points are
 * kept between solves, so a solve from the previous solution starts from its junction voltages.
 */
final class Diodes {
    final Junction[] junctions;
    final int[] p;        // ref of the junction's anode side (internal node with RS, else the anode)
    final int[] c;        // ref of the cathode
    final int[][] slots;  // pp, cc, pc, cp
    /** Per diode: the junction voltage of the last linearisation, its current and conductance there. */
    final double[] vd0;
    final double[] cd0;
    final double[] gd0;

    Diodes(int count) {
        junctions = new Junction[count];
        p = new int[count];
        c = new int[count];
        slots = new int[count][];
        vd0 = new double[count];
        cd0 = new double[count];
        gd0 = new double[count];
    }

    void set(int d, Junction junction, int pRef, int cRef, StampPattern pattern) {
        junctions[d] = junction;
        p[d] = pRef;
        c[d] = cRef;
        slots[d] = new int[] {pattern.slot(pRef, pRef), pattern.slot(cRef, cRef), pattern.slot(pRef, cRef),
            pattern.slot(cRef, pRef)};
    }

    /**
     * Linearises every junction at the voltage {@code x} gives, damped from the previous
     * linearisation point ({@link #vd0}, which the caller seeds before the first iteration).
     *
     * @return how many junctions were damped (an iteration that damped cannot be the last)
     */
    int linearize(double[] x, MnaSystem system) {
        int damped = 0;
        for (int d = 0; d < junctions.length; d++) {
            double proposed = system.v(p[d], x) - system.v(c[d], x);
            double vd = junctions[d].limit(proposed, vd0[d]);
            if (vd != proposed) {
                damped++;
            }
            vd0[d] = vd;
            cd0[d] = junctions[d].current(vd);
            gd0[d] = junctions[d].conductance(vd);
        }
        return damped;
    }

    /** Adds the companion models to the matrix values and the right-hand side. */
    void stamp(double[] values, double[] rhs, MnaSystem system) {
        for (int d = 0; d < junctions.length; d++) {
            int[] s = slots[d];
            double gd = gd0[d];
            double ieq = cd0[d] - gd * vd0[d];
            MnaSystem.add(values, s[0], gd);
            MnaSystem.add(values, s[1], gd);
            MnaSystem.add(values, s[2], -gd);
            MnaSystem.add(values, s[3], -gd);
            // a known terminal's voltage moves its coupling term to the right-hand side
            MnaSystem.add(rhs, p[d], -ieq + gd * system.knownOnly(c[d]));
            MnaSystem.add(rhs, c[d], ieq + gd * system.knownOnly(p[d]));
        }
    }

    /**
     * ngspice's device convergence test for every junction: the current predicted by the last
     * tangent at the new voltage must be within reltol (relative) plus abstol of the current at
     * the linearisation point. Returns the index of the first junction that fails, or -1.
     */
    int unconverged(double[] xNew, double reltol, double abstol, MnaSystem system) {
        for (int d = 0; d < junctions.length; d++) {
            double delta = system.v(p[d], xNew) - system.v(c[d], xNew) - vd0[d];
            double predicted = cd0[d] + gd0[d] * delta;
            double tol = reltol * Math.max(Math.abs(predicted), Math.abs(cd0[d])) + abstol;
            if (Math.abs(predicted - cd0[d]) > tol) {
                return d;
            }
        }
        return -1;
    }

    /** The junctions' last tangents, {vd0, cd0, gd0}, copied for {@link #outflow} later. */
    double[][] tangents() {
        return new double[][] {vd0.clone(), cd0.clone(), gd0.clone()};
    }

    /** Adds the current each junction draws out of a known node, by the tangents of {@link #tangents} (the model the solution satisfies). */
    void outflow(double[] out, double[] x, double[] known, double[][] tangents) {
        double[] vd = tangents[0];
        double[] cd = tangents[1];
        double[] gd = tangents[2];
        for (int d = 0; d < junctions.length; d++) {
            if (p[d] <= -2 || c[d] <= -2) {
                double i = cd[d] + gd[d] * (MnaSystem.v(p[d], x, known) - MnaSystem.v(c[d], x, known) - vd[d]);
                MnaSystem.outflow(out, p[d], i);
                MnaSystem.outflow(out, c[d], -i);
            }
        }
    }
}
