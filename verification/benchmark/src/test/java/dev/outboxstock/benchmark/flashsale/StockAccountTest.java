package dev.outboxstock.benchmark.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockAccountTest {

    @Test
    void booksThatBalanceWithinTheStockShowNoOversell() {
        StockAccount stock = new StockAccount(80, 80, 0, 0);

        assertThat(stock.oversells()).isZero();
        assertThat(stock.balances()).isTrue();
    }

    @Test
    void unitsConfirmedBeyondTheStockAreOversells() {
        StockAccount stock = new StockAccount(80, 83, 0, 0);

        assertThat(stock.oversells()).isEqualTo(3);
        assertThat(stock.balances()).isFalse();
    }

    @Test
    void aProductBelowZeroIsAnOversellEvenWhenTheBooksBalance() {
        StockAccount stock = new StockAccount(80, 82, -2, -2);

        assertThat(stock.oversells()).isEqualTo(4);
        assertThat(stock.balances()).isTrue();
    }
}
