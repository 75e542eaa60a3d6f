package io.earshot.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricFormulaTests {

    @Test
    void npsOfFivePromotersThreePassivesTwoDetractorsIsThirtyWithItsHandComputedInterval() {
        // n = 10, p = 0.5, d = 0.2: NPS = 100 * (0.5 - 0.2) = 30.0
        // Var = 100² * ((p + d) - (p - d)²) / n = 10000 * (0.7 - 0.09) / 10 = 610
        // margin = 1.96 * √610 = 1.96 * 24.69818 = 48.40843 -> CI [-18.40843, 78.40843]
        Nps nps = new Nps(10, 5, 2);

        assertThat(nps.value()).isCloseTo(30.0, within(1e-12));
        assertThat(nps.passives()).isEqualTo(3);
        assertThat(nps.variance()).isCloseTo(610.0, within(1e-9));
        assertThat(nps.margin()).isCloseTo(48.40843, within(1e-5));
        assertThat(nps.ciLow()).isCloseTo(-18.40843, within(1e-5));
        assertThat(nps.ciHigh()).isCloseTo(78.40843, within(1e-5));
        assertThat(nps.smallSample()).isTrue();
    }

    @Test
    void npsOfOnlyPromotersIsHundredWithoutVarianceAndNoResponsesHaveNoScore() {
        assertThat(new Nps(40, 40, 0).value()).isEqualTo(100.0);
        assertThat(new Nps(40, 40, 0).margin()).isZero();
        assertThat(new Nps(40, 0, 40).value()).isEqualTo(-100.0);
        assertThat(new Nps(0, 0, 0).value()).isNull();
        assertThat(new Nps(0, 0, 0).ciLow()).isNull();
    }

    @Test
    void smallSampleMeansFewerThanThirtyResponses() {
        assertThat(new Nps(29, 10, 5).smallSample()).isTrue();
        assertThat(new Nps(30, 10, 5).smallSample()).isFalse();
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> new Nps(10, 8, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Csat(10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ces(3, 9.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Poc(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csatIsTheTopTwoBoxShareAndPocRateIsTheShareOfAllSignals() {
        assertThat(new Csat(10, 7).percent()).isCloseTo(70.0, within(1e-12));
        assertThat(new Csat(0, 0).percent()).isNull();
        assertThat(new Poc(3, 12).rate()).isCloseTo(25.0, within(1e-12));
    }

    @Test
    void npsStaysWithinPlusMinusHundredAndItsIntervalContainsItOnRandomData() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            int n = 1 + random.nextInt(500);
            int promoters = random.nextInt(n + 1);
            int detractors = random.nextInt(n - promoters + 1);
            Nps nps = new Nps(n, promoters, detractors);

            assertThat(nps.value()).isBetween(-100.0, 100.0);
            assertThat(nps.ciLow()).isBetween(-100.0, nps.value());
            assertThat(nps.ciHigh()).isBetween(nps.value(), 100.0);
            assertThat(nps.variance()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void intervalNarrowsAsResponsesGrowAtTheSameShares() {
        double previous = Double.MAX_VALUE;
        for (int n : new int[] {10, 40, 100, 1_000, 10_000}) {
            double margin = new Nps(n, n / 2, n / 5).margin();
            assertThat(margin).isLessThan(previous);
            previous = margin;
        }
        // The margin shrinks with √n: a hundred times the responses, a tenth of the width.
        assertThat(new Nps(1_000, 500, 200).margin() / new Nps(100_000, 50_000, 20_000).margin())
                .isCloseTo(10.0, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1",
        "1, 0.31731050786291415",
        "1.959963984540054, 0.05",
        "2.5758293035489004, 0.01",
        "3.2905267314918945, 0.001",
        "-1.717795002941605, 0.08583401331843706",
        "-2.182178902359924, 0.02909633174125221"
    })
    void twoSidedPValueOfKnownStatistics(double z, double p) {
        assertThat(Significance.twoSidedP(z)).isCloseTo(p, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.3085375387259869",
        "1.2, 0.1150696702217083",
        "2.99, 0.0013948872354922503",
        "3.0, 0.0013498980316300957",
        "3.5, 0.00023262907903552504",
        "4.2, 1.3345749015906346e-05",
        "5, 2.866515718791946e-07",
        "6, 9.865876450377012e-10",
        "8, 6.220960574271819e-16",
        "10, 7.619853024160593e-24"
    })
    void upperTailIsAccurateToARelativeMillionthEvenFarOut(double x, double tail) {
        assertThat(Significance.upperTail(x)).isCloseTo(tail, Percentage.withPercentage(1e-4));
    }

    @Test
    void normalDistributionFunctionIsSymmetric() {
        assertThat(Significance.cdf(1)).isCloseTo(0.8413447460685429, within(1e-12));
        assertThat(Significance.cdf(-1.5)).isCloseTo(0.06680720126885809, within(1e-12));
        assertThat(Significance.cdf(0)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void npsChangeIsTheDifferenceOverTheRootOfSummedVariances() {
        // 30.0 (Var 610) -> -30.0 (Var 610): z = -60 / √1220 = -1.717795, p = 0.085834
        Change change = Significance.npsChange(new Nps(10, 5, 2), new Nps(10, 2, 5));

        assertThat(change.delta()).isCloseTo(-60.0, within(1e-9));
        assertThat(change.z()).isCloseTo(-1.717795002941605, within(1e-9));
        assertThat(change.pValue()).isCloseTo(0.08583401331843706, within(1e-9));
        assertThat(change.significant()).isFalse();
    }

    @Test
    void csatChangeUsesThePooledTwoProportionTest() {
        // 40/50 -> 30/50: pooled 0.7, SE = √(0.7 * 0.3 * (1/50 + 1/50)) = 0.0916515, z = -0.2 / SE = -2.182179
        Change change = Significance.csatChange(new Csat(50, 40), new Csat(50, 30));

        assertThat(change.delta()).isCloseTo(-20.0, within(1e-9));
        assertThat(change.z()).isCloseTo(-2.182178902359924, within(1e-9));
        assertThat(change.pValue()).isCloseTo(0.02909633174125221, within(1e-9));
        assertThat(change.significant()).isTrue();
    }

    @Test
    void changeWithoutVarianceIsCertainWhenValuesDifferAndNullWhenASideIsEmpty() {
        assertThat(Significance.npsChange(new Nps(30, 30, 0), new Nps(30, 0, 30))
                        .pValue())
                .isZero();
        assertThat(Significance.npsChange(new Nps(30, 30, 0), new Nps(30, 30, 0))
                        .pValue())
                .isEqualTo(1.0);
        assertThat(Significance.npsChange(new Nps(0, 0, 0), new Nps(30, 30, 0))).isNull();
    }

    @Test
    void periodNamesAreCheckedWithTheAcceptedOnesListed() {
        assertThat(Period.parse(" Month ")).isEqualTo(Period.MONTH);
        assertThatThrownBy(() -> Period.parse("year"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown period 'year'; use one of day, week, month, quarter");
    }

    @Test
    void unknownFieldIsRefusedWithTheAcceptedOnesListed() {
        assertThatThrownBy(() -> MetricQuery.by("colour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown field 'colour'")
                .hasMessageContaining("region, segment")
                .hasMessageContaining("attributes.NAME");
    }
}
