package dev.outboxstock.consumer.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A line of {@code ledger_line}: what applying one entry writes. */
@Entity
@Table(name = "ledger_line")
public class LedgerLine {

    /** Given by the database as the line is written: the order lines were written in. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "applied_order")
    Long appliedOrder;

    @Column(name = "event_id")
    UUID eventId;

    String account;

    int amount;

    @Column(name = "source_partition")
    int sourcePartition;

    @Column(name = "source_offset")
    long sourceOffset;

    protected LedgerLine() {}

    LedgerLine(UUID eventId, String account, int amount, int sourcePartition, long sourceOffset) {
        this.eventId = eventId;
        this.account = account;
        this.amount = amount;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }
}
