package dev.outboxstock.deploy.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and of the pages under docs/ leads somewhere: the file it names exists, and the
 * heading its anchor names is on that page (by GitHub's rules for anchors). Moving a section to another page, or
 * renaming a heading, cannot leave a reader at a dead link.
 */
class DocumentationLinksTest {

    private final Documentation documentation = Documentation.ofThisCheckout();

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : documentation.pages()) {
            for (String link : documentation.relativeLinks(page)) {
                checked++;
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? page : normalized(page, file);
                if (!Files.exists(documentation.root().resolve(target))) {
                    broken.add(page + ": " + link + " (no file " + target + ")");
                } else if (hash >= 0 && target.toString().endsWith(".md")) {
                    String anchor = link.substring(hash + 1);
                    if (documentation.section(target, anchor).isEmpty()) {
                        broken.add(page + ": " + link + " (no heading #" + anchor + " in " + target + ")");
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void anchorsFollowGithubsRules() {
        assertThat(Documentation.anchor("The order API and the order's life"))
                .isEqualTo("the-order-api-and-the-orders-life");
        assertThat(Documentation.anchor("Operations: the console and dead-letter redrive"))
                .isEqualTo("operations-the-console-and-dead-letter-redrive");
        assertThat(Documentation.anchor("What the build checks (`./mvnw -B -pl deploy -am verify`, offline, seconds)"))
                .isEqualTo("what-the-build-checks-mvnw--b--pl-deploy--am-verify-offline-seconds");
    }

    private static Path normalized(Path page, String file) {
        Path parent = page.getParent() == null ? Path.of("") : page.getParent();
        return parent.resolve(file).normalize();
    }
}
