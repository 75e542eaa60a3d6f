package io.earshot.demo;

import java.util.List;

/**
 * A customer of the demo bank.
 *
 * @param id e.g. {@code C004711}
 * @param accountId the account they bank through; a business or joint account has several customers
 * @param segment {@code retail}, {@code premier} or {@code small business}
 * @param region where the account is held, e.g. {@code North}
 * @param products the products they hold, the everyday account first
 * @param activity how often they get in touch, relative to others
 * @param mood their own latent mood, added to every signal's
 */
record Customer(
        String id,
        String accountId,
        String segment,
        String region,
        List<String> products,
        double activity,
        double mood) {

    Customer {
        products = List.copyOf(products);
    }

    /** The current account, or the business account of a small business. */
    String everydayAccount() {
        return products.getFirst();
    }
}
