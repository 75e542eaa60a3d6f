package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.earshot.metric.Csat;
import io.earshot.metric.Nps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The statistics behind the Drivers page against hand-computed values (worked out in the comments, and checked with
 * SciPy where noted), against Commons Math's least squares, and by simulation.
 */
class DriverStatisticsTests {

    @Test
    void impactOnNpsIsTheOverallScoreMinusTheScoreWithoutTheGroup() {
        // theme: 40 responses, 10 promoters, 20 detractors → NPS −25, Var = 100²·(0.75 − 0.0625)/40 = 171.875
        // rest: 60 responses, 30 promoters, 10 detractors → NPS 33.33…, Var = 100²·(2/3 − 1/9)/60 = 92.592…
        // overall: (40 − 30)/100 → NPS 10, so the impact is 10 − 33.33… = −23.33… = w·D with w = 0.4, D = −58.33…
        // Var = D²·0.4·0.6/100 + 0.4²·(171.875 + 92.592…) = 8.1666… + 42.3148… = 50.4814…, SE 7.10503…
        Impact impact = Impact.ofNps(new Nps(40, 10, 20), new Nps(60, 30, 10));

        assertThat(impact.value()).isCloseTo(-23.333333333333336, within(1e-12));
        assertThat(impact.standardError()).isCloseTo(7.105032123888075, within(1e-12));
        assertThat(impact.ciLow()).isCloseTo(-23.333333333333336 - 1.96 * 7.105032123888075, within(1e-12));
        assertThat(impact.ciHigh()).isCloseTo(-23.333333333333336 + 1.96 * 7.105032123888075, within(1e-12));
        assertThat(impact.significant()).isTrue();
        double overall = new Nps(100, 40, 30).value(), without = new Nps(60, 30, 10).value();
        assertThat(impact.value()).isCloseTo(overall - without, within(1e-12));
    }

    @Test
    void impactOnCsatUsesTheBinomialVariance() {
        // theme 20 of 50 satisfied (40%), rest 120 of 150 (80%): overall 70%, impact −10;
        // Var = 40²·0.25·0.75/200 + 0.25²·(100²·0.24/50 + 100²·0.16/150) = 3 + 2.1666… , SE 2.27303…
        Impact impact = Impact.ofCsat(new Csat(50, 20), new Csat(150, 120));

        assertThat(impact.value()).isCloseTo(-10.0, within(1e-12));
        assertThat(impact.standardError()).isCloseTo(2.273030282830976, within(1e-12));
    }

    @Test
    void impactNeedsResponsesOnBothSides() {
        assertThat(Impact.ofNps(new Nps(0, 0, 0), new Nps(10, 5, 0))).isNull();
        assertThat(Impact.ofNps(new Nps(10, 5, 0), new Nps(0, 0, 0))).isNull();
        assertThat(Impact.ofCsat(new Csat(0, 0), new Csat(3, 1))).isNull();
        assertThat(Impact.ofNps(new Nps(10, 5, 5), new Nps(10, 5, 5)).value()).isZero();
    }

    @Test
    void theImpactIntervalCoversTheTrueImpactAboutNinetyFivePercentOfTheTime() {
        // theme: 30% of responses, promoters 20% / passives 30% / detractors 50% (NPS −30);
        // rest: promoters 50% / passives 30% / detractors 20% (NPS 30). True impact 0.3·(−30 − 30) = −18.
        Random random = new Random(20261202L);
        int runs = 2000, n = 400, covered = 0;
        double truth = 0.3 * (-30 - 30);
        for (int run = 0; run < runs; run++) {
            long[] theme = new long[3], rest = new long[3];
            for (int i = 0; i < n; i++) {
                boolean inTheme = random.nextDouble() < 0.3;
                double u = random.nextDouble();
                int category = inTheme ? (u < 0.2 ? 0 : u < 0.5 ? 1 : 2) : (u < 0.5 ? 0 : u < 0.8 ? 1 : 2);
                (inTheme ? theme : rest)[category]++;
            }
            Impact impact = Impact.ofNps(
                    new Nps(theme[0] + theme[1] + theme[2], theme[0], theme[2]),
                    new Nps(rest[0] + rest[1] + rest[2], rest[0], rest[2]));
            if (impact.ciLow() <= truth && truth <= impact.ciHigh()) {
                covered++;
            }
        }
        // 2000 runs: a true 95% gives 0.95 ± 0.0049 (one standard deviation); three either side is allowed
        assertThat((double) covered / runs).isBetween(0.935, 0.965);
    }

    @Test
    void welchMatchesScipy() {
        // scipy.stats.ttest_ind([100,100,0,-100,100], [0,-100,-100,0,100,-100], equal_var=False):
        // t = 1.4084056792618558, p = 0.19540341491960786; df 8.287305122494434, SE 52.068331172711034,
        // t(0.975, df)·SE = 119.34907631467925
        Welch test = Welch.of(sums(100, 100, 0, -100, 100), sums(0, -100, -100, 0, 100, -100));

        assertThat(test.effect()).isCloseTo(40 + 100.0 / 3, within(1e-12));
        assertThat(test.standardError()).isCloseTo(52.068331172711034, within(1e-9));
        assertThat(test.df()).isCloseTo(8.287305122494434, within(1e-9));
        assertThat(test.effect() / test.standardError()).isCloseTo(1.4084056792618558, within(1e-9));
        assertThat(test.pValue()).isCloseTo(0.19540341491960786, within(1e-9));
        assertThat(test.margin()).isCloseTo(119.34907631467925, within(1e-6));
    }

