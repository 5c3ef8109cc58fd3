package dev.outboxstock.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.AcknowledgedSend;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import dev.outboxstock.token.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The operations console in a real browser (headless Chromium through its WebDriver) against the whole local system:
 * what an operator sees and what a click does. A failing test leaves a screenshot in {@code target/}.
 */
class OperationsConsoleBrowserIT {

    /** Debian's chromium and chromium-driver packages; override with -Dchrome.binary / -Dchromedriver. */
    private static final String CHROMIUM = System.getProperty("chrome.binary", "/usr/bin/chromium");

    private static final String CHROMEDRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /** The subject of the token the browser signs in with: the name the action log must record. */
    private static final String OPERATOR = "browser-test";

    /** Units that take a stock of 1,000,000,000 past Integer.MAX_VALUE: never applied to a {@link #fixedProduct()}. */
    private static final int OVERFLOWING = Integer.MAX_VALUE - 1_000_000_000 + 1;

    private static LocalSystem system;
    private static OrderClient orders;
    private static InventoryClient inventory;
    private static WebDriver browser;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshot("browser-" + context.getRequiredTestMethod().getName() + "-failed.png");
        }
    };

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        orders = system.customerOrders();
        inventory = system.stockAdminInventory();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                // --no-sandbox: Chromium's sandbox cannot run as root, which CI containers are.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                        .build(),
                options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        signIn();
    }

    /** As an operator does: the token from the identity provider pasted once, kept in the console's cookie. */
    private static void signIn() {
        open("/");
        assertThat(browser.getCurrentUrl()).as("sent to sign in").endsWith("/sign-in");
        browser.findElement(By.id("token")).sendKeys(system.token(Role.OPERATOR, OPERATOR));
        browser.findElement(By.id("sign-in-button")).click();
        // The click returns once the form is sent; the console's page arrives after the redirect.
        await("the console's page after signing in")
                .atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("dead-letters")).isDisplayed());
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        ConsoleMemory.record(system.operationsConsole().orElseThrow(), Path.of("target", ConsoleMemory.FILE));
    }

    /**
     * The console's heaviest action, for its memory measurement (the peak is read after all tests): 1,000 dead
     * letters, each a replenishment of one unit, indexed and replayed in one bulk action; every unit arrives once.
     */
    @Test
    void replaysAThousandDeadLettersInOneAction() throws Exception {
        String product = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        String reason = "memory measurement " + product;
        inventory.setStock(product, 0);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < ConsoleMemory.DEAD_LETTERS; i++) {
                ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(
                        StockTopic.DEAD_LETTER,
                        utf8(product),
                        utf8("{\"productId\":\"" + product + "\",\"quantity\":1}"));
                deadLetter
                        .headers()
                        .add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
                deadLetter.headers().add(EventHeaders.EVENT_TYPE, utf8(StockReplenished.TYPE));
                deadLetter.headers().add(DeadLetterHeaders.REASON, utf8(reason));
                deadLetter.headers().add(DeadLetterHeaders.TOPIC, utf8(StockTopic.NAME));
                producer.send(deadLetter);
            }
            producer.flush();
        }
        ConsoleApi api = new ConsoleApi(
                system.operationsConsole().orElseThrow().baseUri(), system.token(Role.OPERATOR, OPERATOR));
        String filter = "status=PENDING&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        await().atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        api.get("/dead-letters?size=1&" + filter).path("total").asLong() == ConsoleMemory.DEAD_LETTERS);

        JsonNode outcome = api.post(
                "/dead-letters/replay",
                "{\"reason\": \"" + reason + "\", \"limit\": " + ConsoleMemory.DEAD_LETTERS + "}");

        assertThat(outcome.path("count").asInt()).isEqualTo(ConsoleMemory.DEAD_LETTERS);
        await().atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> inventory.available(product) == ConsoleMemory.DEAD_LETTERS);
    }

    @Test
    void showsTheSeededStockAndAnOrdersFinalStatusWithoutConsoleErrors() {
        String product = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.setStock(product, 40);
        OrderClient.Order order = orders.placeOrder(List.of(new Line(product, 3)));
        await().atMost(SETTLE)
                .until(() -> orders.findOrder(order.id()).orElseThrow().status().equals("CONFIRMED"));
        await().atMost(SETTLE).until(() -> inventory.available(product) == 37);

        open("/?product=" + product);

        assertThat(text(By.cssSelector("#product-" + product + " .available"))).isEqualTo("37");
        assertThat(browser.findElements(By.cssSelector("#movements tbody tr"))).hasSize(2);
        assertThat(text(By.cssSelector("tr[data-order='" + order.id() + "'] .pill")))
                .isEqualTo("CONFIRMED");
        assertThat(browser.findElements(By.cssSelector("#relays tr[data-relay] .role-ACTIVE")))
                .hasSize(2);
        assertThat(browser.findElement(By.id("orders-chart")).findElements(By.tagName("rect")))
                .isNotEmpty();
        assertThat(browserErrors()).isEmpty();
    }

    @Test
    void aGarbageRecordAppearsAsADeadLetter() {
        String key = "garbage-" + UUID.randomUUID().toString().substring(0, 8);
        produce(new ProducerRecord<>(StockTopic.NAME, key.getBytes(StandardCharsets.UTF_8), new byte[] {
            (byte) 0xC3, 0x28, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'
        }));

        WebElement row = awaitDeadLetterRow(key);

        assertThat(row.getText()).contains(StockTopic.DEAD_LETTER).contains("PENDING");
        assertThat(browserErrors()).isEmpty();
    }

    @Test
    void replayingAFixedRecordAppliesItOnceEvenWhenClickedTwice() {
        // A replenishment that would take the stock past Integer.MAX_VALUE can never be applied: dead-lettered.
        String product = fixedProduct();
        produce(unappliableReplenishment(product));
        awaitDeadLetterRow(product);

        // The cause is fixed: the stock is counted again. Now the same event fits, once (twice would overflow again).
        inventory.setStock(product, 100);
        int expected = 100 + OVERFLOWING;
        assertThat(text(By.id("operator"))).as("who the page says acts").isEqualTo(OPERATOR);
        clickReplay(product);
        assertThat(text(By.id("outcome"))).contains("replayed by " + OPERATOR);
        clickReplay(product);
        assertThat(text(By.id("outcome"))).contains("replayed by " + OPERATOR);

        await().atMost(SETTLE).until(() -> inventory.available(product) == expected);
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> inventory.available(product) == expected);
        open("/?product=" + product + "&key=" + product);
        assertThat(browser.findElements(By.cssSelector("#movements tbody tr")))
                .extracting(WebElement::getText)
                .filteredOn(movement -> movement.contains("REPLENISH"))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#dead-letter-list tr[data-key='" + product + "']")))
                .as("no second dead letter: the second replay was recognised, not applied")
                .hasSize(1);
        assertThat(text(By.cssSelector("tr[data-key='" + product + "']"))).contains("REPLAYED ×2");
        assertThat(browserErrors()).isEmpty();

        // The whole page as this run left it: what docs/operations.md shows (docs/operations-console.png).
        open("/?product=" + product);
        screenshot("operations-console.png");
    }

    @Test
    void discardingAllMatchingDiscardsExactlyTheFilteredSetInOneAction() {
        // Three replenishments that can never be applied, of three products: dead letters of one event type, written
        // after this instant. Reason, event type and time together select exactly them (keys differ).
        Instant since = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        List<String> products = List.of(fixedProduct(), fixedProduct(), fixedProduct());
        products.forEach(product -> produce(unappliableReplenishment(product)));
        String filter = "/?reason=would%20exceed&eventType=" + StockReplenished.TYPE + "&from=" + since;
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            open(filter);
            return browser.findElements(By.cssSelector("#dead-letter-list tr[data-status='PENDING']"))
                            .size()
                    == 3;
        });
        assertThat(browser.findElements(By.cssSelector("#dead-letter-list tr[data-key]")))
                .extracting(row -> row.getAttribute("data-key"))
                .containsExactlyInAnyOrderElementsOf(products);

        WebElement discardAll = browser.findElement(By.cssSelector("#bulk button.discard"));
        assertThat(discardAll.getText()).isEqualTo("Discard all 3 matching");
        discardAll.click();
        String confirmation = browser.switchTo().alert().getText();
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("outcome")).isDisplayed());

        assertThat(confirmation).contains("Discard 3 pending").contains("reason~would exceed");
        assertThat(text(By.id("outcome"))).contains("Discarded 3 dead letters by " + OPERATOR);
        assertThat(browser.findElements(By.cssSelector("#dead-letter-list tr[data-key]")))
                .extracting(row -> row.getAttribute("data-status"))
                .containsExactly("DISCARDED", "DISCARDED", "DISCARDED");
        assertThat(browser.findElement(By.cssSelector("#actions tbody tr")).getText())
                .contains("DISCARD")
                .contains(OPERATOR)
                .contains("from=" + since)
                .endsWith("3");
        products.forEach(product -> assertThat(inventory.available(product)).isEqualTo(1_000_000_000));
        assertThat(browserErrors()).isEmpty();
    }

    /** A product with 1,000,000,000 units: a replenishment of {@link #OVERFLOWING} can never be applied to it. */
    private static String fixedProduct() {
        String product = "fixed-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.setStock(product, 1_000_000_000);
        return product;
    }

    /** A replenishment that would take the product's stock past Integer.MAX_VALUE: inventory dead-letters it. */
    private static ProducerRecord<byte[], byte[]> unappliableReplenishment(String product) {
        ProducerRecord<byte[], byte[]> replenishment = new ProducerRecord<>(
                StockTopic.NAME,
                utf8(product),
                utf8("{\"productId\":\"" + product + "\",\"quantity\":" + OVERFLOWING + "}"));
        replenishment
                .headers()
                .add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
        replenishment.headers().add(EventHeaders.EVENT_TYPE, utf8(StockReplenished.TYPE));
        return replenishment;
    }

    private static void clickReplay(String key) {
        browser.findElement(By.cssSelector("tr[data-key='" + key + "'] button.replay"))
                .click();
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("outcome")).isDisplayed());
    }

    /**
     * Reloads the console filtered to the key until the dead letter is listed, and returns its row. The URL carries no
     * {@code #fragment}: opening the page's own URL with one is a same-document navigation, which never reloads it.
     */
    private static WebElement awaitDeadLetterRow(String key) {
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            open("/?key=" + key);
            return !browser.findElements(By.cssSelector("#dead-letter-list tr[data-key='" + key + "']"))
                    .isEmpty();
        });
        return browser.findElement(By.cssSelector("#dead-letter-list tr[data-key='" + key + "']"));
    }

    private static void open(String path) {
        browser.get(
                system.operationsConsole().orElseThrow().baseUri().resolve(path).toString());
    }

    private static String text(By selector) {
        return browser.findElement(selector).getText().strip();
    }

    /** What the page logged as an error (a script error, a resource that failed to load). */
    private static List<String> browserErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private static void produce(ProducerRecord<byte[], byte[]> record) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            AcknowledgedSend.send(producer, record);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return AcknowledgedSend.bytesProducer(
                system.stack().kafka().orElseThrow().bootstrapServers());
    }

    private static void screenshot(String name) {
        if (browser == null) {
            return;
        }
        try {
            Path target = Path.of("target", name);
            Files.createDirectories(target.getParent());
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
