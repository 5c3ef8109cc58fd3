package dev.outboxstock.console.overview;

import dev.outboxstock.console.client.InventoryServiceClient;
import dev.outboxstock.console.client.MovementView;
import dev.outboxstock.console.client.OrderServiceClient;
import dev.outboxstock.console.client.OrderView;
import dev.outboxstock.console.client.ProductView;
import dev.outboxstock.console.client.RelayClient;
import dev.outboxstock.console.client.ServiceUnreachableException;
import dev.outboxstock.console.config.ConsoleConfig;
import dev.outboxstock.console.config.WatchedRelays;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import dev.outboxstock.console.kafka.ConsumerGroupLag;
import dev.outboxstock.console.kafka.KafkaUnavailableException;
import dev.outboxstock.console.kafka.PartitionLag;
import dev.outboxstock.console.rest.DeadLetterSummary;
import dev.outboxstock.console.service.DeadLetterPage;
import dev.outboxstock.console.service.RedriveService;
import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the console page shows, read through the services' APIs, Kafka's admin API, the relays' health and
 * metrics, and the console's own dead-letter index. A source that cannot be read makes its section show why, never
 * the page fail.
 */
@ApplicationScoped
public class ConsoleOverview {

    static final Duration TIMELINE_WINDOW = Duration.ofHours(1);
    static final Duration TIMELINE_BUCKET = Duration.ofMinutes(2);
    static final int LATEST_ORDERS_SHOWN = 8;
    static final int PRODUCTS_SHOWN = 20;
    static final int MOVEMENTS_SHOWN = 20;
    static final int DEAD_LETTERS_SHOWN = 50;
    static final int ACTIONS_SHOWN = 10;

    private final OrderServiceClient orders;
    private final InventoryServiceClient inventory;
    private final RelayClient relays;
    private final ConsumerGroupLag lag;
    private final RedriveService redrive;
    private final WatchedRelays watchedRelays;
    private final ConsoleConfig config;

    public ConsoleOverview(
            OrderServiceClient orders,
            InventoryServiceClient inventory,
            RelayClient relays,
            ConsumerGroupLag lag,
            RedriveService redrive,
            WatchedRelays watchedRelays,
            ConsoleConfig config) {
        this.orders = orders;
        this.inventory = inventory;
        this.relays = relays;
        this.lag = lag;
        this.redrive = redrive;
        this.watchedRelays = watchedRelays;
        this.config = config;
    }

    public OrdersSection orders() {
        String threshold = config.pendingThreshold().toString().substring(2).toLowerCase();
        try {
            Map<String, Long> counts = orders.countsByStatus();
            Instant since = Instant.now().minus(TIMELINE_WINDOW).truncatedTo(ChronoUnit.MINUTES);
            StatusChart chart = StatusChart.of(orders.timeline(since, TIMELINE_BUCKET));
            Instant stuckBefore = Instant.now().minus(config.pendingThreshold());
            List<OrderView> stuck = orders.pendingSince(stuckBefore).stream()
                    .filter(order -> order.createdAt().isBefore(stuckBefore))
                    .toList();
            return new OrdersSection(counts, chart, orders.latest(LATEST_ORDERS_SHOWN), stuck, threshold, null);
        } catch (ServiceUnreachableException e) {
            return new OrdersSection(Map.of(), null, List.of(), List.of(), threshold, e.getMessage());
        }
    }

    /** The first products, and {@code productId}'s stock and movements when one is asked for. */
    public StockSection stock(Optional<String> productId) {
        if (productId.filter(id -> !id.matches(ProductIdFormat.PATTERN)).isPresent()) {
            return new StockSection(List.of(), productId.get(), null, List.of(), ProductIdFormat.MESSAGE);
        }
        try {
            List<ProductView> products = inventory.products(PRODUCTS_SHOWN);
            Optional<ProductView> product = productId.flatMap(inventory::product);
            List<MovementView> movements = product.map(found -> inventory.movements(found.id(), MOVEMENTS_SHOWN))
                    .orElse(List.of());
            String error = productId.isPresent() && product.isEmpty() ? "No product " + productId.get() : null;
            return new StockSection(products, productId.orElse(""), product.orElse(null), movements, error);
        } catch (ServiceUnreachableException e) {
            return new StockSection(List.of(), productId.orElse(""), null, List.of(), e.getMessage());
        }
    }

    public List<RelayRow> relays() {
        return watchedRelays.all().stream().map(relays::read).map(RelayRow::of).toList();
    }

    public List<LagSection> consumerLag() {
        return config.consumerGroups().stream().map(this::lagOf).toList();
    }

    public DeadLetterSection deadLetters(DeadLetterQuery query) {
        DeadLetterPage page = redrive.list(query.filter(), 0, DEAD_LETTERS_SHOWN);
        long pending = redrive.count(query.criteria().withStatus(DeadLetterStatus.PENDING));
        return new DeadLetterSection(
                page.items().stream().map(DeadLetterSummary::of).toList(),
                page.total(),
                query,
                BulkSelection.of(query, pending),
                Topics.DEAD_LETTERS,
                List.of(DeadLetterStatus.values()),
                redrive.actions(0, ACTIONS_SHOWN));
    }

    private LagSection lagOf(String group) {
        try {
            List<PartitionLag> partitions = lag.of(group);
            return new LagSection(
                    group,
                    partitions,
                    partitions.stream().mapToLong(PartitionLag::lag).sum(),
                    null);
        } catch (KafkaUnavailableException e) {
            return new LagSection(group, List.of(), 0, e.getMessage());
        }
    }
}