    @Test
    void welchCannotTestAGroupOfOneOrGroupsWithoutVariance() {
        assertThat(Welch.of(sums(100), sums(0, 100)).pValue()).isNull();
        assertThat(Welch.of(sums(100, 100), sums(0, 0)).pValue()).isNull();
        assertThat(Welch.of(sums(100, 100), sums(0, 0)).effect()).isEqualTo(100.0);
        assertThatThrownBy(() -> Welch.of(Welch.Sums.NONE, sums(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Welch's test needs responses in both groups: 0, 1");
    }

    @Test
    void oneIndicatorGivesTheDifferenceOfMeansAndThePooledStandardError() {
        // with: 100, 100, −100 (mean 33.33…); without: 0, −100, 100, 100 (mean 25). β₁ = 8.333…;
        // pooled s² = (Σ squared deviations)/(n − 2) = (26666.67 + 27500)/5 = 10833.33…,
        // SE = √(s²·(1/3 + 1/4)) = 79.4949… (the equal-variance t-test)
        LeastSquares fit = new LeastSquares(2);
        for (double y : new double[] {100, 100, -100}) {
            fit.add(new int[] {0, 1}, 1, y, y * y);
        }
        for (double y : new double[] {0, -100, 100, 100}) {
            fit.add(new int[] {0}, 1, y, y * y);
        }
        LeastSquares.Fit result = fit.fit();

        assertThat(result.coefficients()[0]).isCloseTo(25.0, within(1e-9));
        assertThat(result.coefficients()[1]).isCloseTo(100.0 / 3 - 25, within(1e-9));
        double pooled = (26666.666666666668 + 27500.0) / 5;
        assertThat(result.standardErrors()[1]).isCloseTo(Math.sqrt(pooled * (1.0 / 3 + 1.0 / 4)), within(1e-9));
        assertThat(result.rank()).isEqualTo(2);
        assertThat(result.df()).isEqualTo(5);
    }

    @Test
    void groupedFitAgreesWithCommonsMathOnEveryResponse() {
        // three one-hot fields (4, 3 and 5 values, the first of each the reference) and scores −100/0/100 that depend
        // on them; the grouped normal equations must give Commons Math's fit of the expanded rows
        Random random = new Random(7);
        int p = 1 + 3 + 2 + 4;
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Map<List<Integer>, double[]> groups = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            int a = random.nextInt(4), b = random.nextInt(3), c = random.nextInt(5);
            double[] x = new double[p];
            x[0] = 1;
            List<Integer> ones = new ArrayList<>(List.of(0));
            if (a > 0) {
                x[a] = 1;
                ones.add(a);
            }
            if (b > 0) {
                x[3 + b] = 1;
                ones.add(3 + b);
            }
            if (c > 0) {
                x[5 + c] = 1;
                ones.add(5 + c);
            }
            double lean = 0.1 * a - 0.15 * b + 0.05 * c;
            double u = random.nextDouble();
            double y = u < 0.3 + lean ? 100 : u < 0.6 + lean ? 0 : -100;
            rows.add(x);
            ys.add(y);
            double[] sums = groups.computeIfAbsent(ones, k -> new double[3]);
            sums[0]++;
            sums[1] += y;
            sums[2] += y * y;
        }
        LeastSquares fit = new LeastSquares(p);
        groups.forEach((ones, sums) ->
                fit.add(ones.stream().mapToInt(Integer::intValue).toArray(), (long) sums[0], sums[1], sums[2]));
        LeastSquares.Fit result = fit.fit();

        OLSMultipleLinearRegression reference = new OLSMultipleLinearRegression();
        reference.setNoIntercept(true);
        reference.newSampleData(ys.stream().mapToDouble(Double::doubleValue).toArray(), rows.toArray(new double[0][]));
        double[] beta = reference.estimateRegressionParameters();
        double[] se = reference.estimateRegressionParametersStandardErrors();
        for (int j = 0; j < p; j++) {
            assertThat(result.coefficients()[j]).as("β%d", j).isCloseTo(beta[j], within(1e-8));
            assertThat(result.standardErrors()[j]).as("SE%d", j).isCloseTo(se[j], within(1e-8));
        }
        assertThat(result.residualVariance()).isCloseTo(reference.estimateErrorVariance(), within(1e-6));
    }

    @Test
    void aColumnTheOthersDetermineIsLeftOutAndTheRestIsTheFitWithoutIt() {
        // column 2 repeats column 1 (a product only ever sold in one segment): it is aliased, column 1 keeps the effect
        LeastSquares withCopy = new LeastSquares(3), without = new LeastSquares(2);
        double[][] data = {{1, 100}, {1, 0}, {0, -100}, {0, 0}, {1, 100}, {0, 100}};
        for (double[] row : data) {
            double y = row[1];
            withCopy.add(row[0] == 1 ? new int[] {0, 1, 2} : new int[] {0}, 1, y, y * y);
            without.add(row[0] == 1 ? new int[] {0, 1} : new int[] {0}, 1, y, y * y);
        }
        LeastSquares.Fit a = withCopy.fit(), b = without.fit();

        assertThat(a.aliased(2)).isTrue();
        assertThat(a.rank()).isEqualTo(2);
        assertThat(a.coefficients()[1]).isCloseTo(b.coefficients()[1], within(1e-9));
        assertThat(a.standardErrors()[1]).isCloseTo(b.standardErrors()[1], within(1e-9));
        assertThat(a.pValues()[1]).isCloseTo(b.pValues()[1], within(1e-9));
    }

    private static Welch.Sums sums(double... ys) {
        double sum = 0, squares = 0;
        for (double y : ys) {
            sum += y;
            squares += y * y;
        }
        return new Welch.Sums(ys.length, sum, squares);
    }
}
