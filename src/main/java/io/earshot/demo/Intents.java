package io.earshot.demo;

import java.util.Set;

/**
 * The demo bank's reading of the banking77 intents: which ones drive detractors (failed payments, lost or compromised
 * cards), which ones are routine and pleasant (a card arriving, a top-up), and the journey stage and touchpoint each
 * belongs to.
 */
final class Intents {

    /** Intents customers are angry about: their signals score lowest. */
    static final Set<String> DETRACTOR_DRIVERS = Set.of(
            "card_not_working",
            "declined_transfer",
            "lost_or_stolen_card",
            "compromised_card",
            "declined_card_payment",
            "card_swallowed",
            "declined_cash_withdrawal",
            "transaction_charged_twice",
            "failed_transfer",
            "cash_withdrawal_not_recognised",
            "card_payment_not_recognised",
            "wrong_amount_of_cash_received",
            "unable_to_verify_identity",
            "transfer_not_received_by_recipient");

    /** Intents of things that went well: their signals score highest. */
    static final Set<String> PROMOTER_DRIVERS = Set.of(
            "card_arrival",
            "card_delivery_estimate",
            "activate_my_card",
            "apple_pay_or_google_pay",
            "get_physical_card",
            "order_physical_card",
            "getting_virtual_card",
            "get_disposable_virtual_card",
            "getting_spare_card",
            "card_linking",
            "change_pin",
            "topping_up_by_card",
            "automatic_top_up",
            "top_up_by_cash_or_cheque",
            "top_up_limits",
            "verify_top_up",
            "exchange_via_app",
            "receiving_money",
            "transfer_into_account");

    /** Intents of small annoyances: fees, pending or reverted money, blocked PINs. */
    private static final Set<String> IRRITANTS = Set.of(
            "Refund_not_showing_up",
            "request_refund",
            "pin_blocked",
            "direct_debit_payment_not_recognised",
            "extra_charge_on_statement",
            "top_up_failed",
            "top_up_reverted",
            "balance_not_updated_after_bank_transfer",
            "balance_not_updated_after_cheque_or_cash_deposit",
            "pending_card_payment",
            "pending_cash_withdrawal",
            "pending_top_up",
            "pending_transfer",
            "reverted_card_payment?",
            "card_payment_fee_charged",
            "transfer_fee_charged",
            "cash_withdrawal_charge",
            "exchange_charge",
            "card_payment_wrong_exchange_rate",
            "wrong_exchange_rate_for_cash_withdrawal",
            "top_up_by_bank_transfer_charge",
            "top_up_by_card_charge",
            "contactless_not_working",
            "virtual_card_not_working",
            "lost_or_stolen_phone",
            "passcode_forgotten",
            "beneficiary_not_allowed",
            "verify_source_of_funds",
            "why_verify_identity",
            "terminate_account");

    private static final Set<String> ONBOARDING = Set.of(
            "card_arrival",
            "card_delivery_estimate",
            "activate_my_card",
            "get_physical_card",
            "order_physical_card",
            "getting_spare_card",
            "getting_virtual_card",
            "get_disposable_virtual_card",
            "card_linking",
            "verify_my_identity",
            "unable_to_verify_identity",
            "why_verify_identity",
            "verify_source_of_funds",
            "age_limit",
            "country_support");

    private Intents() {}

    /** The intent of a banking77 category. */
    static Intent of(String name) {
        String stage = journeyStage(name);
        return new Intent(name, mood(name), stage, touchpoint(name, stage));
    }

    /** The intent of a CFPB complaint narrative. */
    static Intent complaint() {
        return new Intent(Intent.COMPLAINT, -1.6, "complaints", "formal complaint");
    }

    static double mood(String name) {
        if (DETRACTOR_DRIVERS.contains(name)) {
            return -1.3;
        }
        if (IRRITANTS.contains(name)) {
            return -0.4;
        }
        return PROMOTER_DRIVERS.contains(name) ? 0.9 : 0.3;
    }

    private static String journeyStage(String name) {
        if (ONBOARDING.contains(name)) {
            return "onboarding";
        }
        if (name.contains("cash") || name.contains("atm") || name.equals("card_swallowed")) {
            return "cash";
        }
        if (name.contains("top_up")) {
            return "top-up";
        }
        if (name.contains("exchange") || name.contains("currenc") || name.equals("visa_or_mastercard")) {
            return "travel";
        }
        if (name.contains("transfer")
                || name.contains("beneficiary")
                || name.contains("direct_debit")
                || name.equals("receiving_money")) {
            return "payments";
        }
        if (name.contains("refund")
                || name.contains("Refund")
                || name.contains("charge")
                || name.contains("not_recognised")) {
            return "disputes";
        }
        if (name.contains("card") || name.contains("pin") || name.contains("contactless") || name.contains("pay")) {
            return "card";
        }
        return "account";
    }

    private static String touchpoint(String name, String stage) {
        return switch (stage) {
            case "onboarding" ->
                name.contains("verif") || name.contains("identity") ? "identity check" : "card delivery";
            case "cash" -> "ATM";
            case "top-up" -> "top-up";
            case "travel" -> "currency exchange";
            case "payments" -> name.contains("direct_debit") ? "direct debit" : "bank transfer";
            case "disputes" -> "dispute";
            case "card" -> name.contains("pin") || name.contains("compromised") ? "card security" : "card payment";
            default -> name.contains("passcode") || name.contains("phone") ? "app login" : "account settings";
        };
    }
}
