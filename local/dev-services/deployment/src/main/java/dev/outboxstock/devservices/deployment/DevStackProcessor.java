package dev.outboxstock.devservices.deployment;

import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem.RunningDevService;

/**
 * In dev mode, the local stack (a private PostgreSQL and Kafka, real processes, no Docker) is the application's dev
 * services: started on the first start, kept across live reloads, joined when another dev mode already runs it, and
 * stopped with the dev mode that started it.
 */
class DevStackProcessor {

    private static final String NAME = "outbox-stock-local-stack";

    /** Survives live reloads, which run the build steps again in the same JVM. */
    private static volatile DevStack running;

    @BuildStep(onlyIf = IsDevelopment.class)
    void startLocalStack(
            DevStackConfig config,
            CuratedApplicationShutdownBuildItem shutdown,
            BuildProducer<DevServicesResultBuildItem> devServices) {
        if (!config.enabled()) {
            return;
        }
        if (running == null) {
            running = DevStack.joinOrStart();
            shutdown.addCloseTask(
                    () -> {
                        running.close();
                        running = null;
                    },
                    true);
        }
        // No closeable: the stack outlives a live reload; the close task above stops it with dev mode.
        devServices.produce(new RunningDevService(NAME, null, null, running.config(config.database())).toBuildItem());
    }
}
