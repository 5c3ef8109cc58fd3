package dev.outboxstock.system;

import dev.outboxstock.localstack.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The processes a {@link StartSequence} started: the services, one list of relays per database, the console. */
record SystemProcesses(
        ServiceProcess orderService,
        List<ServiceProcess> inventoryServices,
        List<ServiceProcess> orderRelays,
        List<ServiceProcess> inventoryRelays,
        Optional<ServiceProcess> operationsConsole) {

    List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(orderService);
        all.addAll(inventoryServices);
        all.addAll(orderRelays);
        all.addAll(inventoryRelays);
        operationsConsole.ifPresent(all::add);
        return all;
    }
}
