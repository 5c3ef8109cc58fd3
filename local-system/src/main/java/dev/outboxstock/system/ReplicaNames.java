package dev.outboxstock.system;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The names of a component's replicas, which name their log files and the console's relay list: a single replica
 * keeps the component's name, several are numbered from 1.
 */
final class ReplicaNames {

    private ReplicaNames() {}

    static List<String> of(String name, int replicas) {
        if (replicas == 1) {
            return List.of(name);
        }
        return IntStream.rangeClosed(1, replicas)
                .mapToObj(replica -> name + "-" + replica)
                .toList();
    }
}
