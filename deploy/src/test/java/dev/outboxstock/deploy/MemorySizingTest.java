package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.measured.ImageHeapRatio;
import dev.outboxstock.deploy.measured.MeasuredMemory;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service's memory is sized from a committed measurement, not guessed (the benchmark run's; the console's own,
 * which the benchmark does not run): requested as limited (a pod is not evicted first under node pressure, nor killed
 * above a request it was promised), the limit at least {@value #HEADROOM} times the highest resident set measured,
 * and the heap the image derives from the limit at least the heap that resident set was measured with.
 */
class MemorySizingTest {

    /** Above the peak measured: backlogs larger than the benchmark's, and the JVM's native memory growing with them. */
    private static final double HEADROOM = 1.25;

    private static final long MIB = 1024 * 1024;

    /** The report's name of each workload's process. */
    private static final Map<String, String> MEASURED_AS = Map.of(
            "order-service", "order-service",
            "inventory-service", "inventory-service",
            "orders-outbox-relay", "order relay",
            "inventory-outbox-relay", "inventory relay",
            "operations-console", "operations-console");

    private static final Path ROOT = Path.of(Objects.requireNonNull(System.getProperty("outbox-stock.root")));

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyServiceHasTheMemoryItWasMeasuredToNeed(RenderedOverlay overlay) {
        MeasuredMemory benchmark = MeasuredMemory.fromReport(ROOT);
        MeasuredMemory console = MeasuredMemory.ofConsole(ROOT);
        List<String> problems = new ArrayList<>();
        for (Container container : Container.ofServices(overlay)) {
            String workload = container.workload().name();
            long request = mebibytes(container, "requests");
            long limit = mebibytes(container, "limits");
            if (request != limit) {
                problems.add(container + " requests " + request + " MiB but is limited to " + limit);
            }
            String process = MEASURED_AS.get(workload);
            MeasuredMemory measured = workload.equals("operations-console") ? console : benchmark;
            if (process == null || !measured.peakMiB().containsKey(process)) {
                problems.add(container + " has no measured resident set");
                continue;
            }
            long peak = measured.peakMiB().get(process);
            long heap =
                    limit * ImageHeapRatio.of(ROOT, container.serviceModule().get()) / 100;
            if (limit < HEADROOM * peak) {
                problems.add(container + " is limited to " + limit + " MiB, under " + HEADROOM + " x its peak of "
                        + peak + " MiB");
            }
            if (heap < measured.heapMiB()) {
                problems.add(container + " gets a " + heap + " MiB heap, smaller than the " + measured.heapMiB()
                        + " MiB it was measured with");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static long mebibytes(Container container, String bound) {
        String memory =
                container.spec().path("resources").path(bound).path("memory").asText();
        return Quantity.getAmountInBytes(new Quantity(memory)).longValue() / MIB;
    }
}
