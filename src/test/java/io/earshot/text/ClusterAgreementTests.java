package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Checked against values worked out by hand from the definitions (and matching scikit-learn). */
class ClusterAgreementTests {

    @Test
    void identicalPartitionsUpToRenamingAgreeFully() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] renamed = {5, 5, 3, 3, 9, 9};

        assertThat(ClusterAgreement.nmi(truth, renamed)).isCloseTo(1.0, within(1e-12));
        assertThat(ClusterAgreement.ari(truth, renamed)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void independentPartitionsShareNoInformation() {
        // every truth class is split evenly over both predicted clusters
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {0, 1, 0, 1};

        assertThat(ClusterAgreement.nmi(truth, predicted)).isCloseTo(0.0, within(1e-12));
        // pairs: Σ C(nij,2) = 0, Σ C(ai,2) = 2, Σ C(bj,2) = 2, C(4,2) = 6: expected 2/3, max 2, ARI = -2/3 / (4/3)
        assertThat(ClusterAgreement.ari(truth, predicted)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void mergingTwoOfThreeEqualClassesKeepsTheirSharedInformation() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 0, 0, 1, 1};

        // H(U) = ln 3, H(V) = -(2/3 ln 2/3 + 1/3 ln 1/3) = I(U;V); NMI = 2 I / (H(U) + H(V))
        double hv = -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3));
        assertThat(ClusterAgreement.nmi(truth, predicted)).isCloseTo(2 * hv / (Math.log(3) + hv), within(1e-12));
        // Σ C(nij,2) = 3, Σ C(ai,2) = 3, Σ C(bj,2) = 6 + 1 = 7, C(6,2) = 15: expected 21/15 = 1.4, max 5
        assertThat(ClusterAgreement.ari(truth, predicted)).isCloseTo((3 - 1.4) / (5 - 1.4), within(1e-12));
    }

    @Test
    void aSingleClusterAgainstManyClassesScoresZero() {
        int[] truth = {0, 1, 2, 3};
        int[] predicted = {7, 7, 7, 7};

        assertThat(ClusterAgreement.nmi(truth, predicted)).isCloseTo(0.0, within(1e-12));
        assertThat(ClusterAgreement.ari(truth, predicted)).isCloseTo(0.0, within(1e-12));
    }
}
