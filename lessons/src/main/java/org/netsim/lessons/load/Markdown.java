package org.netsim.lessons.load;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown rules of format version 1: no raw HTML, no images. */
final class Markdown {
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)(\\s[^<>]*)?/?>|<!--");
    private static final Set<String> HTML = Set.of("a", "abbr", "b", "big", "blockquote", "body", "br",
            "center", "code", "col", "details", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "hr", "html", "i", "iframe", "img", "kbd", "li", "mark", "ol", "p", "pre", "s", "script", "small",
            "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u",
            "ul", "video", "audio", "svg", "input", "form", "button", "link", "meta", "object", "embed");

    private Markdown() {
    }

    static void check(String file, String text, List<Problem> out) {
        String[] lines = text.split("\r?\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.stripLeading();
            if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
                fence = t.substring(0, 3);
                continue;
            }
            if (fence != null) {
                if (t.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            String visible = withoutCodeSpans(line);
            int img = visible.indexOf("![");
            if (img >= 0) {
                out.add(new Problem(file, i + 1, img + 1, "images are not part of lesson format version 1"));
            }
            Matcher m = TAG.matcher(visible);
            while (m.find()) {
                if (m.group(2) == null || HTML.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                    out.add(new Problem(file, i + 1, m.start() + 1, "raw HTML (" + m.group()
                            + ") is not part of lesson format version 1: use Markdown, or `code` to show a tag"));
                }
            }
        }
    }

    /** The line with the inside of each code span blanked, columns kept. */
    private static String withoutCodeSpans(String line) {
        StringBuilder sb = new StringBuilder(line);
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = 0;
            while (i + run < line.length() && line.charAt(i + run) == '`') {
                run++;
            }
            String ticks = "`".repeat(run);
            int close = line.indexOf(ticks, i + run);
            if (close < 0) {
                break;
            }
            for (int k = i + run; k < close; k++) {
                sb.setCharAt(k, ' ');
            }
            i = close + run;
        }
        return sb.toString();
    }
}
