package dev.outboxstock.inventory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.service.StockOutcome;
import dev.outboxstock.inventory.service.StockService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the stock topic one record at a time, in partition order. The record's offset is committed only
 * after this method returned, that is after the database transaction committed.
 */
@ApplicationScoped
public class StockEventConsumer {

    private static final Logger LOG = Logger.getLogger(StockEventConsumer.class);

    private final StockService stockService;
    private final ObjectMapper objectMapper;

    public StockEventConsumer(StockService stockService, ObjectMapper objectMapper) {
        this.stockService = stockService;
        this.objectMapper = objectMapper;
    }

    @Incoming(StockTopic.NAME)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!StockDecreaseRequested.TYPE.equals(type)) {
            LOG.warnf(
                    "Skipping event of unknown type %s at %s-%d@%d",
                    type, record.topic(), record.partition(), record.offset());
            return;
        }
        UUID eventId = UUID.fromString(header(record, EventHeaders.EVENT_ID));
        StockDecreaseRequested request = objectMapper.readValue(record.value(), StockDecreaseRequested.class);
        StockOutcome outcome = stockService.decrease(eventId, request);
        LOG.debugf(
                "%s %s: %d of %s for order %s",
                outcome, eventId, request.quantity(), request.productId(), request.orderId());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
