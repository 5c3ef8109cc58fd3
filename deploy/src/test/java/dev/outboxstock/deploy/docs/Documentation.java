package dev.outboxstock.deploy.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation as a reader finds it on GitHub: README.md and the pages of {@code docs/}, their
 * headings with the anchors GitHub gives them, and their relative links. Headings and links inside fenced code
 * blocks are not headings or links, so the fences are skipped.
 */
public final class Documentation {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) +(.+?) *#* *$");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?: \"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private final Path root;

    private Documentation(Path root) {
        this.root = root;
    }

    /** The documentation of the checkout the build runs in. */
    public static Documentation ofThisCheckout() {
        return new Documentation(Path.of(System.getProperty("outbox-stock.root")));
    }

    public Path root() {
        return root;
    }

    /** README.md and every Markdown page under docs/, as paths relative to the root. */
    public List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md"))
                    .map(root::relativize)
                    .sorted()
                    .forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    public String text(Path page) {
        try {
            return Files.readString(root.resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The anchors of a page's headings, in order, each mapped to the text under it up to the next heading of the
     * same or a higher level.
     */
    public Map<String, String> sections(Path page) {
        List<String> lines = outsideFences(text(page));
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = lines.get(i) == null ? null : HEADING.matcher(lines.get(i));
            if (heading == null || !heading.matches()) {
                continue;
            }
            int level = heading.group(1).length();
            StringBuilder body = new StringBuilder();
            for (int j = i + 1; j < lines.size(); j++) {
                Matcher next = lines.get(j) == null ? null : HEADING.matcher(lines.get(j));
                if (next != null && next.matches() && next.group(1).length() <= level) {
                    break;
                }
                body.append(lines.get(j) == null ? "" : lines.get(j)).append('\n');
            }
            String slug = anchor(heading.group(2));
            int count = seen.merge(slug, 1, Integer::sum);
            sections.put(count == 1 ? slug : slug + "-" + (count - 1), body.toString());
        }
        return sections;
    }

    /** The text of the section a link's anchor names, if the page has it. */
    public Optional<String> section(Path page, String anchor) {
        return Optional.ofNullable(sections(page).get(anchor));
    }

    /** Every relative link target of a page (outside code), as written. */
    public List<String> relativeLinks(Path page) {
        List<String> links = new ArrayList<>();
        for (String line : outsideFences(text(page))) {
            if (line == null) {
                continue;
            }
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /**
     * The anchor GitHub gives a heading: its text in lower case, without the Markdown of inline code and links,
     * every character that is not a letter, a digit, a space, a hyphen or an underscore dropped, spaces turned into
     * hyphens. (A second heading with the same anchor gets {@code -1}, see {@link #sections}.)
     */
    public static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The page's lines, with those of fenced code blocks (and the fences) as null. */
    private static List<String> outsideFences(String text) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                lines.add(null);
            } else {
                lines.add(fenced ? null : line);
            }
        }
        return lines;
    }
}
