package dev.outboxstock.console.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the action log: what was done, to which dead letters, when, by whom (as the caller says), how many. */
@Entity
@Table(name = "redrive_action")
public class RedriveAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionKind action;

    @Column(nullable = false)
    private String operator;

    @Column(name = "performed_at", nullable = false)
    private Instant performedAt;

    @Column(nullable = false)
    private String selection;

    @Column(name = "record_count", nullable = false)
    private int recordCount;

    protected RedriveAction() {}

    public RedriveAction(ActionKind action, String operator, Instant performedAt, String selection, int recordCount) {
        this.action = action;
        this.operator = operator;
        this.performedAt = performedAt;
        this.selection = selection;
        this.recordCount = recordCount;
    }

    public long id() {
        return id;
    }

    public ActionKind action() {
        return action;
    }

    public String operator() {
        return operator;
    }

    public Instant performedAt() {
        return performedAt;
    }

    public String selection() {
        return selection;
    }

    public int recordCount() {
        return recordCount;
    }
}
