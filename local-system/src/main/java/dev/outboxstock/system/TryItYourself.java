package dev.outboxstock.system;

import dev.outboxstock.token.Role;
import java.nio.file.Path;
import java.util.Map;

/** What the demo prints once it is done: where everything is, a token per role, and curl lines that use them. */
final class TryItYourself {

    private TryItYourself() {}

    static void print(LocalSystem system, Map<Role, String> tokens, Path logDir) {
        System.out.printf(
                "%norder-service:     %s/orders  (OpenAPI: /q/openapi)%ninventory-service: %s/products%n"
                        + "order relay:       %s/q/health%ninventory relay:   %s/q/health%n"
                        + "Operations console: %s/sign-in  (with the operator token below)%nKafka:             %s%n"
                        + "Logs:              %s%n",
                system.orderService().baseUri(),
                system.inventoryService().baseUri(),
                system.orderRelay().baseUri(),
                system.inventoryRelay().baseUri(),
                system.operationsConsole().orElseThrow().baseUri(),
                system.stack().kafka().orElseThrow().bootstrapServers(),
                logDir);
        System.out.printf("%nBearer tokens, valid for a day (Authorization: Bearer <token>):%n");
        tokens.forEach((role, token) -> System.out.printf("%s=%s%n", envName(role), token));
        System.out.printf(
                "%nFor example, after pasting those lines into your shell:%n"
                        + "  curl -s -H \"Authorization: Bearer $CUSTOMER_TOKEN\" -H 'Content-Type: application/json' \\%n"
                        + "       -d '{\"lines\":[{\"productId\":\"apple\",\"quantity\":1}]}' %s/orders%n"
                        + "  curl -s -H \"Authorization: Bearer $STOCK_ADMIN_TOKEN\" %s/products/apple/movements%n",
                system.orderService().baseUri(), system.inventoryService().baseUri());
    }

    /** The shell variable a role's token is printed as: {@code CUSTOMER_TOKEN}, {@code STOCK_ADMIN_TOKEN}, ... */
    private static String envName(Role role) {
        return role.name() + "_TOKEN";
    }
}
