package io.earshot.programme;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Session guides and notes as HTML for the pages. Raw HTML in the text is escaped and links are limited to safe
 * schemes, so what people type cannot run in others' browsers.
 */
@Component
class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** {@code text} rendered as HTML, for a template's {@code th:utext}. */
    public String html(String text) {
        return text == null || text.isBlank() ? "" : renderer.render(parser.parse(text));
    }
}
