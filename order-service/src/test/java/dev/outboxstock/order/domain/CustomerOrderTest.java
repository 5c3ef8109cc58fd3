package dev.outboxstock.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final CustomerOrder order = CustomerOrder.place(
            UUID.randomUUID(), "alice", List.of(new ProductQuantity("apple", 2), new ProductQuantity("pear", 3)), NOW);

    @Test
    void isConfirmedWhenInventoryTookTheStockOfEveryLine() {
        assertThat(order.stockTaken("apple", NOW)).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

        assertThat(order.stockTaken("pear", NOW)).isEmpty();

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.lines()).extracting(OrderLine::status).containsOnly(LineStatus.RESERVED);
    }

    @Test
    void isRejectedByTheFirstRefusalAndGivesBackWhatOtherLinesTook() {
        order.stockTaken("apple", NOW);

        List<OrderLine> toRelease = order.stockRefused("pear", "INSUFFICIENT_STOCK", NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReason()).contains("INSUFFICIENT_STOCK: pear");
        assertThat(toRelease).extracting(OrderLine::productId).containsExactly("apple");
        assertThat(order.lines())
                .extracting(OrderLine::status)
                .containsExactly(LineStatus.RELEASE_REQUESTED, LineStatus.REJECTED);
    }

    @Test
    void givesBackStockThatArrivesAfterTheOrderWasRejected() {
        order.stockRefused("apple", "UNKNOWN_PRODUCT", NOW);

        List<OrderLine> toRelease = order.stockTaken("pear", NOW);

        assertThat(toRelease).extracting(OrderLine::productId).containsExactly("pear");
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        order.stockReleased("pear", NOW);
        assertThat(order.lines().get(1).status()).isEqualTo(LineStatus.RELEASED);
    }

    @Test
    void cancelGivesBackTakenStockAndStockTakenLaterToo() {
        order.stockTaken("apple", NOW);

        assertThat(order.cancel(NOW)).extracting(OrderLine::productId).containsExactly("apple");
        assertThat(order.stockTaken("pear", NOW))
                .extracting(OrderLine::productId)
                .containsExactly("pear");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancel(NOW)).as("cancelling twice changes nothing").isEmpty();
    }

    @Test
    void aConfirmedOrderCanNeitherBeCancelledNorRejected() {
        order.stockTaken("apple", NOW);
        order.stockTaken("pear", NOW);

        assertThatThrownBy(() -> order.cancel(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aLineCannotBeAnsweredTwice() {
        order.stockTaken("apple", NOW);

        assertThatThrownBy(() -> order.stockRefused("apple", "INSUFFICIENT_STOCK", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> order.stockTaken("kiwi", NOW)).isInstanceOf(IllegalTransitionException.class);
    }
}
