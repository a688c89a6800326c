package dk.jobbro.jobposting;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job board's HTML description as the plain text a posting holds: paragraphs and headings on lines of their own
 * with a blank line between, list items as {@code - item}, {@code <br>} as a line break, entities decoded, scripts
 * and styles dropped. Text without tags is kept as it is (its line breaks are the author's), entities decoded.
 */
final class HtmlText {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(\\s[^>]*)?/?>");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "h1", "h2",
            "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "hr");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe");

    private HtmlText() {
    }

    static boolean isHtml(String text) {
        return TAG.matcher(text).find();
    }

    static String toText(String html) {
        if (!isHtml(html)) {
            return Parser.unescapeEntities(html, false).strip();
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(String.join(",", DROPPED)).remove();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String t = text.text().replaceAll("\\s+", " ");
                    if (!t.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n' && !t.isEmpty())) {
                        out.append(t);
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("li")) {
                        newLine(out);
                        out.append("- ");
                    } else if (BLOCKS.contains(tag)) {
                        paragraph(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (BLOCKS.contains(e.normalName()) || e.normalName().equals("li"))) {
                    if (e.normalName().equals("li")) {
                        newLine(out);
                    } else {
                        paragraph(out);
                    }
                }
            }
        }, body);
        return tidy(out.toString());
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void paragraph(StringBuilder out) {
        newLine(out);
        if (out.length() >= 1 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    /** Trailing spaces cut, at most one blank line in a row, nothing around the whole. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(l);
            blank = 0;
        }
        return out.toString();
    }
}
