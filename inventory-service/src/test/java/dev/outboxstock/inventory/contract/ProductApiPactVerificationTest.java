package dev.outboxstock.inventory.contract;

import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.outboxstock.contract.testing.CommittedContracts;
import dev.outboxstock.contract.testing.SignedInHttpPactVerification;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;

/**
 * inventory-service keeps the pact its HTTP client (local-system's {@code InventoryClient}) wrote: every request is
 * sent to the running application, after the provider state set the stock in its database.
 */
@QuarkusTest
@InventoryTestResource
@Provider("inventory-service")
@Consumer("local-system")
@PactFolder(CommittedContracts.PACT_FOLDER)
class ProductApiPactVerificationTest extends SignedInHttpPactVerification {

    @TestHTTPResource("/")
    URL application;

    @Inject
    StockService stock;

    @Override
    protected URL application() {
        return application;
    }

    /** Every request of the consumer is made as this caller: a real token of the test issuer. */
    @State("a stock administrator is signed in")
    void signedIn() {
        signIn(TestTokens.stockAdmin());
    }

    @State("a product is in stock")
    void productInStock(Map<String, Object> product) {
        stock.setAvailable((String) product.get("productId"), ((Number) product.get("available")).intValue());
    }

    @State("inventory does not know a product")
    void unknownProduct(Map<String, Object> product) {
        String productId = (String) product.get("productId");
        if (stock.findProduct(productId).isPresent()) {
            throw new IllegalStateException("Inventory knows " + productId);
        }
    }
}
