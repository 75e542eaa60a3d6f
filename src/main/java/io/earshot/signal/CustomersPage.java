package io.earshot.signal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Customers admin page: find a customer by id, see what is stored of them by source, and erase it. Erasing asks
 * for the id to be typed again, as nothing erased can be brought back.
 */
@Controller
@RequestMapping("/admin/customers")
class CustomersPage {

    private final CustomerErasure erasure;

    CustomersPage(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    @GetMapping
    String customers(@RequestParam(required = false) String id, Model model) {
        if (id != null && !id.isBlank()) {
            model.addAttribute("found", erasure.preview(id));
        }
        model.addAttribute("id", id == null ? "" : id.strip());
        return "signal/admin/customers";
    }

    @PostMapping("/erase")
    String erase(
            @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String confirm,
            Model model,
            HttpServletResponse response) {
        if (id.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Give the id of the customer to erase.");
            return customers(null, model);
        }
        if (!confirm.strip().equals(id.strip())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "error",
                    confirm.isBlank()
                            ? "Type the customer id " + id.strip()
                                    + " again to confirm the erasure; nothing was erased."
                            : "The id typed to confirm, '" + confirm.strip() + "', is not " + id.strip()
                                    + "; nothing was erased.");
            return customers(id, model);
        }
        model.addAttribute("erasure", erasure.erase(id));
        return "signal/admin/customer-erased";
    }
}
