package io.earshot.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo bank's customers, grouped in accounts: most retail and premier customers bank alone, some share a joint
 * account, and small businesses have several customers (owners, finance staff) on one business account. Picking a
 * customer for a signal favours the active ones, so some customers have many signals and most have a few.
 */
final class Customers {

    static final List<String> SEGMENTS = List.of("retail", "premier", "small business");
    static final List<String> REGIONS = List.of("North", "South", "East", "West", "Scotland");
    private static final double[] REGION_WEIGHTS = {0.22, 0.26, 0.18, 0.18, 0.16};

    private final List<Customer> customers;
    private final double[] cumulativeActivity;

    private Customers(List<Customer> customers) {
        this.customers = List.copyOf(customers);
        this.cumulativeActivity = new double[customers.size()];
        double sum = 0;
        for (int i = 0; i < customers.size(); i++) {
            sum += customers.get(i).activity();
            cumulativeActivity[i] = sum;
        }
    }

    /** Generates {@code count} customers from {@code random}. */
    static Customers generate(int count, SplittableRandom random) {
        List<Customer> customers = new ArrayList<>(count);
        int accounts = 0;
        while (customers.size() < count) {
            accounts++;
            String accountId = "A%06d".formatted(accounts);
            double draw = random.nextDouble();
            String segment = draw < 0.07 ? "small business" : draw < 0.22 ? "premier" : "retail";
            String region = REGIONS.get(pick(REGION_WEIGHTS, random));
            int holders = holders(segment, random);
            for (int i = 0; i < holders && customers.size() < count; i++) {
                customers.add(new Customer(
                        "C%06d".formatted(customers.size() + 1),
                        accountId,
                        segment,
                        region,
                        products(segment, random),
                        Math.exp(random.nextGaussian() * 0.9),
                        random.nextGaussian() * 0.35));
            }
        }
        return new Customers(customers);
    }

    List<Customer> all() {
        return customers;
    }

    /** A customer, the more active the likelier. */
    Customer pick(SplittableRandom random) {
        double target = random.nextDouble() * cumulativeActivity[cumulativeActivity.length - 1];
        int index = Arrays.binarySearch(cumulativeActivity, target);
        return customers.get(index >= 0 ? index : Math.min(-index - 1, customers.size() - 1));
    }

    private static int holders(String segment, SplittableRandom random) {
        return switch (segment) {
            case "small business" -> 1 + random.nextInt(5);
            case "premier" -> random.nextDouble() < 0.20 ? 2 : 1;
            default -> random.nextDouble() < 0.12 ? 2 : 1;
        };
    }

    private static List<String> products(String segment, SplittableRandom random) {
        List<String> products = new ArrayList<>();
        boolean business = segment.equals("small business");
        boolean premier = segment.equals("premier");
        products.add(business ? "business account" : "current account");
        if (random.nextDouble() < (premier ? 0.80 : business ? 0.50 : 0.45)) {
            products.add("credit card");
        }
        if (random.nextDouble() < (premier ? 0.70 : business ? 0.20 : 0.35)) {
            products.add("savings");
        }
        if (!business && random.nextDouble() < (premier ? 0.35 : 0.12)) {
            products.add("mortgage");
        }
        return products;
    }

    static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
