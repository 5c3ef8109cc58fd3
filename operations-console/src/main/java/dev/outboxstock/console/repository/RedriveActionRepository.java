package dev.outboxstock.console.repository;

import dev.outboxstock.console.deadletter.RedriveAction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RedriveActionRepository implements PanacheRepositoryBase<RedriveAction, Long> {

    /** A page of the action log, newest first. */
    public List<RedriveAction> page(int page, int size) {
        return findAll(Sort.descending("performedAt", "id"))
                .page(Page.of(page, size))
                .list();
    }
}
